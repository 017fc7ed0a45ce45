// A person who starts each rep toes up and comes back to neutral between reps, seen only after a
// restless start (so the engine began reading them toes down first, as instructed): their pauses
// at neutral come after the toes-down end, and the engine pairs their reps the way they do them
// from then on (rep-order.ts).
import { describe, expect, it } from 'vitest';
import { createLandmarkAnalyzer } from './landmark-analyzer.ts';
import { appendKeys, endOf, framesOf, program, repsOf } from './leg-frames.test-util.ts';
import type { RepMetrics } from './motion-events.ts';
import { createOrderWatch, pausedMidSwing } from './rep-order.ts';
import { SEEN, type ToesDown, type ToesUp } from './rep-state-types.ts';
import { TEST_LIMITS } from './rep-states.test-util.ts';
import { restingAt } from './rep-states.ts';
import { createSampleRing } from './sample-ring.ts';

/** Rep `i`'s toes-up and toes-down ends (seconds) in `keysOf`. */
interface Pump {
  upS: number;
  downS: number;
}

/**
 * `n` pumps from the first sample on (no rest before them), toes `first` first: to the first end
 * in 0.5 s, held 0.6 s, to the other end in 0.7 s, held 0.8 s, back to neutral in 0.5 s and 0.5 s
 * at rest there; then 3 s at rest.
 */
function keysOf(n: number, first: 'up' | 'down'): { keys: [number, number][]; pumps: Pump[] } {
  const keys: [number, number][] = [[0, 0]];
  const pumps: Pump[] = [];
  const [a, b] = first === 'up' ? [15, -30] : [-30, 15];
  for (let i = 0; i < n; i++) {
    const t0 = endOf(keys);
    appendKeys(keys, [
      [0.5, a],
      [0.6, a],
      [0.7, b],
      [0.8, b],
      [0.5, 0],
      [0.5, 0],
    ]);
    const firstEndS = t0 + 0.5;
    const secondEndS = t0 + 1.8;
    pumps.push(
      first === 'up' ? { upS: firstEndS, downS: secondEndS } : { upS: secondEndS, downS: firstEndS },
    );
  }
  return { keys: appendKeys(keys, [[3, 0]]), pumps };
}

describe('pausedMidSwing', () => {
  const ringOf = (angle: (tS: number) => number, endS: number, fps: number) => {
    const ring = createSampleRing(1024);
    for (let k = 0; k * (1000 / fps) <= endS * 1000; k++) ring.push(k * (1000 / fps), angle(k / fps));
    return ring;
  };
  it('finds a 0.5-s rest at neutral between a toes-down and a toes-up end, not a swing straight through', () => {
    const paused = ringOf(
      program([
        [0, -30],
        [0.5, 0],
        [1, 0],
        [1.5, 15],
      ]),
      1.5,
      30,
    );
    expect(pausedMidSwing(paused, 0, paused.next - 1, 2)).toBe(true);
    const straight = ringOf(
      program([
        [0, -30],
        [1.5, 15],
      ]),
      1.5,
      30,
    );
    expect(pausedMidSwing(straight, 0, straight.next - 1, 2)).toBe(false);
  });
  it('does not take a hold at either end for a pause', () => {
    const holds = ringOf(
      program([
        [0, -30],
        [0.6, -30],
        [1.2, 15],
        [1.8, 15],
      ]),
      1.8,
      30,
    );
    expect(pausedMidSwing(holds, 0, holds.next - 1, 2)).toBe(false);
  });
});

describe('createOrderWatch', () => {
  // Samples 0-39: toes down (-30) up to toes up (+15) with a 0.75-s pause at neutral on the way;
  // 40-79: straight back down; 80-119: down again from +15, this time pausing at neutral.
  const ring = createSampleRing(128);
  for (let k = 0; k < 40; k++)
    ring.push(k * 50, k < 10 ? -30 + 3 * k : k < 25 ? 0 : Math.min(15, 3 * (k - 25)));
  for (let k = 0; k < 40; k++) ring.push(2000 + k * 50, 15 - 4.5 * Math.min(10, Math.max(0, k - 15)));
  for (let k = 0; k < 40; k++)
    ring.push(4000 + k * 50, k < 10 ? 15 - 1.5 * k : k < 25 ? 0 : Math.max(-30, -6 * (k - 25)));
  const lim = TEST_LIMITS;
  /** The sample a step took (read only while resting, and these steps swing). */
  const x = { tMs: 0, seq: 0, deg: 0 };
  const swing = { origin: SEEN, order: 'down-first' as const };
  const opened = { startSeq: 0, firstSeq: 0, firstDeg: -30, fromDeg: 0 };
  /** Toes up, a rep open at its toes-down end: the swing of samples 0-39 (paused mid-way). */
  const up: ToesUp = {
    kind: 'toes-up',
    ...swing,
    swingStartSeq: 0,
    startDeg: -30,
    extremeSeq: 39,
    extremeDeg: 15,
    rep: opened,
  };
  /** The turn at that toes-up peak, and the swing down to come: samples 39-79 (no pause)... */
  const down: ToesDown = {
    kind: 'toes-down',
    ...swing,
    swingStartSeq: 39,
    startDeg: 15,
    extremeSeq: 79,
    extremeDeg: -30,
    rep: null,
  };
  /** ...or samples 80-119 (a pause at neutral, as a toes-down-first person rests after toes up). */
  const restingDown: ToesDown = { ...down, swingStartSeq: 80, extremeSeq: 119 };

  it('turns a down-first reading round after two swings up that paused and two swings down that did not', () => {
    const w = createOrderWatch(ring);
    // The first swing began at a rest: not read.
    expect(w.step(restingAt(0, 'instructed'), down, lim, x)).toBeNull();
    const steps = [up, down, up, down, up, down];
    const said: boolean[] = [];
    const turned = steps.map((after, i) => {
      said.push(w.upFirstFromPauses());
      return w.step(i === 0 ? down : steps[i - 1]!, after, lim, x);
    });
    expect(turned.slice(0, 5)).toEqual([null, null, null, null, null]);
    // What the pauses say reaches the state machine too (an up-first rep's toes-down end,
    // rep-states.ts upFirstEnded): from the second pair of swings on.
    expect(said).toEqual([false, false, false, false, false, true]);
    expect(w.upFirstFromPauses()).toBe(true);
    w.reset();
    expect(w.upFirstFromPauses()).toBe(false);
    // The toes-up peak that completes this rep also opens the next, up first.
    expect(turned[5]).toEqual({
      ...down,
      order: 'up-first',
      rep: { startSeq: 0, firstSeq: 39, firstDeg: 15, fromDeg: -30 },
    });
  });

  it('never turns a person who pauses on the way down (after the toes-up end)', () => {
    const w = createOrderWatch(ring);
    w.step(restingAt(0, 'instructed'), restingDown, lim, x);
    let prev: ToesUp | ToesDown = restingDown;
    for (let i = 0; i < 8; i++) {
      const after: ToesUp | ToesDown = prev.kind === 'toes-up' ? restingDown : up;
      expect(w.step(prev, after, lim, x)).toBeNull();
      expect(w.upFirstFromPauses()).toBe(false);
      prev = after;
    }
  });
});

describe('reps paired the way the person does them', () => {
  const upFirst = keysOf(10, 'up');
  const downFirst = keysOf(10, 'down');

  /** The pumps whose toes-down end a rep has (within 0.4 s), and whether its toes-up end is that pump's. */
  const pairing = (reps: readonly RepMetrics[], pumps: readonly Pump[]) =>
    reps.map((r) => {
      const i = pumps.findIndex((p) => Math.abs(r.plantarTMs / 1000 - p.downS) < 0.4);
      return { i, ownUp: i >= 0 && Math.abs(r.dorsiTMs / 1000 - pumps[i]!.upS) < 0.4 };
    });

  it('camera: a restless toes-up-first person gets toes up paired with the toes down after it', () => {
    const a = createLandmarkAnalyzer({ sides: ['left'] });
    const frames = framesOf(program(upFirst.keys), endOf(upFirst.keys), 30);
    const reps = [...frames.flatMap((f) => repsOf(a.push(f))), ...repsOf(a.end())];
    expect(reps).toHaveLength(10);
    const p = pairing(reps, upFirst.pumps);
    expect(p.map((x) => x.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // Read toes down first (toes down paired with the next pump's toes up) until the pauses told,
    // three pumps in; from the fourth on, each rep as the person did it.
    expect(p.slice(0, 3).some((x) => x.ownUp)).toBe(false);
    expect(p.slice(3).every((x) => x.ownUp)).toBe(true);
    // Its degrees are its own pump's: 45 deg from toes up to toes down.
    for (const r of reps.slice(3)) expect(Math.abs(r.rangeDeg - 45)).toBeLessThan(4);
  });

  it('camera: a toes-up-first person stays toes up first after a 2-s gap in the middle of a pump', () => {
    // No frames from just before pump 6's toes-up end until 1.4 s after it (the camera's stream
    // stalled): the engine starts again after the gap, and reads the pumps after it as it read the
    // ones before, toes up first (a gap used to make it start again toes down first, as instructed).
    const gapFromS = upFirst.pumps[6]!.upS - 0.6;
    const frames = framesOf(program(upFirst.keys), endOf(upFirst.keys), 30).filter(
      (f) => f.tMs < gapFromS * 1000 || f.tMs > (gapFromS + 2) * 1000,
    );
    const a = createLandmarkAnalyzer({ sides: ['left'] });
    const reps = [...frames.flatMap((f) => repsOf(a.push(f))), ...repsOf(a.end())];
    const p = pairing(reps, upFirst.pumps);
    const after = p.filter((x) => x.i > 6);
    expect(after.map((x) => x.i)).toEqual([7, 8, 9]);
    expect(after.every((x) => x.ownUp)).toBe(true);
  });

  it('camera: a slide during a toes-up-first rep is flagged on that rep, not the one before', () => {
    const slideS = upFirst.pumps[7]!.upS - 0.5;
    const a = createLandmarkAnalyzer({ sides: ['left'] });
    const frames = framesOf(program(upFirst.keys), endOf(upFirst.keys), 30, (t) => ({
      shiftPx: 45 * Math.min(1, Math.max(0, (t - slideS) / 0.8)),
    }));
    const reps = [...frames.flatMap((f) => repsOf(a.push(f))), ...repsOf(a.end())];
    const flagged = pairing(
      reps.filter((r) => r.legMoved),
      upFirst.pumps,
    ).map((x) => x.i);
    expect(flagged).toEqual([7]);
  });

  /**
   * A stiff ankle that lifts only 3.5 deg above neutral (under the 4-deg swing hysteresis before a
   * first rep), pumping `n` times without a pause: toes up first, or toes down first after a wobble
   * up of the same size 1.5 s before the first pump. 2 s at rest first, 3 s after.
   */
  const stiffKeys = (n: number, first: 'up' | 'down', liftS = 0.5) => {
    const keys: [number, number][] = [[0, 0]];
    appendKeys(keys, [[2, 0]]);
    if (first === 'down')
      appendKeys(keys, [
        [0.4, 3.5],
        [0.4, 0],
        [1.5, 0],
      ]);
    const pumps: Pump[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = endOf(keys);
      if (first === 'up') {
        const upS = i === 0 ? 0.5 : liftS;
        appendKeys(keys, [
          [upS, 3.5],
          [0.6, -25],
        ]);
        pumps.push({ upS: t0 + upS, downS: t0 + upS + 0.6 });
      } else {
        appendKeys(keys, [
          [0.6, -25],
          [0.5, 3.5],
        ]);
        pumps.push({ downS: t0 + 0.6, upS: t0 + 1.1 });
      }
    }
    return {
      keys: appendKeys(keys, [
        [0.5, 0],
        [3, 0],
      ]),
      pumps,
    };
  };

  it('camera: a stiff ankle that starts toes up and never pauses is paired toes up first from its second rep', () => {
    const { keys, pumps } = stiffKeys(10, 'up');
    const a = createLandmarkAnalyzer({ sides: ['left'] });
    const frames = framesOf(program(keys), endOf(keys), 30);
    const reps = [...frames.flatMap((f) => repsOf(a.push(f))), ...repsOf(a.end())];
    const p = pairing(reps, pumps);
    // The first rep is completed as read (toes down with the next toes up: its first toes-up end
    // was under the bar); its toes-up end opens the next rep, and from there each pump is its own.
    expect(p.map((x) => x.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(p[0]!.ownUp).toBe(false);
    expect(p.slice(1).every((x) => x.ownUp)).toBe(true);
  });

  it('camera: a stiff ankle that starts toes up and lifts slower than it points is paired toes up first too', () => {
    // Each lift from the toes-down end takes 1.1 s, each point 0.6 s: from the first lift's top to
    // the first toes-down end is 0.6 s, from there to the next toes-up end 1.1 s (1.8 times as
    // long). Their order is read as it is for one who keeps an even pace.
    const { keys, pumps } = stiffKeys(10, 'up', 1.1);
    const a = createLandmarkAnalyzer({ sides: ['left'] });
    const frames = framesOf(program(keys), endOf(keys), 30);
    const reps = [...frames.flatMap((f) => repsOf(a.push(f))), ...repsOf(a.end())];
    const p = pairing(reps, pumps);
    expect(p.map((x) => x.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(p.slice(1).every((x) => x.ownUp)).toBe(true);
  });

  it('camera: a stiff ankle that wobbles up at rest, then pumps toes down first, stays toes down first', () => {
    const { keys, pumps } = stiffKeys(10, 'down');
    const a = createLandmarkAnalyzer({ sides: ['left'] });
    const frames = framesOf(program(keys), endOf(keys), 30);
    const reps = [...frames.flatMap((f) => repsOf(a.push(f))), ...repsOf(a.end())];
    expect(reps).toHaveLength(10);
    expect(pairing(reps, pumps).every((x) => x.ownUp)).toBe(true);
  });

  it('camera: a toes-down-first person who rests after the toes-up end stays toes down first', () => {
    const a = createLandmarkAnalyzer({ sides: ['left'] });
    const frames = framesOf(program(downFirst.keys), endOf(downFirst.keys), 30);
    const reps = [...frames.flatMap((f) => repsOf(a.push(f))), ...repsOf(a.end())];
    // The first pump goes to settling (it began with the first frame, no rest before it).
    expect(reps.length).toBeGreaterThanOrEqual(9);
    expect(pairing(reps, downFirst.pumps).every((x) => x.ownUp)).toBe(true);
  });
});
