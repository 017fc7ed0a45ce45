// Test helpers (not exported): landmark frames of a side-viewed leg drawn at a given ankle angle,
// and simple angle programs, so engine tests can state exactly what the foot did.

import type { Landmark, LandmarkFrame } from './landmark-frame.ts';
import type { MotionEvent, RepMetrics } from './motion-events.ts';

export interface LegPose {
  /** Ankle angle, degrees (dorsiflexion positive). */
  angleDeg: number;
  /** Whole-leg shift along the image x axis, pixels. */
  shiftPx?: number;
  /** Visibility of the left foot's landmarks. */
  visibility?: number;
  /** The camera's view: the leg drawn this many times larger about the knee (default 1)... */
  zoom?: number;
  /** ...and turned by this many degrees about the knee (default 0). */
  rollDeg?: number;
}

/** One frame: left leg in side view (shank 150 px), right leg hidden (visibility 0.1). */
export function legFrame(tMs: number, pose: LegPose): LandmarkFrame {
  const lm: Landmark[] = Array.from({ length: 33 }, () => [0.5, 0.3, 0, 0.9] as const);
  const s = pose.shiftPx ?? 0;
  const r = (pose.angleDeg * Math.PI) / 180;
  const knee = [170 + s, 200];
  const ankle = [320 + s, 200];
  const ux = -Math.sin(r);
  const uy = -Math.cos(r);
  const pts = [
    knee,
    ankle,
    [ankle[0]! - 10 * ux, ankle[1]! - 10 * uy],
    [ankle[0]! + 60 * ux, ankle[1]! + 60 * uy],
  ];
  const z = pose.zoom ?? 1;
  const roll = ((pose.rollDeg ?? 0) * Math.PI) / 180;
  if (z !== 1 || roll !== 0) {
    for (const p of pts.slice(1)) {
      const dx = (p[0]! - knee[0]!) * z;
      const dy = (p[1]! - knee[1]!) * z;
      p[0] = knee[0]! + dx * Math.cos(roll) - dy * Math.sin(roll);
      p[1] = knee[1]! + dx * Math.sin(roll) + dy * Math.cos(roll);
    }
  }
  const v = pose.visibility ?? 0.95;
  [25, 27, 29, 31].forEach((idx, i) => {
    lm[idx] = [pts[i]![0]! / 640, pts[i]![1]! / 360, 0, v];
  });
  [26, 28, 30, 32].forEach((idx, i) => {
    lm[idx] = [pts[i]![0]! / 640, pts[i]![1]! / 360 + 0.01, 0, 0.1];
  });
  return { tMs, landmarks: lm, widthPx: 640, heightPx: 360 };
}

/** Keyframes [tS, angleDeg]; angle eases (min-jerk) between them. */
/** The minimum-jerk share of a move `x` of the way through it (0 before, 1 after). */
export const minJerk = (x: number) => (x <= 0 ? 0 : x >= 1 ? 1 : x * x * x * (10 - 15 * x + 6 * x * x));

/** A foot's swings while the leg is put in place (2.4 s), as `appendKeys` steps. */
export const PLACING_SWINGS: readonly (readonly [number, number])[] = [
  [0.6, -25],
  [0.6, 10],
  [0.6, -15],
  [0.6, 0],
];

export function program(keys: readonly (readonly [number, number])[]): (tS: number) => number {
  return (t) => {
    if (t <= keys[0]![0]) return keys[0]![1];
    for (let i = 1; i < keys.length; i++) {
      const [t1, a1] = keys[i]!;
      const [t0, a0] = keys[i - 1]!;
      if (t <= t1) {
        const x = (t - t0) / (t1 - t0);
        return a0 + (a1 - a0) * minJerk(x);
      }
    }
    return keys[keys.length - 1]![1];
  };
}

/** Appends keyframes given as [seconds after the previous key, angleDeg] steps. */
export function appendKeys(
  keys: [number, number][],
  steps: readonly (readonly [number, number])[],
): [number, number][] {
  let t = keys[keys.length - 1]![0];
  for (const [dt, a] of steps) {
    t += dt;
    keys.push([t, a]);
  }
  return keys;
}

/** Appends `n` ankle pumps to `keys`: down to plantar, hold, up to dorsi, hold, back, 0.4 s at rest. */
export function appendPumps(
  keys: [number, number][],
  n: number,
  plantarDeg = -30,
  dorsiDeg = 15,
  holdS = 1,
  moveS = 0.6,
): [number, number][] {
  for (let i = 0; i < n; i++) {
    appendKeys(keys, [
      [moveS, plantarDeg],
      [holdS, plantarDeg],
      [moveS * 1.3, dorsiDeg],
      [holdS, dorsiDeg],
      [moveS, 0],
      [0.4, 0],
    ]);
  }
  return keys;
}

/**
 * Keyframes: `leadS` at neutral, then `n` cycles of `appendKeys` steps (`cycle`, or `cycle(i)` for
 * the i-th), then the `tail` steps.
 */
export function cycleKeys(
  leadS: number,
  n: number,
  cycle: readonly (readonly [number, number])[] | ((i: number) => readonly (readonly [number, number])[]),
  tail: readonly (readonly [number, number])[] = [],
): [number, number][] {
  const keys: [number, number][] = [
    [0, 0],
    [leadS, 0],
  ];
  for (let i = 0; i < n; i++) appendKeys(keys, typeof cycle === 'function' ? cycle(i) : cycle);
  return appendKeys(keys, tail);
}

/**
 * Keyframes of a person who never rests long enough to settle: 0.4 s at neutral, then 8 pumps to
 * -30 and +15 deg with 0.3-s holds and 0.5-s pauses at neutral, then 3 s at rest.
 */
export function restlessPumps(): [number, number][] {
  return cycleKeys(
    0.4,
    8,
    [
      [0.5, -30],
      [0.3, -30],
      [0.7, 15],
      [0.3, 15],
      [0.5, 0],
      [0.5, 0],
    ],
    [[3, 0]],
  );
}

/** Keyframes of `n` ankle pumps after a 2 s rest: down to plantar, hold, up to dorsi, hold, back. */
export function pumps(
  n: number,
  plantarDeg = -30,
  dorsiDeg = 15,
  holdS = 1,
  moveS = 0.6,
): [number, number][] {
  const keys: [number, number][] = [
    [0, 0],
    [2, 0],
  ];
  appendPumps(keys, n, plantarDeg, dorsiDeg, holdS, moveS);
  return appendKeys(keys, [[2, 0]]);
}

/**
 * Two sets of `n` pumps (-30 / +15, 1 s holds) with `restS` at rest between them, as between sets
 * of a session; `restEndS` is when the second set begins.
 */
export function twoSets(n: number, restS: number): { keys: [number, number][]; restEndS: number } {
  const keys = appendKeys(pumps(n), [[restS, 0]]);
  const restEndS = endOf(keys);
  appendPumps(keys, n);
  return { keys: appendKeys(keys, [[2, 0]]), restEndS };
}

/** Frames at `fps` over the program's length. */
export function framesOf(
  angle: (tS: number) => number,
  endS: number,
  fps = 30,
  extra: (tS: number) => Partial<LegPose> = () => ({}),
): LandmarkFrame[] {
  const out: LandmarkFrame[] = [];
  for (let k = 0; k * (1000 / fps) <= endS * 1000; k++) {
    const tMs = (k * 1000) / fps;
    out.push(legFrame(tMs, { angleDeg: angle(tMs / 1000), ...extra(tMs / 1000) }));
  }
  return out;
}

export const endOf = (keys: readonly (readonly [number, number])[]) => keys[keys.length - 1]![0];

/** The reps among `events`, in order. */
export const repsOf = (events: readonly MotionEvent[]): RepMetrics[] =>
  events.flatMap((e) => (e.type === 'rep' ? [e.rep] : []));
