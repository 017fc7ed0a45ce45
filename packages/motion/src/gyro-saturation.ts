// A gyroscope at the end of its range. Past its full scale (often 250-500 deg/s on wearables, 2000
// on phones) a gyro reads its limit instead of the turn rate, so the angle integrated from it falls
// short: a quick pump's degrees read low, though the pump is still seen and counted. The reading
// shows it plainly: one axis gives the same value sample after sample while the others change.
// Most of the hidden turn is put back from the shape of the rate around each clipped spell
// (gyro-declip.ts); what is left is told per rep, here.

import type { ImuSample } from './imu-sample.ts';
import type { Side } from './landmark-frame.ts';
import type { MotionEvent } from './motion-events.ts';
import { KP_STILL } from './orientation-filter.ts';

/** A repeated value counts only this fast, rad/s: a still sensor's readings repeat near 0 by quantisation. */
export const SATURATED_FROM_RAD_S = 1;
/** This many equal readings in a row on one axis (two repeats) make a saturated run. */
const RUN = 3;

export interface GyroSaturation {
  /**
   * Adds one reading (rad/s); returns the saturated axis' value when this reading is part of a
   * saturated run, else 0. A reading equal to the last on all three axes (a sample delivered twice)
   * neither extends nor breaks a run.
   */
  add(gx: number, gy: number, gz: number): number;
  reset(): void;
}

export function createGyroSaturation(): GyroSaturation {
  const last = new Float64Array(3).fill(Number.NaN);
  const run = new Int32Array(3);
  let lastOut = 0;
  return {
    add(gx, gy, gz) {
      if (gx === last[0] && gy === last[1] && gz === last[2]) return lastOut;
      let out = 0;
      for (let i = 0; i < 3; i++) {
        const v = i === 0 ? gx : i === 1 ? gy : gz;
        run[i] = v === last[i] && Math.abs(v) >= SATURATED_FROM_RAD_S ? run[i]! + 1 : 1;
        last[i] = v;
        if (run[i]! >= RUN && Math.abs(v) > Math.abs(out)) out = v;
      }
      lastOut = out;
      return out;
    },
    reset() {
      last.fill(Number.NaN);
      run.fill(0);
      lastOut = 0;
    },
  };
}

/**
 * Saturated spells, kept for the reps that end after them (the analyzer's toes-down vote and a
 * restless replay hand the rep engine samples seconds late): up to `SPELLS` of them, merged when
 * less than `MERGE_MS` apart.
 */
const SPELLS = 64;
const MERGE_MS = 250;

export interface SaturatedSpells {
  /** A saturated reading at `tMs` of `rateRadS` (its absolute value is kept, the largest per spell). */
  add(tMs: number, rateRadS: number): void;
  /** The largest saturated rate (rad/s) within [fromTMs, toTMs], or 0 when none. */
  within(fromTMs: number, toTMs: number): number;
  reset(): void;
}

export function createSaturatedSpells(): SaturatedSpells {
  const start = new Float64Array(SPELLS);
  const end = new Float64Array(SPELLS);
  const rate = new Float64Array(SPELLS);
  let count = 0;
  return {
    add(tMs, rateRadS) {
      const r = Math.abs(rateRadS);
      const i = (count - 1 + SPELLS) % SPELLS;
      if (count > 0 && tMs >= end[i]! && tMs - end[i]! < MERGE_MS) {
        end[i] = tMs;
        rate[i] = Math.max(rate[i]!, r);
        return;
      }
      const j = count % SPELLS;
      start[j] = tMs;
      end[j] = tMs;
      rate[j] = r;
      count++;
    },
    within(fromTMs, toTMs) {
      let most = 0;
      for (let k = Math.max(0, count - SPELLS); k < count; k++) {
        const j = k % SPELLS;
        if (start[j]! <= toTMs && end[j]! >= fromTMs) most = Math.max(most, rate[j]!);
      }
      return most;
    },
    reset() {
      count = 0;
    },
  };
}

/** What the 'sensor-saturated' warning says of rep `index`, whose gyro reached `rateRadS`. */
export function sensorSaturatedMessage(index: number, rateRadS: number): string {
  const degS = Math.round((Math.abs(rateRadS) * 180) / Math.PI);
  return `rep ${index}: the sensor's gyroscope reached its limit (${degS} deg/s), so this rep's degrees may read low; the count is not affected (pump more slowly for degrees you can trust)`;
}

/**
 * A peak held this long, seconds, has its degrees back after a gyro at its limit left the angle
 * short: while the foot is still, gravity pulls the tilt in at KP_STILL (3 /s), so 95% of the error
 * is gone after 1 s, and a rep's peak is the median of its hold.
 */
const SATURATION_HEALED_S = 3 / KP_STILL;

/**
 * Puts a 'sensor-saturated' warning right after each rep in `out` whose span holds a saturated
 * reading (`spells`), at the rep's time as every per-rep warning: its degrees may read low, its count
 * stands. Not when both its ends were held SATURATION_HEALED_S: gravity had put the peaks right.
 */
function flagSaturatedReps(out: MotionEvent[], spells: SaturatedSpells, side: Side): MotionEvent[] {
  for (let i = 0; i < out.length; i++) {
    const e = out[i]!;
    if (e.type !== 'rep') continue;
    if (Math.min(e.rep.plantarHoldS, e.rep.dorsiHoldS) >= SATURATION_HEALED_S) continue;
    const rateRadS = spells.within(e.rep.startTMs, e.rep.tMs);
    if (rateRadS === 0) continue;
    out.splice(i + 1, 0, {
      type: 'warning',
      side,
      tMs: e.tMs,
      code: 'sensor-saturated',
      message: sensorSaturatedMessage(e.rep.index, rateRadS),
    });
    i++;
  }
  return out;
}

/** A source's watch over its gyros (the foot's, and the shin's when there is one) for their limit. */
export interface SaturationWatch {
  /** One usable sample; `withShank`: the shin sensor's reading is read too. */
  add(s: ImuSample, withShank: boolean): void;
  /** `out` with each rep's 'sensor-saturated' warning put after it (`flagSaturatedReps`). */
  flag(out: MotionEvent[]): MotionEvent[];
  reset(): void;
}

export function createSaturationWatch(side: Side): SaturationWatch {
  const foot = createGyroSaturation();
  const shank = createGyroSaturation();
  const spells = createSaturatedSpells();
  return {
    add(s, withShank) {
      const f = foot.add(s.gx, s.gy, s.gz);
      const k = withShank && s.shank ? shank.add(s.shank.gx, s.shank.gy, s.shank.gz) : 0;
      if (f !== 0 || k !== 0) spells.add(s.tMs, Math.max(Math.abs(f), Math.abs(k)));
    },
    flag: (out) => flagSaturatedReps(out, spells, side),
    reset() {
      foot.reset();
      shank.reset();
      spells.reset();
    },
  };
}
