import { describe, expect, it } from 'vitest';
import { createToesDownVote } from './toes-down-vote.ts';

/**
 * A wearer who never rests long, sampled at 50 Hz from an arbitrary moment: the reference (0) is
 * their toes-down hold; they pause briefly at neutral, 25 above it, and the toes-up end is 37 above
 * it (toes down 25, toes up 12 from neutral). Positive is the provisional toes up.
 */
function restlessFromToesDown(returnToNeutral: boolean, toesUpDeg = 12): number[] {
  const top = 25 + toesUpDeg;
  const cycle = [
    ...Array(50).fill(0), // toes-down hold, 1 s
    ...Array.from({ length: 25 }, (_, i) => (top * (i + 1)) / 25), // up, 0.5 s
    ...Array(25).fill(top), // toes-up hold
    ...(returnToNeutral
      ? [
          ...Array.from({ length: 10 }, (_, i) => top - (toesUpDeg * (i + 1)) / 10), // back to neutral
          ...Array(20).fill(25), // a pause at neutral, 0.4 s: too short for a rest
          ...Array.from({ length: 20 }, (_, i) => 25 - (25 * (i + 1)) / 20), // down
        ]
      : Array.from({ length: 25 }, (_, i) => top - (top * (i + 1)) / 25)), // straight down
  ];
  return [...cycle, ...cycle, ...cycle];
}

function vote(degs: number[], restless: boolean) {
  const v = createToesDownVote();
  if (restless) v.fromMiddle();
  const out: number[] = [];
  const keep = (_t: number, d: number) => {
    out.push(d);
  };
  degs.forEach((deg, i) => {
    v.add(i * 20, deg, Number.NaN, keep);
  });
  v.decide(keep);
  return { sign: v.sign, out };
}

describe('which way is toes down', () => {
  it('judges a restless wearer from where they pause, not from a reference at one end', () => {
    const degs = restlessFromToesDown(true);
    // From the reference the movement only goes "up": that end looks like the larger excursion.
    expect(vote(degs, false).sign).toBe(-1);
    // From the pause at neutral, toes down (25 below it) is the larger excursion: the reference's side.
    const judged = vote(degs, true);
    expect(judged.sign).toBe(1);
    // Nothing is lost or reordered while the vote waits.
    expect(judged.out).toEqual(degs);
  });

  it('lets the pause decide a near tie too: the reference is an arbitrary moment, its vote a coin toss', () => {
    // Toes down 25 and toes up 21 from neutral: 1.19 times, once too close to leave the reference.
    const degs = restlessFromToesDown(true, 21);
    expect(vote(degs, false).sign).toBe(-1);
    expect(vote(degs, true).sign).toBe(1);
  });

  it('falls back to the reference when the wearer never pauses between the ends', () => {
    expect(vote(restlessFromToesDown(false), true).sign).toBe(vote(restlessFromToesDown(false), false).sign);
  });

  it('hands on the angles a waiting sample was read again at, and votes on them', () => {
    // A first lift of 3 deg read as a dip (-3) before the sensor knew its axis, then the pumps:
    // toes down to -5, toes up to +3, ten times. Read as it came, "toes down" was the first way.
    const v = createToesDownVote();
    const out: number[] = [];
    const keep = (_t: number, d: number) => {
      out.push(d);
    };
    const lift = [1, 2, 3, 2, 1].map((d) => -d);
    lift.forEach((d, i) => {
      v.add(i * 20, d, Number.NaN, keep);
    });
    expect(v.waiting).toBe(5);
    v.revise(0, [1, 2, 3, 2, 1]);
    let i = lift.length;
    for (let k = 0; k < 10; k++) for (const d of [-5, -5, 3, 3]) v.add(i++ * 20, d, Number.NaN, keep);
    v.decide(keep);
    expect(v.sign).toBe(1);
    expect(out.slice(0, 5)).toEqual([1, 2, 3, 2, 1]);
    expect(out).toHaveLength(45);
    // Once decided, nothing waits and nothing is read again.
    v.revise(0, [9]);
    expect(v.waiting).toBe(0);
  });
});
