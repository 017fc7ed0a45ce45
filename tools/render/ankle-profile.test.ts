import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildProfile, seededRandom } from './ankle-profile.ts';
import { randomClipSpec } from './clip-spec.ts';

describe('scripted ankle profile', () => {
  const spec = randomClipSpec(7).profile;
  const p = buildProfile(spec, seededRandom(7));

  it('has the asked number of reps, reaching each scripted peak and holding it', () => {
    expect(p.reps).toHaveLength(spec.reps);
    for (const r of p.reps) {
      const plantarAt = r.startS + spec.moveS + r.plantarHoldS / 2;
      expect(p.angleDeg(plantarAt)).toBeCloseTo(-r.plantarflexionDeg, 6);
      const dorsiAt = r.startS + 3 * spec.moveS + r.plantarHoldS + r.dorsiHoldS / 2;
      expect(p.angleDeg(dorsiAt)).toBeCloseTo(r.dorsiflexionDeg, 6);
      expect(p.angleDeg(r.endS + 1e-6)).toBeCloseTo(0, 6);
    }
    expect(p.angleDeg(0)).toBe(0);
  });

  it('never leaves the peaks it reports (no overshoot)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, u) => {
          const s = randomClipSpec(seed).profile;
          const q = buildProfile(s, seededRandom(seed));
          const a = q.angleDeg(u * q.durationS);
          const lo = -Math.max(...q.reps.map((r) => r.plantarflexionDeg));
          const hi = Math.max(...q.reps.map((r) => r.dorsiflexionDeg));
          expect(a).toBeGreaterThanOrEqual(lo - 1e-9);
          expect(a).toBeLessThanOrEqual(hi + 1e-9);
        },
      ),
    );
  });

  it('is reproducible: the same seed gives the same clip spec and angles', () => {
    expect(randomClipSpec(12)).toEqual(randomClipSpec(12));
    const a = buildProfile(randomClipSpec(12).profile, seededRandom(12));
    const b = buildProfile(randomClipSpec(12).profile, seededRandom(12));
    expect(a.reps).toEqual(b.reps);
    expect(randomClipSpec(12)).not.toEqual(randomClipSpec(13));
  });

  it('lifts the leg only during the scripted rep', () => {
    const s = { ...spec, reps: 3, legLifts: [{ rep: 1, liftDeg: 15 }] };
    const q = buildProfile(s, seededRandom(1));
    const r1 = q.reps[1]!;
    expect(q.liftDeg((r1.startS + r1.endS) / 2)).toBeCloseTo(15, 6);
    expect(q.liftDeg(q.reps[0]!.startS + 0.1)).toBe(0);
    expect(q.lifts).toEqual([{ startS: r1.startS, endS: r1.endS, liftDeg: 15, kind: 'lift' }]);
  });
});
