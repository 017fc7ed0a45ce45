import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clipMotion } from './activity.ts';
import { buildProfile, seededRandom } from './ankle-profile.ts';
import { BODIES, bodyFile, HELDOUT_BODIES, RIG_BONES, SHARED_MODELS_DIR, TUNING_BODIES } from './bodies.ts';
import {
  heldOutSet,
  negativeSet,
  phoneCheckSet,
  type SetClip,
  tuningDarkControlSet,
  tuningDarkSet,
  tuningExtraSet,
  tuningSet,
  tuningWideSet,
} from './eval-sets.ts';

/** Node names in a GLB's JSON chunk (no decoding of meshes needed). */
function glbNodeNames(path: string): Set<string> {
  const b = readFileSync(path);
  const json = JSON.parse(b.subarray(20, 20 + b.readUInt32LE(12)).toString('utf8')) as {
    nodes: { name?: string }[];
  };
  return new Set(json.nodes.map((n) => n.name ?? ''));
}

const haveShared = existsSync(SHARED_MODELS_DIR);

describe('bodies and the split', () => {
  it('holds out bodies that are never tuned on, and uses every shared body', () => {
    expect(HELDOUT_BODIES.filter((b) => TUNING_BODIES.includes(b))).toEqual([]);
    expect(HELDOUT_BODIES).toEqual([
      'valid_Black_F_2_Casual',
      'valid_Black_M_1_Default',
      'valid_White_M_2_Default',
    ]);
    if (haveShared) {
      const files = readdirSync(SHARED_MODELS_DIR)
        .filter((f) => f.endsWith('.glb'))
        .map((f) => f.replace(/\.glb$/, ''))
        .sort();
      expect([...TUNING_BODIES, ...HELDOUT_BODIES].sort()).toEqual(files);
    }
  });

  it.skipIf(!haveShared)('finds every joint of the rig table in every body file', () => {
    for (const body of BODIES) {
      const names = glbNodeNames(bodyFile(body.name));
      const missing = Object.entries(RIG_BONES)
        .map(([joint, byRig]) => [joint, byRig[body.rig]] as const)
        .filter(([, bone]) => !names.has(bone));
      expect(missing, body.name).toEqual([]);
    }
  });
});

describe('evaluation sets', () => {
  it('renders the held-out set from held-out bodies only and the tuning set from tuning bodies only', () => {
    expect(heldOutSet().every((c) => HELDOUT_BODIES.includes(c.spec.body!))).toBe(true);
    expect(tuningSet().every((c) => TUNING_BODIES.includes(c.spec.body!))).toBe(true);
    expect(tuningExtraSet().every((c) => TUNING_BODIES.includes(c.spec.body!))).toBe(true);
    // Its own seeds: no clip shares a seed (room, light, camera) with a clip of another set.
    const seen = new Set([...tuningSet(), ...heldOutSet(), ...negativeSet()].map((c) => c.spec.seed));
    expect(tuningExtraSet().filter((c) => seen.has(c.spec.seed))).toEqual([]);
    expect(negativeSet().every((c) => HELDOUT_BODIES.includes(c.spec.body!))).toBe(true);
  });

  it('draws the wide tuning set as the held-out set is drawn, on tuning bodies and seeds of its own', () => {
    const wide = tuningWideSet();
    expect(wide.every((c) => TUNING_BODIES.includes(c.spec.body!))).toBe(true);
    const seen = new Set(
      [...tuningSet(), ...tuningExtraSet(), ...heldOutSet(), ...negativeSet(), ...phoneCheckSet()].map(
        (c) => c.spec.seed,
      ),
    );
    expect(wide.filter((c) => seen.has(c.spec.seed))).toEqual([]);
    // The same conditions as the held-out clips (combined in another shuffle), so a gap between the
    // two sets' scores is the bodies' and the draws', not the conditions'.
    const axes: ((c: SetClip) => string)[] = [
      (c) => c.conditions.resolution,
      (c) => String(c.spec.frameRateHz),
      (c) => c.conditions.posture,
    ];
    for (const axis of axes) expect(wide.map(axis).sort()).toEqual(heldOutSet().map(axis).sort());
  });

  it('darkens tuning bodies for the dark set, on seeds of its own', () => {
    const dark = tuningDarkSet();
    expect(dark.every((c) => TUNING_BODIES.includes(c.spec.body!))).toBe(true);
    const seen = new Set(
      [
        ...tuningSet(),
        ...tuningExtraSet(),
        ...tuningWideSet(),
        ...heldOutSet(),
        ...negativeSet(),
        ...phoneCheckSet(),
      ].map((c) => c.spec.seed),
    );
    expect(dark.filter((c) => seen.has(c.spec.seed))).toEqual([]);
    // Every body at most 55% of its own colour in red and less in green and blue (a warm dark
    // tone); the other sets' tints keep 82-100%.
    const channels = (c: SetClip) =>
      [1, 3, 5].map((i) => Number.parseInt(c.spec.appearance?.tint.slice(i, i + 2) ?? 'ff', 16) / 255) as [
        number,
        number,
        number,
      ];
    for (const c of dark) {
      const [r, g, b] = channels(c);
      expect(r).toBeGreaterThanOrEqual(0.29);
      expect(r).toBeLessThanOrEqual(0.56);
      expect(g).toBeLessThan(r);
      expect(b).toBeLessThan(g);
    }
    expect(tuningExtraSet().every((c) => channels(c).every((v) => v >= 0.81))).toBe(true);
    // Its control is the same clips in their own colours: only the tint differs.
    const control = tuningDarkControlSet();
    expect(control.every((c) => channels(c).every((v) => v >= 0.81))).toBe(true);
    expect(dark.map((c) => ({ ...c.spec, appearance: { ...c.spec.appearance, tint: '' } }))).toEqual(
      control.map((c) => ({ ...c.spec, appearance: { ...c.spec.appearance, tint: '' } })),
    );
  });

  it('covers every condition family in the held-out set', () => {
    const set = heldOutSet();
    const values = (f: (c: (typeof set)[number]) => unknown) => new Set(set.map(f));
    expect(values((c) => c.conditions.posture)).toEqual(new Set(['sitting', 'lying']));
    expect(values((c) => c.conditions.yawBand)).toEqual(new Set(['0-15', '15-30', '30-45']));
    expect(values((c) => c.conditions.resolution)).toEqual(new Set(['360p', '480p', '720p', '1080p']));
    expect(values((c) => c.conditions.clothes)).toEqual(new Set(['own', 'trousers', 'blanket']));
    for (const style of ['normal', 'fast-no-hold', 'partial', 'knee-bend', 'leg-lift', 'leg-slide'])
      expect(values((c) => c.conditions.style).has(style), style).toBe(true);
    const rates = set.map((c) => c.spec.frameRateHz);
    expect(Math.min(...rates)).toBe(15);
    expect(Math.max(...rates)).toBe(60);
    const yaw = set.map((c) => Math.abs(c.spec.camera.azimuthDeg));
    expect(Math.max(...yaw)).toBeLessThanOrEqual(45);
    expect(set.some((c) => c.spec.crf! >= 30)).toBe(true);
    // A blanket only over a lying body whose leg stays still.
    for (const c of set.filter((x) => x.conditions.clothes === 'blanket')) {
      expect(c.spec.posture).toBe('lying');
      expect(c.spec.profile.legLifts).toEqual([]);
    }
  });

  it('draws the same clips from the same seeds, and different clips from different seeds', () => {
    expect(heldOutSet()).toEqual(heldOutSet());
    const specs = heldOutSet().map((c) => JSON.stringify(c.spec));
    expect(new Set(specs).size).toBe(specs.length);
  });

  it('scripts what each rep style says: fast reps hold nothing, partial reps fall short, leg moves are timed', () => {
    for (const c of heldOutSet()) {
      const p = buildProfile(c.spec.profile, seededRandom(c.spec.seed));
      if (c.conditions.style === 'fast-no-hold') expect(p.reps.every((r) => r.plantarHoldS === 0)).toBe(true);
      if (c.conditions.style === 'partial') {
        const partial = p.reps.filter((r) => r.partial);
        const full = p.reps.filter((r) => !r.partial);
        expect(partial.length).toBeGreaterThan(0);
        const range = (r: (typeof p.reps)[number]) => r.plantarflexionDeg + r.dorsiflexionDeg;
        expect(Math.max(...partial.map(range))).toBeLessThan(Math.min(...full.map(range)));
      }
      if (['knee-bend', 'leg-lift', 'leg-slide'].includes(c.conditions.style)) {
        expect(p.lifts).toHaveLength(1);
        const mid = (p.lifts[0]!.startS + p.lifts[0]!.endS) / 2;
        const leg = p.legPose(mid);
        if (c.conditions.style === 'knee-bend') expect(leg.kneeFlexDeg).toBeCloseTo(2 * leg.hipFlexDeg, 6);
        if (c.conditions.style === 'leg-slide') expect(leg.slideDeg).toBeGreaterThan(10);
        if (c.conditions.style === 'leg-lift') expect(leg.kneeFlexDeg).toBe(0);
      }
    }
  });

  it('gives the negative clips no pump reps, but movement (squats bend the ankle too)', () => {
    for (const n of negativeSet()) {
      const m = clipMotion(n.spec);
      if (n.spec.activity === 'pumps') {
        expect(n.spec.camera.azimuthDeg).toBeGreaterThanOrEqual(60);
        continue;
      }
      expect(m.profile).toBeNull();
      const states = Array.from({ length: 50 }, (_, i) => m.stateAt((i / 50) * m.durationS));
      const knee = states.map((s) => s.legs.l.kneeFlexDeg + s.legs.r.kneeFlexDeg);
      if (n.spec.activity === 'still') expect(Math.max(...knee)).toBe(0);
      else expect(Math.max(...knee)).toBeGreaterThan(40);
    }
  });
});
