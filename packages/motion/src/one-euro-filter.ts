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
  return new OneEuro(minCutoffHz, beta, dCutoffHz);
}

/**
 * `createOneEuroFilter`'s filter: a class, so that its methods are the same for every instance and
 * the compiler inlines them (per-instance closures it calls, passing each double boxed).
 */
class OneEuro implements OneEuroFilter {
  private started = false;
  private lastT = 0;
  private x = 0;
  private dx = 0;
  constructor(
    private readonly minCutoffHz: number,
    private readonly beta: number,
    private readonly dCutoffHz: number,
  ) {}
  filter(value: number, tMs: number): number {
    if (!this.started || !(tMs > this.lastT)) {
      this.started = true;
      this.lastT = tMs;
      this.x = value;
      this.dx = 0;
      return this.x;
    }
    const dtS = (tMs - this.lastT) / 1000;
    this.lastT = tMs;
    const rawDx = (value - this.x) / dtS;
    this.dx += alpha(this.dCutoffHz, dtS) * (rawDx - this.dx);
    const cutoff = this.minCutoffHz + this.beta * Math.abs(this.dx);
    this.x += alpha(cutoff, dtS) * (value - this.x);
    return this.x;
  }
  reset(): void {
    this.started = false;
  }
}
