// The 1-euro filter (Casiez et al. 2012): a low-pass whose cutoff rises with speed, so holds are
// smoothed hard while fast movements keep their peaks. Timestamps may be irregular.

import { checkRange } from './option-checks.ts';

export interface OneEuroOptions {
  /** Cutoff when the signal is still, Hz (0.01..30). Lower = smoother holds, more lag. */
  readonly minCutoffHz: number;
  /** How much the cutoff rises per unit/s of speed, Hz per (unit/s) (0..10). */
  readonly beta: number;
  /** Cutoff of the speed estimate, Hz (0.01..30). */
  readonly dCutoffHz: number;
}

export const DEFAULT_ONE_EURO: OneEuroOptions = { minCutoffHz: 0.5, beta: 0.02, dCutoffHz: 1.0 };

export interface OneEuroFilter {
  /** Filters `value` observed at `tMs`; a non-increasing time restarts from the value. */
  filter(value: number, tMs: number): number;
  reset(): void;
}

// Smoothing factor of a first-order low-pass: dt / (tau + dt) with tau = 1 / (2 pi fc).
function alpha(cutoffHz: number, dtS: number): number {
  const k = TWO_PI * cutoffHz * dtS;
  return k / (1 + k);
}

const TWO_PI = 2 * Math.PI;

/** Creates a 1-euro filter; throws RangeError on an option outside its documented range. */
export function createOneEuroFilter(options: OneEuroOptions = DEFAULT_ONE_EURO): OneEuroFilter {
  const minCutoffHz = checkRange('minCutoffHz', options.minCutoffHz, 0.01, 30);
  const beta = checkRange('beta', options.beta, 0, 10);
  const dCutoffHz = checkRange('dCutoffHz', options.dCutoffHz, 0.01, 30);
  let started = false;
  let lastT = 0;
  let x = 0;
  let dx = 0;
  return {
    filter(value, tMs) {
      if (!started || !(tMs > lastT)) {
        started = true;
        lastT = tMs;
        x = value;
        dx = 0;
        return x;
      }
      const dtS = (tMs - lastT) / 1000;
      lastT = tMs;
      const rawDx = (value - x) / dtS;
      dx += alpha(dCutoffHz, dtS) * (rawDx - dx);
      const cutoff = minCutoffHz + beta * Math.abs(dx);
      x += alpha(cutoff, dtS) * (value - x);
      return x;
    },
    reset() {
      started = false;
    },
  };
}
