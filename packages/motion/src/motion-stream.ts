// The shape every analyzer shares (landmarks, one IMU, two IMUs), the guard that rejects bad
// timestamps for all of them, and the batch runner that makes batch equal streaming by construction.

import type { MotionCalibration } from './calibration.ts';
import type { Side } from './landmark-frame.ts';
import type { AnglePoint, MotionEvent, RepMetrics } from './motion-events.ts';

export interface MotionStream<S> {
  /** Feeds one sample; returns the events it caused (often none). Never throws on bad data. */
  push(sample: S): readonly MotionEvent[];
  /** Ends the recording: completes a rep whose dorsi peak was reached but not yet left. */
  end(): MotionEvent[];
  reset(): void;
  /** The calibration in use or learned so far, for saving. */
  calibration(): MotionCalibration;
  /** The latest filtered angle relative to neutral, degrees, or null before the foot settled. */
  angleDeg(side: Side): number | null;
  /**
   * The angle relative to neutral of every sample the engine stepped since the last call (`angleDeg`
   * gives only the latest after each push; a settle steps again the samples that came before
   * neutral was known, and a phone's vote feeds held-back samples at once). Empty before the first
   * call, which starts the keeping: a live session that never asks keeps nothing.
   */
  takeSteppedAngles(side: Side): readonly AnglePoint[];
}

const SIDES: readonly Side[] = ['left', 'right'];
const NO_EVENTS: readonly MotionEvent[] = Object.freeze([]);

/** What `push` returns: a copy of the events gathered, or one shared empty list (most frames). */
export function done(out: readonly MotionEvent[]): readonly MotionEvent[] {
  return out.length === 0 ? NO_EVENTS : out.slice();
}

export type WarningEvent = Extract<MotionEvent, { type: 'warning' }>;

export interface AnalysisResult {
  readonly events: readonly MotionEvent[];
  readonly reps: { readonly left: readonly RepMetrics[]; readonly right: readonly RepMetrics[] };
  readonly warnings: readonly WarningEvent[];
  /** One point per sample the engine measured (none while the foot was not seen); only with `includeSeries`. */
  readonly series: { readonly left: readonly AnglePoint[]; readonly right: readonly AnglePoint[] } | null;
  readonly calibration: MotionCalibration;
}

/** Pushes every sample through a fresh stream and ends it: exactly the streaming events. */
export function runBatch<S extends { readonly tMs: number }>(
  stream: MotionStream<S>,
  samples: Iterable<S>,
  includeSeries: boolean,
): AnalysisResult {
  const events: MotionEvent[] = [];
  const series = { left: [] as AnglePoint[], right: [] as AnglePoint[] };
  // Asking starts the keeping (nothing is kept yet).
  if (includeSeries) takeInto(stream, series);
  for (const s of samples) {
    for (const e of stream.push(s)) events.push(e);
    // The samples the engine stepped, not the angle after each push: that one stood through a gap
    // (the last angle drawn on as a still foot while nothing was seen), and a settle's replay or a
    // vote's flush gave only its last sample. A later word on a sample replaces an earlier one.
    if (includeSeries) takeInto(stream, series);
  }
  for (const e of stream.end()) events.push(e);
  // Ending may step samples still held back (a phone's vote decided at the end of the log).
  if (includeSeries) takeInto(stream, series);
  const reps = { left: [] as RepMetrics[], right: [] as RepMetrics[] };
  const warnings: WarningEvent[] = [];
  for (const e of events) {
    if (e.type === 'rep') reps[e.side].push(e.rep);
    else if (e.type === 'warning') warnings.push(e);
  }
  return {
    events,
    reps,
    warnings,
    series: includeSeries ? series : null,
    calibration: stream.calibration(),
  };
}

/** The angles `stream` stepped since it was last asked, into `series`. */
function takeInto<S>(stream: MotionStream<S>, series: Record<Side, AnglePoint[]>): void {
  for (const side of SIDES)
    for (const p of stream.takeSteppedAngles(side)) putPoint(series[side], p.tMs, p.angleDeg);
}

/** Puts a point into a series kept in time order: appended, or over the point at that time. */
function putPoint(pts: AnglePoint[], tMs: number, angleDeg: number): void {
  const n = pts.length;
  if (n === 0 || tMs > pts[n - 1]!.tMs) {
    pts.push({ tMs, angleDeg });
    return;
  }
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pts[mid]!.tMs < tMs) lo = mid + 1;
    else hi = mid;
  }
  if (pts[lo]!.tMs === tMs) pts[lo] = { tMs, angleDeg };
  else pts.splice(lo, 0, { tMs, angleDeg });
}

/** Rejects non-finite, repeated and backwards timestamps, so trackers only see time moving on. */
export interface TimeGuard {
  /** Returns a warning when the sample must be skipped, or null when its time is fine. */
  check(tMs: unknown): WarningEvent | null;
  reset(): void;
}

export function createTimeGuard(): TimeGuard {
  let last = Number.NaN;
  return {
    check(tMs) {
      if (typeof tMs !== 'number' || !Number.isFinite(tMs)) {
        return {
          type: 'warning',
          side: null,
          tMs: Number.isNaN(last) ? 0 : last,
          code: 'bad-sample',
          message: `sample skipped: its time ${String(tMs)} is not a finite number of ms`,
        };
      }
      if (tMs < last) {
        return {
          type: 'warning',
          side: null,
          tMs,
          code: 'time-backwards',
          message: `sample skipped: its time ${tMs} ms is before the previous ${last} ms`,
        };
      }
      if (tMs === last) {
        return {
          type: 'warning',
          side: null,
          tMs,
          code: 'time-repeated',
          message: `sample skipped: time ${tMs} ms repeated`,
        };
      }
      last = tMs;
      return null;
    },
    reset() {
      last = Number.NaN;
    },
  };
}
