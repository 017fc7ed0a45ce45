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
}

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
  /** One point per sample after the foot settled; only with `includeSeries`. */
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
  const left: AnglePoint[] = [];
  const right: AnglePoint[] = [];
  let lastT = Number.NEGATIVE_INFINITY;
  for (const s of samples) {
    for (const e of stream.push(s)) events.push(e);
    if (includeSeries && s.tMs > lastT) {
      lastT = s.tMs;
      const l = stream.angleDeg('left');
      const r = stream.angleDeg('right');
      if (l !== null) left.push({ tMs: s.tMs, angleDeg: l });
      if (r !== null) right.push({ tMs: s.tMs, angleDeg: r });
    }
  }
  for (const e of stream.end()) events.push(e);
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
    series: includeSeries ? { left, right } : null,
    calibration: stream.calibration(),
  };
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
