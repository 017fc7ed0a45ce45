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

  it('stays where a person who only points the toes down rests: they settle once', () => {
    // Neutral at rest, then pumps to -30 and back with no toes up, a rest between each.
    const keys: [number, number][] = [
      [0, 0],
      [2, 0],
    ];
    for (let i = 0; i < 4; i++)
      appendKeys(keys, [
        [0.45, -30],
        [1.5, -30],
        [0.45, 0],
        [3, 0],
      ]);
    const events = run(keys);
    expect(events.filter((e) => e.type === 'calibrated')).toHaveLength(1);
  });

  it('is not doubted for a long hold once reps are counted', () => {
    const d = createNeutralDoubt();
    let t = 0;
    const feed = (deg: number, s: number) => {
      let fired = false;
      for (const end = t + s * 1000; t < end; t += 1000 / 15) fired = d.sample(t, deg, 6, 4) || fired;
      return fired;
    };
    const pumpTwice = () => {
      feed(0, 1);
      feed(40, 1);
      feed(0, 1);
      feed(40, 1);
    };
    // Three excursions to +40 with no rep counted, then still at +35: doubted once it has rested
    // REST_S there, not before, and not after two excursions only.
    pumpTwice();
    expect(feed(35, 3)).toBe(false);
    expect(feed(0, 1) || feed(40, 1) || feed(35, REST_S - 0.5)).toBe(false);
    expect(feed(35, 1)).toBe(true);
    d.reset();
    // The same, but a rep counted after the third excursion: a 3-s hold is only a hold.
    feed(0, 1);
    pumpTwice();
    feed(0, 1);
    feed(40, 1);
    d.counted();
    expect(feed(35, 3)).toBe(false);
    // Excursions to both sides: the neutral lies between them, whatever the rest after.
    d.reset();
    feed(0, 1);
    pumpTwice();
    feed(-20, 1);
    feed(40, 1);
    expect(feed(35, 3)).toBe(false);
  });
});
