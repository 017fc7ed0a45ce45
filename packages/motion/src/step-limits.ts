// The thresholds the rep states step under (rep-states.ts `StepLimits`), as one foot's tracker
// keeps them: what a camera's and a sensor's angle need, and what the person's own reps teach.

import type { StepLimits } from './rep-state-types.ts';
import type { TrackerOptions } from './tracker-options.ts';

/** A person's usual toes-up peak is plainly above neutral from this many `stillDeg`... */
const TOES_UP_PLAIN = 2;
/**
 * ...and then a toes-up peak under this share of it does not end a rep by coming back to neutral
 * (rep-states.ts). Stress set tuning seeds, 32 a family: camera 113 -> 117 of 288 exact (no more
 * spurious reps on resting feet), phone 147 of 192 either way.
 */
const TOES_UP_SHARE = 0.5;

/**
 * Before a person's toes-up peak is known, a toes-up swing opens an up-first rep when it rose this
 * many hystereses from where it began (rep-states.ts `highEnough`); a lower one is a wobble before a
 * toes-down start. A camera's hysteresis is already a multiple of its noise (12 deg at 5.7 deg of
 * noise in seed 24024), and two of them asked a 13.5-deg first toes-up end to rise 24 deg: a person
 * who starts toes up and never rests between reps was read toes down first for the whole set, each
 * rep's toes-up end, hold and leg-moved flag taken from the rep after. A phone's hysteresis is 4 deg
 * before the first rep, within a restless wearer's wiggle. Stress set tuning seeds (64 a family),
 * exact / reps counted wrong / leg moved precision and recall / sets paired in the wrong order:
 * camera at 2 309 / 1,331 / 0.881, 0.814 / 93; at 1.5 309 / 1,332 / 0.884, 0.815 / 90; at 1.25 310 /
 * 1,332 / 0.888, 0.818 / 80; at 1 312 / 1,330 / 0.886, 0.817 / 78 (41 spurious reps on resting feet
 * at each). Phone at 2 405 / 68 / 32; at 1.5 404 / 70 / 28; at 1 404 / 70 / 26.
 */
const FIRST_END_HYSTERESES = { camera: 1, sensor: 2 } as const;

/**
 * A still toes-down swing with no rep under way becomes a rest after this long, ms
 * (`StepLimits.restEndsSwingMs`). Stress set tuning seeds (camera, 64 a family), exact / spurious
 * reps on resting feet / after the set / reps counted wrong, with the rest left by half the
 * hysteresis: never 316 / 41 / 49 / 1,225; 0.4 s 307 / 23 / 28 / 1,307 (pauses between reps
 * became rests, and a small pump after one never left it); 0.6 s 313 / 25 / 30 / 1,256; 1 s 316 /
 * 28 / 32 / 1,233; 1.5 s 315 / 28 / 33 / 1,227. Not a phone's: its angle does not wander at rest,
 * and a gravity-free phone's drifting neutral lost a set (406 of 448, reps wrong 66 -> 71).
 */
const REST_ENDS_SWING_MS = { camera: 1000, sensor: Number.POSITIVE_INFINITY } as const;

/** The limits one tracker steps under; it sets the hysteresis each sample. */
export type LiveLimits = { -readonly [K in keyof StepLimits]: StepLimits[K] };

/** The limits before the person's first rep, for a camera's or a sensor's angle. */
export function createStepLimits(o: TrackerOptions, angle: 'camera' | 'sensor'): LiveLimits {
  return {
    hysteresisDeg: 0,
    stillDeg: o.stillDeg,
    holdStartMs: o.holdStartS * 1000,
    toesUpPeakFromDeg: Number.NEGATIVE_INFINITY,
    firstEndHystereses: FIRST_END_HYSTERESES[angle],
    restEndsRepMs: Number.POSITIVE_INFINITY,
    restEndsSwingMs: REST_ENDS_SWING_MS[angle],
    upFirstFromPauses: false,
  };
}

/** Forgets what the person's reps taught (a reset). */
export function forgetReps(l: LiveLimits): void {
  l.toesUpPeakFromDeg = Number.NEGATIVE_INFINITY;
  l.restEndsRepMs = Number.POSITIVE_INFINITY;
}

/**
 * A rep that teaches the reference was counted; `usualDorsiDeg` is the person's usual toes-up end
 * now. A person whose toes-up end is plainly above neutral: a "peak" under half of theirs, left by
 * coming back to neutral, is a rest after the toes-down end (they start each rep toes up).
 */
export function learnToesUp(l: LiveLimits, usualDorsiDeg: number): void {
  l.toesUpPeakFromDeg =
    usualDorsiDeg > TOES_UP_PLAIN * l.stillDeg ? TOES_UP_SHARE * usualDorsiDeg : Number.NEGATIVE_INFINITY;
}

/** A rep was counted: a live session's rest completes a rep waiting at a small toes-up end from now on. */
export function repCounted(l: LiveLimits, restEndsRepS: number | null): void {
  if (restEndsRepS !== null) l.restEndsRepMs = restEndsRepS * 1000;
}
