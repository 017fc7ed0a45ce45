import { describe, expect, it } from 'vitest';
import { createPeriodMeter, FIRST_JUDGED } from './period-meter.ts';
import { rng } from './seeded-rng.test-util.ts';

function feed(angle: (tS: number) => number, seconds: number, fps: number) {
  const m = createPeriodMeter();
  for (let k = 0; k / fps <= seconds; k++) m.add(angle(k / fps), (1000 * k) / fps);
  return m;
}

describe('period meter: does the angle repeat itself at a pump pace?', () => {
  it('says yes for pumps with and without holds, at 20 to 90 a minute, with their swing', () => {
    for (const hz of [1 / 3, 0.5, 1, 1.5]) {
      const sine = feed((t) => 15 * Math.sin(2 * Math.PI * hz * t), 20, 30);
      expect(sine.periodicity, `${hz} Hz`).toBeGreaterThan(0.6);
      expect(Math.sqrt(sine.varianceDeg2), `${hz} Hz`).toBeCloseTo(15 / Math.SQRT2, 0);
    }
    // Toes down 20 deg and held, up 10 and held, a second each way.
    const held = feed((t) => (t % 2 < 1 ? -20 : 10), 20, 15);
    expect(held.periodicity).toBeGreaterThan(0.6);
  });

  it('says no for landmark noise alone, white or lasting a tenth of a second', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const n = rng(seed).normal;
      const white = feed(() => 6 * n(), 30, 30);
      expect(white.periodicity, `white, seed ${seed}`).toBeLessThan(0.4);
      let slow = 0;
      const jitter = feed(
        () => {
          slow += 0.3 * (6 * n() - slow);
          return slow;
        },
        30,
        30,
      );
      expect(jitter.periodicity, `slow jitter, seed ${seed}`).toBeLessThan(0.4);
    }
  });

  it('reads nothing before it has seen 3 s, and starts again after a gap of more than 2 s', () => {
    const sine = (t: number) => 15 * Math.sin(2 * Math.PI * t);
    const early = feed(sine, FIRST_JUDGED * 0.1 - 0.5, 30);
    expect(early.periodicity).toBe(0);
    expect(early.varianceDeg2).toBe(0);
    // From 3 s it reads what it has: a person pumping from the start is seen within 3.5 s.
    const soon = feed(sine, FIRST_JUDGED * 0.1 + 0.5, 30);
    expect(soon.periodicity).toBeGreaterThan(0.6);
    expect(Math.sqrt(soon.varianceDeg2)).toBeCloseTo(15 / Math.SQRT2, 0);
    // ...and noise alone still does not look periodic over that shorter window.
    for (const seed of [11, 12, 13, 14]) {
      const n = rng(seed).normal;
      expect(feed(() => 6 * n(), FIRST_JUDGED * 0.1 + 0.5, 30).periodicity, `seed ${seed}`).toBeLessThan(0.4);
    }
    const m = feed(sine, 10, 30);
    expect(m.periodicity).toBeGreaterThan(0.6);
    m.add(0, 13_000);
    expect(m.periodicity).toBe(0);
    // A shorter gap (a foot out of view for a second) keeps the window going.
    const kept = feed(sine, 10, 30);
    kept.add(sine(11.5), 11_500);
    expect(kept.periodicity).toBeGreaterThan(0.5);
  });
});
