// A neutral learned at the wrong place is learned again at the next rest (neutral-doubt.ts): a
// camera that starts while the toes are held down used to count none of the pumps that followed.
import { describe, expect, it } from 'vitest';
import { createLandmarkAnalyzer } from './landmark-analyzer.ts';
import { appendKeys, endOf, framesOf, program, repsOf } from './leg-frames.test-util.ts';
import type { MotionEvent } from './motion-events.ts';
import { createNeutralDoubt, REST_S } from './neutral-doubt.ts';

/** Toes down to -30 and held 1.5 s, up to +8 and held 1 s, back to neutral for 0.3 s: a pump. */
const PUMP: readonly (readonly [number, number])[] = [
  [0.45, -30],
  [1.5, -30],
  [0.45, 8],
  [1, 8],
  [0.45, 0],
  [0.3, 0],
];
const pumps = (n: number) => Array.from({ length: n }, () => PUMP).flat();

function run(keys: [number, number][]): MotionEvent[] {
  const a = createLandmarkAnalyzer({ sides: ['left'] });
  return [...framesOf(program(keys), endOf(keys), 15).flatMap((f) => a.push(f)), ...a.end()];
}

/** A rep bar of 6 deg and a still band of 4. */
const BARS = { repBarDeg: () => 6, stillDeg: () => 4 };

describe('a neutral learned at the wrong place', () => {
  it('is learned again at the next rest: the pumps after it are counted, each with its own range', () => {
    // The camera starts 1.5 s into a toes-down hold: the first still moment is that hold.
    const keys: [number, number][] = [
      [0, -30],
      [1.5, -30],
    ];
    appendKeys(keys, [
      [0.45, 8],
      [1, 8],
      [0.45, 0],
      [0.3, 0],
    ]);
    appendKeys(keys, pumps(4));
    const restStartS = endOf(keys);
    appendKeys(keys, [[4, 0]]);
    const restEndS = endOf(keys);
    appendKeys(keys, pumps(4));
    appendKeys(keys, [[2, 0]]);
    const events = run(keys);
    const settles = events.filter((e) => e.type === 'calibrated');
    expect(settles).toHaveLength(2);
    // The second neutral is learned during the rest, after a rest's length of it.
    expect(settles[1]!.tMs / 1000).toBeGreaterThan(restStartS + REST_S - 0.5);
    expect(settles[1]!.tMs / 1000).toBeLessThan(restEndS);
    const after = repsOf(events).filter((r) => r.tMs / 1000 > restEndS);
    expect(after).toHaveLength(4);
    for (const r of after) {
      expect(Math.abs(r.rangeDeg - 38)).toBeLessThan(5);
      expect(Math.abs(r.peakPlantarDeg + 30)).toBeLessThan(4);
    }
  });

  // A camera's rate and a phone's: a phone keeps 1,000 samples in a rest's window.
  it.each([15, 400])(
    'is doubted only after three one-sided pumps, then a rest of REST_S inside their span, and not after a counted rep (%d samples a second)',
    (hz) => {
      const d = createNeutralDoubt();
      let t = 0;
      /** `s` seconds from `deg` to `toDeg` (default: at `deg`); whether the doubt fired on any of those samples. */
      const feed = (deg: number, s: number, toDeg = deg) => {
        let fired = false;
        const start = t;
        for (const end = t + s * 1000; t < end; t += 1000 / hz) {
          fired = d.sample(t, deg + ((toDeg - deg) * (t - start)) / (s * 1000), BARS) || fired;
        }
        return fired;
      };
      const pump = (toDeg = 40) => feed(0, 1) || feed(toDeg, 1);
      const threePumps = () => pump() || pump() || pump();
      // Two pumps to +40, then still at +30 for 4 s: not yet (three pumps' worth first).
      expect(pump() || pump() || feed(30, 4)).toBe(false);
      // A third, then still at +30: not before REST_S of it, then it fires.
      expect(pump() || feed(30, REST_S - 0.3)).toBe(false);
      expect(feed(30, 0.5)).toBe(true);
      // Still at neutral after three one-sided pumps: a person who pumps to one side rests there.
      d.reset();
      expect(feed(0, 1) || threePumps() || feed(0, 5)).toBe(false);
      // Still at the pumps' far end for 8 s: a long prescribed hold, not a rest.
      d.reset();
      expect(feed(0, 1) || threePumps() || feed(40, 8)).toBe(false);
      // A rep counted after the third pump: the neutral works, whatever the rest after.
      d.reset();
      expect(feed(0, 1) || threePumps()).toBe(false);
      d.counted();
      expect(feed(30, 4)).toBe(false);
      // Pumps to both sides: the neutral lies between them.
      d.reset();
      expect(feed(0, 1) || threePumps() || pump(-20) || feed(30, 4)).toBe(false);
      // The same rests on the other side mirror it: three pumps to -40, still at -30.
      d.reset();
      expect(feed(0, 1) || pump(-40) || pump(-40) || pump(-40) || feed(-30, REST_S - 0.3)).toBe(false);
      expect(feed(-30, 0.5)).toBe(true);
      // A foot drifting 3 deg in 3 s is still (the still band is 4 deg); 5 deg in 3 s is not.
      d.reset();
      expect(feed(0, 1) || threePumps() || feed(30, 3, 33)).toBe(true);
      d.reset();
      expect(feed(0, 1) || threePumps() || feed(30, 3, 35)).toBe(false);
      // ...nor is one that trembles 6 deg peak to peak at 5 Hz.
      d.reset();
      expect(feed(0, 1) || threePumps()).toBe(false);
      let trembling = false;
      for (let i = 0; i < 40; i++) trembling = feed(i % 2 ? 27 : 33, 0.1) || trembling;
      expect(trembling).toBe(false);
    },
  );
});
