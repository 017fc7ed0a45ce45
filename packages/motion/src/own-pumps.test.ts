import { describe, expect, it } from 'vitest';
import { createLandmarkAnalyzer } from './landmark-analyzer.ts';
import { appendKeys, appendPumps, endOf, framesOf, program, pumps, repsOf } from './leg-frames.test-util.ts';
import {
  createOwnPumps,
  OWN_MIN_WINDOW_MS,
  OWN_PUMPS_MIN_REPS,
  OWN_PUMPS_NOISE_SHARE,
  OWN_RESTART_SHARE,
  OWN_RHYTHMS,
  OWN_STOPPED_WINDOWS,
} from './own-pumps.ts';
import { STRONGLY_PERIODIC } from './period-meter.ts';

/**
 * The relief over a person's range that each question sets first: the person's usual range
 * (`usualDeg`, null before any rep) and the reps their range has learned.
 */
function ownPumps() {
  const range: { recentDeg: number | null; count: number } = { recentDeg: null, count: 0 };
  const own = createOwnPumps(5, range);
  const asOf = (usualDeg: number | null, reps: number) => {
    range.recentDeg = usualDeg;
    range.count = reps;
    return own;
  };
  return {
    counted: (tMs: number) => own.counted(tMs),
    reset: () => own.reset(),
    relieve: (barDeg: number, share: number, usualDeg: number | null, reps: number, tMs: number) =>
      asOf(usualDeg, reps).relieve(barDeg, share, tMs),
    refusesRestart: (
      firstTMs: number,
      repDeg: number,
      usualDeg: number | null,
      reps: number,
      periodicity: number,
    ) => asOf(usualDeg, reps).refusesRestart(firstTMs, repDeg, periodicity),
  };
}

describe("a camera's noise bars relieved by the person's own pumps", () => {
  it('keeps the whole bar until the person has shown enough reps that cleared it', () => {
    const own = ownPumps();
    for (let i = 0; i < OWN_PUMPS_MIN_REPS - 1; i++) own.counted(1000 * i);
    // Two reps of 30 deg: a resting foot's first noise swings could be as many.
    expect(own.relieve(20, 0.4, 30, OWN_PUMPS_MIN_REPS - 1, 2500)).toBe(20);
    own.counted(2000);
    expect(own.relieve(20, 0.4, 30, OWN_PUMPS_MIN_REPS, 2500)).toBeCloseTo(12, 9);
    // No usual range yet: nothing to relieve by.
    expect(own.relieve(20, 0.4, null, OWN_PUMPS_MIN_REPS, 2500)).toBe(20);
  });

  it('relieves to a share of their usual range, never below half the bar or the smallest rep, never above the bar', () => {
    const own = ownPumps();
    for (let i = 0; i < 4; i++) own.counted(1000 * i);
    expect(own.relieve(30, 0.4, 20, 4, 3500)).toBeCloseTo(OWN_PUMPS_NOISE_SHARE * 30, 9);
    expect(own.relieve(6, 0.4, 10, 4, 3500)).toBe(5);
    expect(own.relieve(8, 0.4, 60, 4, 3500)).toBe(8);
  });

  it('gives the whole bar back when the person stops for longer than their rhythm', () => {
    const own = ownPumps();
    // A rep every 4 s (a pump held 1-2 s at each end): the relief lasts OWN_RHYTHMS of that.
    for (let i = 0; i < 5; i++) own.counted(4000 * i);
    const lastMs = 16000;
    const windowMs = Math.max(OWN_MIN_WINDOW_MS, OWN_RHYTHMS * 4000);
    expect(own.relieve(20, 0.4, 30, 5, lastMs + windowMs - 10)).toBeCloseTo(12, 9);
    expect(own.relieve(20, 0.4, 30, 5, lastMs + windowMs + 10)).toBe(20);
    // A quick pumper's window is at least OWN_MIN_WINDOW_MS.
    const quick = ownPumps();
    for (let i = 0; i < 5; i++) quick.counted(800 * i);
    expect(quick.relieve(20, 0.4, 30, 5, 3200 + OWN_MIN_WINDOW_MS - 10)).toBeCloseTo(12, 9);
    expect(quick.relieve(20, 0.4, 30, 5, 3200 + OWN_MIN_WINDOW_MS + 10)).toBe(20);
  });

  it('forgets everything on reset', () => {
    const own = ownPumps();
    for (let i = 0; i < 5; i++) own.counted(1000 * i);
    own.reset();
    expect(own.relieve(20, 0.4, 30, 5, 4500)).toBe(20);
  });

  it('refuses a small rep after the person stopped, unless it comes in a plain rhythm', () => {
    const own = ownPumps();
    // A rep every 4 s of 30 deg: the relief's window is OWN_RHYTHMS of 4 s; stopped after
    // OWN_STOPPED_WINDOWS of it.
    for (let i = 0; i < 5; i++) own.counted(4000 * i);
    const windowMs = OWN_RHYTHMS * 4000;
    const stoppedMs = 16000 + OWN_STOPPED_WINDOWS * windowMs;
    const smallDeg = 0.9 * OWN_RESTART_SHARE * 30;
    // A pause shorter than that is not a stop.
    expect(own.refusesRestart(stoppedMs - 100, smallDeg, 30, 5, 0)).toBe(false);
    // Stopped: a small rep is refused, one of their size is not...
    expect(own.refusesRestart(stoppedMs + 1000, smallDeg, 30, 5, 0)).toBe(true);
    expect(own.refusesRestart(stoppedMs + 1000, 1.1 * OWN_RESTART_SHARE * 30, 30, 5, 0)).toBe(false);
    // ...nor a small one while the angle repeats plainly at a pump's pace.
    expect(own.refusesRestart(stoppedMs + 1000, smallDeg, 30, 5, STRONGLY_PERIODIC)).toBe(false);
    // Before the person has shown their reps there is nothing to restart.
    expect(own.refusesRestart(stoppedMs + 1000, smallDeg, 30, OWN_PUMPS_MIN_REPS - 1, 0)).toBe(false);
    expect(own.refusesRestart(stoppedMs + 1000, smallDeg, null, 5, 0)).toBe(false);
    // A second small rep within the relief's window of the refused one counts; one after a longer
    // wait is refused again.
    expect(own.refusesRestart(stoppedMs + 1000 + windowMs - 100, smallDeg, 30, 5, 0)).toBe(false);
    expect(own.refusesRestart(stoppedMs + 1000 + 2 * windowMs + 100, smallDeg, 30, 5, 0)).toBe(true);
  });
});

describe("a camera person's reps after they stopped pumping", () => {
  const countOf = (keys: [number, number][]) => {
    const a = createLandmarkAnalyzer({ sides: ['left'] });
    const frames = framesOf(program(keys), endOf(keys), 30);
    return [...frames.flatMap((f) => repsOf(a.push(f))), ...repsOf(a.end())].length;
  };

  it('does not count a small shift of the resting foot after the set as a rep', () => {
    // Ten pumps of 45 deg, then the foot at rest, shifted 12 deg down and back up 20 s into it
    // (a rep's shape, a third of theirs): counted as an eleventh rep before.
    const keys = appendKeys(pumps(10), [
      [20, 0],
      [1.5, -7],
      [1.5, 5],
      [1.5, 0],
      [20, 0],
    ]);
    expect(countOf(keys)).toBe(10);
  });

  it('counts the pumps of a person who starts again after a rest: all full ones, a tired rhythm of small ones from the second', () => {
    // Ten pumps of 45 deg, 30 s at rest, then eight more: of the same size, or of 18 deg (0.4 of
    // theirs) at the same pace: the first of those is refused, the second at their rhythm after it
    // says they are pumping again, and it and the rest count.
    const full = appendPumps(appendKeys(pumps(10), [[30, 0]]), 8);
    expect(countOf(appendKeys(full, [[2, 0]]))).toBe(18);
    const tired = appendPumps(appendKeys(pumps(10), [[30, 0]]), 8, -12, 6);
    expect(countOf(appendKeys(tired, [[2, 0]]))).toBe(17);
  });
});
