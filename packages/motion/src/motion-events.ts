// What the motion engine says while it watches: phase changes, holds, completed reps with their
// metrics, and warnings. Every event carries the side and the sample time that caused it.

import type { Side } from './landmark-frame.ts';

/** The movement the foot is in: settling before counting starts, then toes-down and toes-up swings. */
export type MotionPhase = 'settling' | 'plantar' | 'dorsi';

/** Stable warning codes (the web and CLI map them to words). */
export type MotionWarningCode =
  | 'no-person'
  | 'foot-not-visible'
  | 'bad-sample'
  | 'absurd-value'
  | 'time-backwards'
  | 'time-repeated'
  | 'gap'
  | 'leg-moved'
  | 'too-fast'
  | 'too-shallow'
  /** The angle is so noisy that pumps smaller than the degrees in the message cannot be counted. */
  | 'noisy'
  /** The foot kept moving by more than a rep's size and no rep was counted: quick or small flicks. */
  | 'uncounted'
  /**
   * The foot turned by a pump's size before its first rest (a camera: both ways from it); counting
   * starts at that rest, and what came before (taken as getting into position) is not counted.
   */
  | 'moved-before-rest'
  /** The camera view changed and stayed so (the shank looks longer, shorter or turned): degrees are from another view. */
  | 'view-changed'
  /**
   * A sensor's gyroscope reached the end of its range during the rep (the foot turned faster than
   * it measures): the rep counts, its degrees may read low.
   */
  | 'sensor-saturated';

/**
 * The warnings that are about one counted rep (rep-report.ts, gyro-saturation.ts): each carries its
 * rep's `tMs`, which is how a report joins them to the rep; where its rep is dropped, so are they.
 */
export const REP_WARNING_CODES: readonly MotionWarningCode[] = [
  'too-shallow',
  'too-fast',
  'leg-moved',
  'sensor-saturated',
];

/** One completed repetition. Field names match `SensorRep` of `@anklepump/exercise`. */
export interface RepMetrics {
  readonly side: Side;
  /** Time the rep was recognised as complete, ms. */
  readonly tMs: number;
  /**
   * 1-based count of reps (full and shallow) on this side since the stream started, in the order
   * counted: a camera's look-back may count a pump after later ones (look-back.ts), so `index`
   * order is not always time order.
   */
  readonly index: number;
  /** True when the range reached `fullFraction` of the reference range; false = shallow. */
  readonly full: boolean;
  /** Peak dorsiflexion minus peak plantarflexion, degrees. */
  readonly rangeDeg: number;
  /** Most plantarflexed angle relative to neutral, degrees (negative = toes down). */
  readonly peakPlantarDeg: number;
  /** Most dorsiflexed angle relative to neutral, degrees (positive = toes up). */
  readonly peakDorsiDeg: number;
  /** Seconds the angle stayed within max(3 deg, 10% of range) of the plantar peak. */
  readonly plantarHoldS: number;
  /** Seconds the angle stayed within max(3 deg, 10% of range) of the dorsi peak. */
  readonly dorsiHoldS: number;
  /** Seconds from the start of the rep's first swing to its second peak. */
  readonly cycleS: number;
  /**
   * Times of the swing start, plantar peak and dorsi peak, ms. A rep starts toes down (plantar
   * peak first) unless the person starts each rep toes up from rest: then its toes-up peak comes
   * first and the toes-down peak after it ends the rep (dorsiTMs < plantarTMs).
   */
  readonly startTMs: number;
  readonly plantarTMs: number;
  readonly dorsiTMs: number;
  /** True when the leg (not only the ankle) moved beyond the threshold during the rep. */
  readonly legMoved: boolean;
  /**
   * False when the leg's movement was not judged: the source reads no leg (a phone on the foot
   * alone), or it held the leg unseen through most of the rep (a pose model doubting the leg's
   * points: leg-history.ts, LEG_UNSEEN_SHARE). `legMoved` is then false by default, not a finding.
   */
  readonly legMovementMeasured: boolean;
  /** SPARC spectral arc length of the speed profile (about -1.6 for an ideal smooth movement). */
  readonly sparc: number;
  /** SPARC rescaled to 0..1 (1 = as smooth as a minimum-jerk movement, 0 = SPARC of -6 or worse). */
  readonly smoothness: number;
  /** 0..1: the share of the rep's time with a usable signal, times the source's own confidence. */
  readonly confidence: number;
}

/**
 * Where a foot's neutral came from: 'rest', a rest the foot held (or the source watched);
 * 'pauses', where a person who never rested paused between the ends of their pumps; 'movement',
 * the middle of the angles a person who neither rested nor paused moved through. From the
 * movement, each rep's range is measured but not how much of it was toes down and how much toes
 * up: a person who holds toes down at -32 deg and toes up at +11 has that middle at -10, and their
 * peaks read -22 and +21.
 */
export type NeutralFrom = 'rest' | 'pauses' | 'movement';

export type MotionEvent =
  | { readonly type: 'phase'; readonly side: Side; readonly tMs: number; readonly phase: MotionPhase }
  | {
      readonly type: 'calibrated';
      readonly side: Side;
      readonly tMs: number;
      /** Neutral in the source's corrected degrees, learned from the first still period. */
      readonly neutralDeg: number;
      /** Where that neutral came from (`NeutralFrom`). */
      readonly neutralFrom: NeutralFrom;
    }
  | {
      readonly type: 'hold-started' | 'hold-progress' | 'hold-ended';
      readonly side: Side;
      readonly tMs: number;
      readonly direction: 'plantar' | 'dorsi';
      /** Seconds held so far (or in total, for hold-ended). */
      readonly holdS: number;
      readonly angleDeg: number;
    }
  | { readonly type: 'rep'; readonly side: Side; readonly tMs: number; readonly rep: RepMetrics }
  | {
      readonly type: 'warning';
      readonly side: Side | null;
      readonly tMs: number;
      readonly code: MotionWarningCode;
      readonly message: string;
    };

/** The angle series a batch analysis can return: one point per usable sample. */
export interface AnglePoint {
  readonly tMs: number;
  readonly angleDeg: number;
}
