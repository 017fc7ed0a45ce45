// Synthetic BlazePose landmark streams from a kinematic leg (thigh, shank, foot) seen by a pinhole
// camera, with BlazePose-like errors, dropouts and mislabelled legs, and the exact truth beside them.

import type { Landmark, LandmarkFrame, Side, WorldLandmark } from '@anklepump/motion';
import { type Ankle3d, type Ankle3dSpec, drawAnkle3d } from './ankle-3d.ts';
import { type AnkleProgram, buildProgram, type ProgramSpec, type TruthRep } from './ankle-program.ts';
import { createRng, type Rng } from './prng.ts';

export interface LandmarkSessionSpec {
  /** Frames per second (10..60). */
  readonly fps: number;
  /** The exercised foot; the camera looks at this side of the body. */
  readonly side: Side;
  readonly program: ProgramSpec;
  /** 'blazepose': segment-fixed offsets with BlazePose's median errors plus frame jitter. */
  readonly noise: 'none' | 'blazepose';
  /** Camera turned away from the pure side view, degrees (0..60). */
  readonly cameraYawDeg: number;
  /** How much of the foot's rotation the landmarks show (BlazePose measured about 0.68). */
  readonly poseGain: number;
  /** 'long': two or three 0.8-2 s spells with the foot out of view or no person. */
  readonly dropouts: 'none' | 'long';
  /** Chance per frame of a 0.1-0.2 s spell of low foot visibility. */
  readonly lowVisibility: number;
  /** Timestamps wander by up to this share of the frame interval (0..0.9). */
  readonly timeJitter: number;
  /** Include world landmarks (metres). */
  readonly world: boolean;
  /** BlazePose swaps the legs' labels (and guesses a shorter hidden leg). */
  readonly mislabel: boolean;
  /** Stress knobs (absent = off). Image height, px (default 360; width is 640). */
  readonly heightPx?: number;
  /** White landmark noise, px standard deviation per coordinate (heel and toe 1.5x). */
  readonly whiteNoisePx?: number;
  /** Share of frames in which one leg landmark is thrown 20-60 px off. */
  readonly outlierRate?: number;
  /** Number of 0.6-1.2 s bursts with the foot's points at visibility 0.05-0.2 and 3-8 px off. */
  readonly bursts?: number;
  /** Share of frames dropped (never delivered). */
  readonly frameDropRate?: number;
  /** The person faces the other way in the image (mirrored). */
  readonly mirror?: boolean;
  /**
   * A foot that does not turn in one plane (ankle-3d.ts; its strap part is a phone's and is not
   * used here). Drawn from its own seeded stream: the rest of the session draws as without it.
   */
  readonly ankle3d?: Ankle3dSpec;
}

export type Countable = 'yes' | 'no' | 'either';

/** Gaps up to this long (ms) are bridged by the engine (its `bridgeGapS` default). */
export const BRIDGE_MS = 1500;

export interface SessionTruth {
  readonly side: Side;
  readonly reps: readonly TruthRep[];
  /** Per rep: whether an engine must count it, must not (a gap hides it), or may (a gap at its edge). */
  readonly countable: readonly Countable[];
  /** Reps an engine must count; up to `expectedRepsMax` when some are 'either'. */
  readonly expectedReps: number;
  readonly expectedRepsMax: number;
  readonly expectedFull: number;
  readonly expectedFullMax: number;
  readonly dropouts: readonly (readonly [number, number])[];
  readonly startMs: number;
  /** Low-visibility bursts with the foot still in view (stress sets), ms, session time. */
  readonly bursts?: readonly (readonly [number, number])[];
}

export interface LandmarkSession {
  readonly frames: LandmarkFrame[];
  readonly truth: SessionTruth;
  /** The ankle angle the person made at session time `tMs` (ms), degrees (the frames show it through the view and the pose gain). */
  readonly trueAngleDeg: (tMs: number) => number;
}

type V3 = [number, number, number];
const D2R = Math.PI / 180;
const W = 640;
// Median landmark errors BlazePose showed on rendered clips (pixels at 640x360): knee, ankle, heel, toe.
const MEDIAN_PX = [11, 5, 17, 15];
const LEG_IDX = { left: [25, 27, 29, 31], right: [26, 28, 30, 32] } as const;

const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: V3, b: V3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: V3, b: V3): V3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const norm = (a: V3): V3 => {
  const l = Math.hypot(a[0], a[1], a[2]);
  return [a[0] / l, a[1] / l, a[2] / l];
};
const axpy = (p: V3, k: number, v: V3): V3 => [p[0] + k * v[0], p[1] + k * v[1], p[2] + k * v[2]];

/**
 * Knee, ankle, heel, toe in world metres (x along the leg, y up, z toward the camera side). With
 * `foot3d`, the foot turns as that 3-D ankle turns it at `tMs` (ankle-3d.ts), not as a planar hinge.
 */
function legPoints(
  zM: number,
  slideM: number,
  thighLiftDeg: number,
  angleDeg: number,
  foot3d: { readonly a3: Ankle3d; readonly tMs: number } | null = null,
): V3[] {
  const hip: V3 = [slideM, 0.1, zM];
  const a = thighLiftDeg * D2R;
  const knee = axpy(hip, 0.45, [Math.cos(a), Math.sin(a), 0]);
  const b = Math.asin(Math.min(1, (0.45 * Math.sin(a)) / 0.42));
  const w: V3 = [Math.cos(b), -Math.sin(b), 0];
  const u0: V3 = [Math.sin(b), Math.cos(b), 0];
  const ankle = axpy(knee, 0.42, w);
  if (foot3d) {
    // The same offsets in the foot's own frame (x along the shank at neutral, y along the foot).
    const r = foot3d.a3.foot(foot3d.tMs, angleDeg, b);
    const at = (fx: number, fy: number): V3 => [
      ankle[0] + r[0]! * fx + r[1]! * fy,
      ankle[1] + r[3]! * fx + r[4]! * fy,
      ankle[2] + r[6]! * fx + r[7]! * fy,
    ];
    return [knee, ankle, at(0.07, -0.045), at(0.02, 0.16)];
  }
  const th = angleDeg * D2R;
  const u: V3 = [Math.cos(th) * u0[0] - Math.sin(th) * w[0], Math.cos(th) * u0[1] - Math.sin(th) * w[1], 0];
  const wf: V3 = [Math.cos(th) * w[0] + Math.sin(th) * u0[0], Math.cos(th) * w[1] + Math.sin(th) * u0[1], 0];
  const heel = axpy(axpy(ankle, 0.07, wf), -0.045, u);
  const toe = axpy(axpy(ankle, 0.02, wf), 0.16, u);
  return [knee, ankle, heel, toe];
}

interface Camera {
  c: V3;
  right: V3;
  up: V3;
  fwd: V3;
  f: number;
}

function camera(yawDeg: number, nearZ: number): Camera {
  const target: V3 = [0.45, 0.1, 0];
  const y = yawDeg * D2R;
  const side = Math.sign(nearZ);
  const c: V3 = [target[0] + 2.5 * Math.sin(y), target[1] + 0.35, target[2] + side * 2.5 * Math.cos(y)];
  const fwd = norm(sub(target, c));
  const right = norm(cross(fwd, [0, 1, 0]));
  return { c, right, up: cross(right, fwd), fwd, f: 875 };
}

function project(cam: Camera, p: V3, H = 360): [number, number, number] {
  const d = sub(p, cam.c);
  const z = dot(d, cam.fwd);
  return [W / 2 + (cam.f * dot(d, cam.right)) / z, H / 2 - (cam.f * dot(d, cam.up)) / z, z];
}

/** Bursts of 0.6-1.2 s spread over the reps (never before the first rep is under way). */
function placeBursts(rng: Rng, program: AnkleProgram, n: number): [number, number][] {
  if (n <= 0 || program.reps.length < 2) return [];
  const from = program.reps[0]!.plantarTMs;
  const to = program.setMs - 2500;
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const s = from + ((to - from) * (i + rng.range(0.1, 0.8))) / n;
    out.push([s, s + rng.range(600, 1200)]);
  }
  return out;
}

/** Segment-fixed landmark offsets (px) and slowly wandering jitter, per landmark. */
function makeNoise(rng: Rng, on: boolean, scale: number) {
  // Neighbouring landmarks err together (BlazePose places the foot as a unit): 70% of each
  // offset's variance is shared within the shank pair and within the foot pair.
  const shared = [0, 1].map(() => [rng.normal(), rng.normal()]);
  const bias = MEDIAN_PX.map((m, i) => {
    const sh = shared[i >> 1]!;
    const k = (m / 1.1774) * scale;
    return [k * (0.837 * sh[0]! + 0.548 * rng.normal()), k * (0.837 * sh[1]! + 0.548 * rng.normal())];
  });
  const ar = MEDIAN_PX.map(() => [0, 0]);
  return (i: number, dtS: number): [number, number, number, number] => {
    if (!on) return [0, 0, 0, 0];
    const rho = Math.exp(-dtS / 0.1);
    const s = 1.0 * scale * Math.sqrt(1 - rho * rho);
    const a = ar[i]!;
    a[0] = rho * a[0]! + s * rng.normal();
    a[1] = rho * a[1]! + s * rng.normal();
    const b = bias[i]!;
    return [b[0]!, b[1]!, a[0]! + 0.5 * scale * rng.normal(), a[1]! + 0.5 * scale * rng.normal()];
  };
}

function placeDropouts(rng: Rng, program: AnkleProgram, kind: 'none' | 'long'): [number, number][] {
  if (kind === 'none' || program.reps.length < 3) return [];
  const out: [number, number][] = [];
  const from = program.reps[1]!.descentTMs;
  const to = program.setMs - 2000;
  const n = rng.chance(0.5) ? 2 : 3;
  for (let i = 0; i < n; i++) {
    const s = from + ((to - from) * (i + rng.range(0.1, 0.7))) / n;
    out.push([s, s + rng.range(800, 2000)]);
  }
  return out;
}

/** Synthesises one landmark session and its truth; the same spec and seed give the same frames. */
export function synthLandmarkSession(spec: LandmarkSessionSpec, seed: number): LandmarkSession {
  const rng = createRng(seed);
  const program = buildProgram(spec.program, rng);
  const nearZ = 0.1;
  const cam = camera(spec.cameraYawDeg, nearZ);
  const noise = 'blazepose' === spec.noise;
  const nearNoise = makeNoise(rng, noise, 1);
  const farNoise = makeNoise(rng, true, 1);
  const worldBias = [0, 1, 2, 3].map(() => [rng.normal() * 0.01, rng.normal() * 0.01, rng.normal() * 0.01]);
  const dropouts = placeDropouts(rng, program, spec.dropouts);
  const H = spec.heightPx ?? 360;
  const bursts = spec.bursts ? placeBursts(rng, program, spec.bursts) : [];
  const burstOffset = bursts.map(() =>
    [0, 1, 2, 3].map(() => {
      const r = rng.range(3, 8);
      const a = rng.range(0, 2 * Math.PI);
      return [r * Math.cos(a), r * Math.sin(a)] as const;
    }),
  );
  const startMs = Math.round(rng.range(500, 5000));
  const a3 = spec.ankle3d ? drawAnkle3d(spec.ankle3d, seed, program, startMs) : null;
  const dtMs = 1000 / spec.fps;
  const frames: LandmarkFrame[] = [];
  const far: Side = spec.side === 'left' ? 'right' : 'left';
  let lowUntil = -1;
  const spells: [number, number][] = [];
  const count = Math.floor(program.durationMs / dtMs);
  for (let k = 0; k < count; k++) {
    const tRel = k * dtMs + (k > 0 ? spec.timeJitter * dtMs * rng.range(-0.5, 0.5) : 0);
    const tMs = startMs + tRel;
    if (spec.frameDropRate && k > 0 && rng.chance(spec.frameDropRate)) continue;
    const burst = bursts.findIndex(([s, e]) => tRel >= s && tRel < e);
    const outlier = spec.outlierRate && rng.chance(spec.outlierRate) ? Math.floor(rng.next() * 4) : -1;
    const inDrop = dropouts.some(([s, e]) => tRel >= s && tRel < e);
    if (inDrop && rng.chance(0.3)) {
      frames.push({ tMs, landmarks: null, world: null, widthPx: W, heightPx: H });
      continue;
    }
    if (tRel > lowUntil && rng.chance(spec.lowVisibility)) {
      lowUntil = tRel + rng.range(100, 200);
      const last = spells[spells.length - 1];
      // Spells that follow each other closely merge into one longer blind spell.
      if (last && tRel - last[1] < 1.5 * dtMs) last[1] = lowUntil;
      else spells.push([tRel, lowUntil]);
    }
    const leg = program.legAt(tRel);
    const angle = program.angleAt(tRel) * spec.poseGain;
    const nearPts = legPoints(nearZ, leg.slideM, leg.thighLiftDeg, angle, a3 ? { a3, tMs: tRel } : null);
    const farPts = legPoints(-nearZ, 0, 0, 0);
    const lm: Landmark[] = [];
    const world: WorldLandmark[] = [];
    for (let i = 0; i < 33; i++) {
      const [x, y, z] = project(cam, [0, 0.5, 0], H);
      lm.push([x / W, y / H, z, 0.9]);
      world.push([0, -0.4, 0, 0.9]);
    }
    const place = (
      pts: V3[],
      labels: readonly number[],
      nz: ReturnType<typeof makeNoise>,
      vis: number,
      shrink: number,
    ) => {
      const near = pts === nearPts;
      const hip2 = project(cam, [0, 0.1, near ? nearZ : -nearZ], H);
      // The hip joint (BlazePose 23/24) where the thigh starts: fixed, as the pelvis rests.
      const hipLabel = labels[0] === 25 ? 23 : 24;
      // The pelvis rests: a slide moves the leg against it (what the exercise forbids).
      const hipSeen = project(cam, [0, 0.1, near ? nearZ : -nearZ], H);
      let hx = hip2[0] + (hipSeen[0] - hip2[0]) * shrink;
      let hy = hip2[1] + (hipSeen[1] - hip2[1]) * shrink;
      if (near && spec.whiteNoisePx) {
        hx += spec.whiteNoisePx * rng.normal();
        hy += spec.whiteNoisePx * rng.normal();
      }
      lm[hipLabel] = [(spec.mirror ? W - hx : hx) / W, hy / H, hipSeen[2], vis];
      for (let i = 0; i < 4; i++) {
        const p = project(cam, pts[i]!, H);
        const [bx, by, jx, jy] = nz(i, dtMs / 1000);
        // Offsets live in the segment's frame (they turn with the foot), as BlazePose's do.
        const seg = i >= 2 ? sub(pts[3]!, pts[2]!) : sub(pts[1]!, pts[0]!);
        const sp = project(cam, axpy(pts[i]!, 1, norm(seg)), H);
        const ux = sp[0] - p[0];
        const uy = sp[1] - p[1];
        const ul = Math.hypot(ux, uy) || 1;
        const ox = (bx * ux - by * uy) / ul + jx;
        const oy = (bx * uy + by * ux) / ul + jy;
        let px = hip2[0] + (p[0] - hip2[0]) * shrink + ox;
        let py = hip2[1] + (p[1] - hip2[1]) * shrink + oy;
        if (near && spec.whiteNoisePx) {
          const k = spec.whiteNoisePx * (i >= 2 ? 1.5 : 1);
          px += k * rng.normal();
          py += k * rng.normal();
        }
        if (near && i === outlier) {
          const r = rng.range(20, 60);
          const a = rng.range(0, 2 * Math.PI);
          px += r * Math.cos(a);
          py += r * Math.sin(a);
        }
        if (near && burst >= 0) {
          const d = burstOffset[burst]![i]!;
          px += d[0];
          py += d[1];
        }
        if (spec.mirror) px = W - px;
        lm[labels[i]!] = [px / W, py / H, p[2], vis];
        const wb = worldBias[i]!;
        const q = pts[i]!;
        world[labels[i]!] = [
          q[0] + wb[0]! + 0.004 * rng.normal(),
          -(q[1] + wb[1]! + 0.004 * rng.normal()),
          q[2] + wb[2]! + 0.004 * rng.normal(),
          vis,
        ];
      }
    };
    const nearVis = inDrop
      ? rng.range(0.05, 0.3)
      : burst >= 0
        ? rng.range(0.05, 0.2)
        : tRel < lowUntil
          ? rng.range(0.2, 0.4)
          : rng.range(0.8, 0.99);
    const nearLabels = spec.mislabel ? LEG_IDX[far] : LEG_IDX[spec.side];
    const farLabels = spec.mislabel ? LEG_IDX[spec.side] : LEG_IDX[far];
    place(nearPts, nearLabels, nearNoise, nearVis, 1);
    place(farPts, farLabels, farNoise, spec.mislabel ? rng.range(0.55, 0.8) : rng.range(0.15, 0.45), 0.75);
    frames.push({ tMs, landmarks: lm, world: spec.world ? world : null, widthPx: W, heightPx: H });
  }
  // A blind spell long enough to be a gap to an engine (0.4 s between usable frames) hides reps too.
  // Near 0.4 s it depends on where the frames fall, so a rep such a spell touches may go either way.
  const span = ([a, b]: [number, number]) => b - a + 1.5 * dtMs;
  const blind = [...dropouts, ...spells.filter((x) => span(x) > 470)].sort((a, b) => a[0] - b[0]);
  const unsure = spells.filter((x) => span(x) > 330 && span(x) <= 470);
  const truth = truthFor(spec.side, program, blind, startMs, dtMs, unsure);
  return {
    frames,
    trueAngleDeg: (tMs) => program.angleAt(tMs - startMs),
    truth: bursts.length
      ? { ...truth, bursts: bursts.map(([s, e]) => [s + startMs, e + startMs] as const) }
      : truth,
  };
}

/**
 * Which reps an honest engine can count. A long gap over a rep's movement hides it ('no'); a gap
 * that only brushes its edges (the still moments just before the toes-down movement, or the return
 * after the dorsi hold, where the rep is being recognised) leaves it to the engine ('either').
 */
export function truthFor(
  side: Side,
  program: AnkleProgram,
  dropouts: readonly (readonly [number, number])[],
  startMs: number,
  dtMs: number,
  unsure: readonly (readonly [number, number])[] = [],
): SessionTruth {
  // The engine bridges gaps up to BRIDGE_MS: such a gap hides a rep only when it hides one of its
  // ends; near the limit, or over a peak, it may go either way.
  const seenAs = ([s, e]: readonly [number, number]) => e - s + 1.5 * dtMs;
  const long = dropouts.filter((g) => seenAs(g) > BRIDGE_MS + 200);
  const short = dropouts.filter((g) => seenAs(g) <= BRIDGE_MS + 200);
  const hits = (a: number, b: number) => long.some(([s, e]) => s - dtMs < b && e + dtMs > a);
  const maybe = (a: number, b: number) =>
    [...unsure, ...short].some(([s, e]) => s - dtMs < b && e + dtMs > a);
  const countable = program.reps.map((r): Countable => {
    if (hits(r.descentTMs, r.dorsiHoldEndTMs)) return 'no';
    if (maybe(r.descentTMs - 600, r.endTMs + 300)) return 'either';
    if (hits(r.descentTMs - 600, r.descentTMs) || hits(r.dorsiHoldEndTMs, r.endTMs + 300)) return 'either';
    return 'yes';
  });
  const shifted = program.reps.map((r) => ({
    ...r,
    descentTMs: r.descentTMs + startMs,
    plantarTMs: r.plantarTMs + startMs,
    dorsiTMs: r.dorsiTMs + startMs,
    dorsiHoldEndTMs: r.dorsiHoldEndTMs + startMs,
    plantarHoldEndTMs: r.plantarHoldEndTMs + startMs,
    endTMs: r.endTMs + startMs,
  }));
  const n = (f: (c: Countable, i: number) => boolean) => countable.filter(f).length;
  return {
    side,
    reps: shifted,
    countable,
    expectedReps: n((c) => c === 'yes'),
    expectedRepsMax: n((c) => c !== 'no'),
    expectedFull: n((c, i) => c === 'yes' && shifted[i]!.full),
    expectedFullMax: n((c, i) => c !== 'no' && shifted[i]!.full),
    dropouts: dropouts.map(([s, e]) => [s + startMs, e + startMs] as const),
    startMs,
  };
}
