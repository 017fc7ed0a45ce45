import { describe, expect, it } from 'vitest';
import { createLegPixelTracker, type LegAnchor } from './leg-pixel-tracker.ts';
import { drawLeg, legLandmarks, type SyntheticLeg } from './synthetic-leg.test-util.ts';

/** BlazePose-like anchor: the true joints with a few pixels of error that changes every frame. */
function anchor(leg: SyntheticLeg, i: number, errPx = 4, visibility = 0.95): LegAnchor {
  const lm = legLandmarks(leg);
  const n = (k: number) => errPx * Math.sin(i * 1.7 + k);
  return {
    knee: [lm.knee[0] + n(0), lm.knee[1] + n(7)],
    ankle: [lm.ankle[0] + n(1), lm.ankle[1] + n(2)],
    heel: [lm.heel[0] + n(3), lm.heel[1] + n(4)],
    toe: [lm.toe[0] + n(5), lm.toe[1] + n(6)],
    visibility,
  };
}

const pump = (i: number) => 25 * Math.sin(i / 4) - 10;

describe('leg pixel tracker', () => {
  it('follows the ankle angle with gain 1 while the anchor points jitter and the light changes', () => {
    const tracker = createLegPixelTracker();
    const errs: number[] = [];
    let offset: number | null = null;
    for (let i = 0; i < 30; i++) {
      const leg = { ankleDeg: pump(i), gain: 1 + 0.1 * Math.sin(i) };
      const r = tracker.push(drawLeg(leg), anchor(leg, i));
      expect(r.state).toBe('tracking');
      offset ??= r.rawDeg - leg.ankleDeg;
      errs.push(Math.abs(r.rawDeg - offset - leg.ankleDeg));
    }
    // 45 degrees of swing measured to within a degree (the anchor's own angle is off by up to ~8).
    expect(Math.max(...errs)).toBeLessThan(1.2);
  });

  it('reads the ankle, not the leg: a shank lifting 12 degrees leaves the ankle angle alone', () => {
    const tracker = createLegPixelTracker();
    const raws: number[] = [];
    for (let i = 0; i < 12; i++) {
      const leg = { ankleDeg: 5, shankDeg: i };
      const r = tracker.push(drawLeg(leg), anchor(leg, i, 2));
      expect(r.state).toBe('tracking');
      raws.push(r.rawDeg);
    }
    expect(Math.max(...raws) - Math.min(...raws)).toBeLessThan(1.5);
  });

  it('says the foot is lost under a blanket instead of inventing angles, and finds it again', () => {
    const tracker = createLegPixelTracker();
    const states: string[] = [];
    for (let i = 0; i < 16; i++) {
      const leg = { ankleDeg: pump(i), covered: i >= 6 && i < 9 };
      const r = tracker.push(drawLeg(leg), anchor(leg, i));
      states.push(r.state);
      if (r.state !== 'tracking') expect(r.rawDeg).toBeNaN();
    }
    expect(states.slice(6, 9)).toEqual(['lost', 'lost', 'lost']);
    expect(states.slice(9).every((s) => s === 'tracking')).toBe(true);
  });

  it('reads the ankle right after finding the foot again when the leg was put down while the foot was lost', () => {
    const tracker = createLegPixelTracker();
    const after: number[] = [];
    for (let i = 0; i < 30; i++) {
      // The leg lifts 20 degrees, the foot goes under a blanket, the leg is put down meanwhile.
      const shankDeg = i < 5 ? 4 * i : i < 8 ? 20 : 0;
      const leg = { ankleDeg: 5, shankDeg, covered: i >= 8 && i < 20 };
      const r = tracker.push(drawLeg(leg), anchor(leg, i, 2));
      if (i >= 22) {
        expect(r.state).toBe('tracking');
        after.push(r.rawDeg);
      }
    }
    // The same ankle angle as before the lift: not 20 degrees off, as when the shin's last reading
    // before the loss stood because the put-down leg looked like a sudden turn.
    const first = createLegPixelTracker().push(drawLeg({ ankleDeg: 5 }), anchor({ ankleDeg: 5 }, 0, 2));
    for (const raw of after) expect(Math.abs(raw - first.rawDeg)).toBeLessThan(2);
  });

  it('keeps measuring a held toes-down whose look has changed (shoe turned partly out of the picture), after at most 2 lost frames', () => {
    const tracker = createLegPixelTracker();
    const held: { state: string; rawDeg: number }[] = [];
    for (let i = 0; i < 20; i++) {
      const leg = { ankleDeg: i < 6 ? -5 * i : -30, footTurnedOut: i >= 6 ? 0.9 : 0 };
      const r = tracker.push(drawLeg(leg), anchor(leg, i, 0));
      if (i >= 6) held.push(r);
    }
    // The changed foot matches its first view at ~0.56: below the plain threshold, yet steady.
    expect(held.slice(2).every((r) => r.state === 'tracking')).toBe(true);
    for (const r of held.slice(2)) expect(Math.abs(r.rawDeg + 30)).toBeLessThan(3);
  });

  it('does not track a leg the pose model does not see well', () => {
    const tracker = createLegPixelTracker();
    const leg = { ankleDeg: 0 };
    expect(tracker.push(drawLeg(leg), null).state).toBe('no-leg');
    expect(tracker.push(drawLeg(leg), anchor(leg, 0, 0, 0.4)).state).toBe('no-leg');
  });

  it('rejects a bad option, naming it', () => {
    expect(() => createLegPixelTracker({ minMatch: 2 })).toThrow(
      new RangeError('minMatch must be in 0..1, got 2'),
    );
  });
});
