// The 'noisy' warning: when the smallest pump the noise lets the rep engine count stays large, the
// person is told once (a patient whose small pumps go uncounted learns why), and again only after
// the noise came back down.
import type { Side } from './landmark-frame.ts';
import type { MotionEvent } from './motion-events.ts';

/** Smallest reps the noise lets through above this, degrees, for NOISY_AFTER_MS: say so. */
const NOISY_FLOOR_DEG = 10;
const NOISY_AFTER_MS = 2000;
/** The warning re-arms once the floor is back under this share of NOISY_FLOOR_DEG. */
const NOISY_REARM = 0.8;

export function createNoiseFloorWarning(side: Side) {
  /** Since when the floor has been above NOISY_FLOOR_DEG (ms), or NaN. */
  let sinceTMs = Number.NaN;
  /** The warning was given and waits for the noise to come back down before it can be again. */
  let told = false;
  return {
    /** `floorDeg`: the smallest pump the noise lets the engine count now, degrees. */
    watch(tMs: number, floorDeg: number, out: MotionEvent[]): void {
      if (floorDeg <= NOISY_FLOOR_DEG) {
        sinceTMs = Number.NaN;
        if (floorDeg < NOISY_REARM * NOISY_FLOOR_DEG) told = false;
        return;
      }
      if (Number.isNaN(sinceTMs)) sinceTMs = tMs;
      if (told || tMs - sinceTMs < NOISY_AFTER_MS) return;
      told = true;
      out.push({
        type: 'warning',
        side,
        tMs,
        code: 'noisy',
        message: `the angle is too unsteady to count pumps smaller than about ${Math.round(floorDeg)} degrees`,
      });
    },
    reset(): void {
      sinceTMs = Number.NaN;
      told = false;
    },
  };
}
