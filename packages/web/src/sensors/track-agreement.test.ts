import { describe, expect, it } from 'vitest';
import { createTrackAgreement } from './track-agreement.ts';

/** 15 frames a second of a pump every 4 s: the pose model's angle half the true swing, plus jitter. */
function feed(
  trackOf: (trueDeg: number, i: number) => number,
  seconds = 12,
  opts: { poseWander?: number; match?: number } = {},
) {
  const meter = createTrackAgreement();
  const verdicts: string[] = [];
  for (let i = 0; i < seconds * 15; i++) {
    const tS = i / 15;
    const trueDeg = 25 * Math.sin((2 * Math.PI * tS) / 4) - 5;
    const jitter = 2 * Math.sin(i * 2.3) + (opts.poseWander ?? 0) * Math.sin(i / 2.2 + 1);
    verdicts.push(meter.push(tS * 1000, 0.5 * trueDeg + jitter, trackOf(trueDeg, i), opts.match));
  }
  return { verdicts, correlation: meter.correlation };
}

describe('live track agreement', () => {
  it('agrees with a track that follows the foot, whatever its gain and offset', () => {
    const { verdicts, correlation } = feed((d) => 0.9 * d + 12);
    expect(verdicts.at(-1)).toBe('agrees');
    expect(correlation).toBeGreaterThan(0.9);
  });

  it('says a track that turns the other way, or wanders on its own, is not the foot', () => {
    expect(feed((d) => -0.25 * d).verdicts.at(-1)).toBe('disagrees');
    expect(feed((_d, i) => 10 * Math.sin(i / 7)).verdicts.at(-1)).toBe('disagrees');
  });

  it('does not judge until the foot has moved, and a lost track (no angle) is not held against it', () => {
    const meter = createTrackAgreement();
    for (let i = 0; i < 60; i++)
      expect(meter.push(i * 66, 0.3 * Math.sin(i), -0.25 * Math.sin(i))).toBe('unknown');
    const { verdicts } = feed((d, i) => (i % 3 === 0 ? Number.NaN : d));
    expect(verdicts.at(-1)).toBe('agrees');
  });

  it("keeps a firmly matched track where the pose model's points wander, and not a loosely matched one", () => {
    // The pose model's foot wanders by 16 deg around its half-size swing, so even the right track
    // correlates with it at only 0.3-0.7.
    const firm = feed((d) => d, 12, { poseWander: 16, match: 0.95 });
    expect(firm.correlation).toBeGreaterThan(0.3);
    expect(firm.correlation).toBeLessThan(0.7);
    expect(firm.verdicts.at(-1)).toBe('agrees');
    expect(feed((d) => d, 12, { poseWander: 16, match: 0.8 }).verdicts.at(-1)).toBe('disagrees');
    // A firmly matched track that turns against the pose model is still not the foot.
    expect(feed((d) => -0.25 * d, 12, { match: 0.99 }).verdicts.at(-1)).toBe('disagrees');
  });
});
