// The guided session's data: configuration, state, events in, effects out, and the record saved
// at the end. The reducer in session-machine.ts is the only code that moves between them.

import type { Dose, Side } from './dose.ts';
import type { MessageKey, MessageParams } from './messages.ts';
import type { SensorRep } from './sensor-rep.ts';

/** `timing`: the machine paces the patient by the clock and counts paced reps. `verified`: reps come from a sensor. */
export type SessionMode = 'timing' | 'verified';

export type SessionStatus = 'ready' | 'running' | 'paused' | 'completed' | 'aborted' | 'stopped';

/** What the patient should do now. */
export type CueId = 'relax' | 'point-toes' | 'hold-down' | 'pull-up' | 'hold-up' | 'switch-foot' | 'rest';

/** Which foot a cue addresses. */
export type ActiveSide = Side | 'both';

export type StopReason =
  /** `level` is null when the sharp-pain report came without a valid 0-10 rating. */
  | { readonly code: 'sharp-pain'; readonly level: number | null }
  | { readonly code: 'pain-rising'; readonly before: number; readonly now: number };

export type SessionWarningCode = 'shallow-rep' | 'hold-short' | 'leg-moved' | 'wrong-foot' | 'pain-reported';

export interface SessionWarning {
  readonly code: SessionWarningCode;
  readonly tMs: number;
  readonly side: Side | null;
}

export interface SessionConfig {
  /** Id for the record (uploads are idempotent on it); chosen by the caller. */
  readonly sessionId: string;
  readonly regimenId: string;
  readonly regimenVersion: number;
  readonly dose: Dose;
  readonly mode: SessionMode;
  /** Pain 0-10 before starting (from screening); baseline of the pain-rise stop rule. Null if not asked. */
  readonly painBefore: number | null;
}

/** Per-foot counts for the whole session. Only `full` reps count toward the target. */
export interface FootTally {
  /** Reps required from this foot over the whole session (repsPerFoot × sets, less skipped sets). */
  readonly target: number;
  /** Full reps counted toward the target (sensor-verified, paced, or confirmed by hand). */
  readonly full: number;
  /** Reps a sensor saw that were too small to count; recorded, never counted. */
  readonly shallow: number;
  /** Of `full`, those confirmed by hand rather than seen by a sensor. */
  readonly manual: number;
  /** Sensor reps whose both holds reached the prescription (verified mode only). */
  readonly holdsMet: number;
  /** Sensor reps with a hold shorter than prescribed. */
  readonly holdsShort: number;
  /** Sensor reps where the whole leg moved. */
  readonly legMoved: number;
  /** Range of each measured rep, degrees, in order (full and shallow). */
  readonly rangesDeg: readonly number[];
}

export interface SessionState {
  readonly config: SessionConfig;
  readonly status: SessionStatus;
  /** Current cue, null before start and after the end. */
  readonly phase: CueId | null;
  readonly phaseEndsAtMs: number | null;
  /** 0-based set index. */
  readonly setIndex: number;
  /** Foot (or both) working now. */
  readonly active: ActiveSide;
  /** Full reps in the current set, per foot. */
  readonly setReps: { readonly left: number; readonly right: number };
  readonly feet: { readonly left: FootTally; readonly right: FootTally };
  readonly setsCompleted: number;
  readonly setsSkipped: number;
  readonly painLatest: number | null;
  readonly painMax: number | null;
  /** Baseline of the pain-rise stop rule: painBefore, else the first rating given in the session. */
  readonly painStart: number | null;
  /** Multiplies movement and relax times: 2 = half speed. Range TEMPO_LIMITS. */
  readonly tempoFactor: number;
  /** Time left in the phase when paused, ms. */
  readonly pausedRemainingMs: number | null;
  readonly startedAtMs: number | null;
  readonly endedAtMs: number | null;
  /** Last event time seen; older events are ignored so time never runs backwards. */
  readonly lastTMs: number | null;
  readonly warnings: readonly SessionWarning[];
  /** Coaching hints already spoken in this set (each is spoken once per set, then only recorded). */
  readonly hintsThisSet: readonly SessionWarningCode[];
  /** Rep cycles paced for the current foot in this set: movement cues are spoken in full on the first only. */
  readonly cyclesThisFoot: number;
  readonly stopReason: StopReason | null;
  readonly record: SessionRecord | null;
}

export type SessionEvent =
  | { readonly type: 'start'; readonly tMs: number }
  | { readonly type: 'tick'; readonly tMs: number }
  | { readonly type: 'sensor-rep'; readonly tMs: number; readonly rep: SensorRep }
  | { readonly type: 'manual-rep'; readonly tMs: number; readonly side: Side }
  | { readonly type: 'pause'; readonly tMs: number }
  | { readonly type: 'resume'; readonly tMs: number }
  | { readonly type: 'pain'; readonly tMs: number; readonly level: number; readonly sharp: boolean }
  | { readonly type: 'tempo'; readonly tMs: number; readonly factor: number }
  | { readonly type: 'skip-set'; readonly tMs: number }
  | { readonly type: 'abort'; readonly tMs: number };

export type SessionEffect =
  | {
      readonly type: 'cue';
      readonly cue: CueId;
      readonly side: ActiveSide;
      readonly durationMs: number;
      readonly endsAtMs: number;
    }
  | { readonly type: 'countdown'; readonly seconds: number; readonly endsAtMs: number }
  | {
      readonly type: 'speak';
      readonly key: MessageKey;
      readonly params: MessageParams;
      readonly text: string;
    }
  | { readonly type: 'vibrate'; readonly patternMs: readonly number[] }
  | {
      readonly type: 'rep-counted';
      readonly side: Side;
      readonly full: boolean;
      readonly manual: boolean;
      /** Full reps of this foot in this set after this one. */
      readonly count: number;
      readonly target: number;
    }
  | { readonly type: 'set-complete'; readonly set: number; readonly sets: number; readonly skipped: boolean }
  | { readonly type: 'session-complete' }
  | { readonly type: 'stop'; readonly reason: StopReason }
  | { readonly type: 'save-record'; readonly record: SessionRecord };

export type SessionOutcome = 'completed' | 'aborted' | 'stopped';

/** What the web app saves and the server stores for one session. Times are epoch ms. */
export interface SessionRecord {
  readonly sessionId: string;
  readonly regimenId: string;
  readonly regimenVersion: number;
  readonly mode: SessionMode;
  readonly outcome: SessionOutcome;
  readonly stopReason: StopReason | null;
  readonly startedAtMs: number;
  readonly endedAtMs: number;
  readonly dose: Dose;
  readonly setsPlanned: number;
  readonly setsCompleted: number;
  readonly setsSkipped: number;
  readonly feet: { readonly left: FootTally; readonly right: FootTally };
  readonly painBefore: number | null;
  /** Last pain reported during the session (or added after it with `withPainAfter`). */
  readonly painAfter: number | null;
  readonly painMax: number | null;
  /** True when any sharp pain was reported. */
  readonly sharpPain: boolean;
  readonly tempoFactor: number;
  readonly warnings: readonly SessionWarning[];
  /**
   * Which sensor checked a verified session. Added by the app when it queues the upload (the
   * reducer does not know it); older apps leave it out. It decides how far the degrees can be trusted.
   */
  readonly sensor?: 'camera' | 'phone';
  /**
   * How far a verified session's degrees hold, as the app knew when the session ended. Added by the
   * app with `sensor`; older apps leave it out (then nothing is known about calibration).
   */
  readonly degrees?: DegreesBasis;
}

/**
 * What a verified session's degrees rest on. A calibration ("Measure your range") sets neutral and
 * the range the reps are judged by; it does not make camera degrees exact. `calibrated`: the
 * sensor's calibration (the phone's, or this camera view's) was in use from start to end. `uncalibrated`: none was; a camera's degrees
 * then carry the pose model's error (README, accuracy). `view-changed`: the camera's view changed
 * at `atMs` (epoch ms, within the session), so degrees after it are not from the view the session
 * began with, and a calibration made for that view (`calibrated`: one was in use) did not hold for them.
 */
export type DegreesBasis =
  | { readonly kind: 'calibrated'; readonly phoneGain?: number }
  | { readonly kind: 'uncalibrated' }
  | {
      readonly kind: 'view-changed';
      readonly atMs: number;
      readonly calibrated: boolean;
      readonly phoneGain?: number;
    };

/**
 * `phoneGain` (camera only, with a calibration): the camera's degrees were multiplied by this gain,
 * fitted for the view against the phone on the foot (the app's phone check, 2 or more reps both
 * saw), so they rest on the phone's measurement rather than the pose model's estimate. Within
 * PHONE_GAIN_LIMITS. Absent: no phone check.
 */
export const PHONE_GAIN_LIMITS = { min: 0.3, max: 3 } as const;
