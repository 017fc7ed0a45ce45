// The 'noisy' warning: when the smallest pump the noise lets the rep engine count stays large, or
// near the size of the person's own pumps (or, before they have one, above NO_PUMPS_FLOOR_DEG), the
// person is told once (a patient whose small pumps go uncounted learns why), and again only after
// the noise came back down.
import type { Side } from './landmark-frame.ts';
import type { MotionEvent } from './motion-events.ts';

/** Smallest reps the noise lets through above this, degrees, for NOISY_AFTER_MS: say so. */
const NOISY_FLOOR_DEG = 10;
const NOISY_AFTER_MS = 2000;
/**
 * ...or while the noise's own floor is above this share of the person's recent pumps (their median
 * range): pumps only twice the floor are partly lost to it, and a short count said nothing. Stress
 * set tuning seeds (camera, 32 a family): a wrong total with no word why in 26 of 288 sets with the
 * fixed 10 deg alone; with this at 0.5, 18, while the sets counted right that hear it anyway go
 * from 77 to 87 of 137 (0.3: 16 and 97; 0.4: 17 and 90; 0.6: 19 and 82; 0.8: 25 and 77).
 */
const NEAR_PUMPS_SHARE = 0.5;
/**
 * ...or, before the person has a counted pump to compare with, while the floor is above this once
 * NO_PUMPS_AFTER_MS have passed since counting began: a person pumping 8 deg quickly under a floor
 * of 7-9 deg counted nothing and heard nothing (tuning seed 25027: 0 of 19, no warning). Stress set
 * tuning seeds (camera, 64 a family), a wrong total with no word why: 38 of 576 sets without it,
 * 36 with it at 6 or 8 deg (32 a family: 21 -> 20 at 6, 7 and 8); resting feet (the same
 * conditions, no pumps) told 318 without it, 485 at 6 deg, 425 at 8: the highest tried that
 * catches them, which tells a resting foot least. A resting foot told is told the truth (pumps
 * under the floor would not count).
 */
const NO_PUMPS_FLOOR_DEG = 8;
const NO_PUMPS_AFTER_MS = 10000;
/** The warning re-arms once the floor is back under this share of what raised it. */
const NOISY_REARM = 0.8;

/**
 * What `noisy` says. The smoothing that holds the noise back also flattens a quick pump that does
 * not stop at its ends, so the size alone misled: of the camera tuning sets (16 a family) counted
 * short and told this, 37 of 66 had pumps a median 1.3 times the size named or more, 31 of them
 * with holds under 0.3 s; the same 31 people holding each end 1 s were counted 447 of 452 reps
 * (330 of 439 as they pumped). `floorDeg` null: the degrees are not given (a report whose degrees
 * were not measured), only "small pumps".
 */
export function noisyMessage(floorDeg: number | null): string {
  const small = floorDeg === null ? 'small pumps' : `pumps smaller than about ${floorDeg} degrees`;
  return `the angle is too unsteady to count ${small}, or quick ones that do not stop at each end (hold each end for a second)`;
}

export function createNoiseFloorWarning(side: Side) {
  /** Since when the floor has been above NOISY_FLOOR_DEG (ms), or NaN. */
  let sinceTMs = Number.NaN;
  /** When the watch began (after a reset), ms, or NaN. */
  let firstTMs = Number.NaN;
  /** The warning was given and waits for the noise to come back down before it can be again. */
  let told = false;
  return {
    /**
     * `floorDeg`: the smallest pump the engine counts now, degrees; `noiseShare`: the noise's own
     * part of it over the person's recent pumps' range (null before they have any; 0 for a
     * sensor, whose noise is hundredths of a degree).
     */
    watch(tMs: number, floorDeg: number, noiseShare: number | null, out: MotionEvent[]): void {
      if (Number.isNaN(firstTMs)) firstTMs = tMs;
      const barDeg =
        noiseShare === null && tMs - firstTMs >= NO_PUMPS_AFTER_MS ? NO_PUMPS_FLOOR_DEG : NOISY_FLOOR_DEG;
      const share = noiseShare ?? 0;
      if (floorDeg <= barDeg && share <= NEAR_PUMPS_SHARE) {
        sinceTMs = Number.NaN;
        if (floorDeg < NOISY_REARM * barDeg && share < NOISY_REARM * NEAR_PUMPS_SHARE) told = false;
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
        message: noisyMessage(Math.round(floorDeg)),
      });
    },
    reset(): void {
      sinceTMs = Number.NaN;
      firstTMs = Number.NaN;
      told = false;
    },
  };
}
