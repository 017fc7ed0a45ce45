// The rep engine's contract with its angle sources (landmark-analyzer.ts, imu-analyzer.ts): what a
// source feeds each sample, what it sets up once, and what the engine answers. The engine itself is
// ankle-tracker.ts; split from it so the contract reads on its own.

import type { Side } from './landmark-frame.ts';
import type { AnglePoint, MotionEvent, NeutralFrom } from './motion-events.ts';
import type { TrackerOptions } from './tracker-options.ts';

/** One usable sample for a tracker. Reused by sources: the tracker copies what it keeps. */
export interface TrackerInput {
  tMs: number;
  /** Corrected angle before neutral is subtracted, degrees. */
  angleDeg: number;
  /** 0..1: how much the source trusts this sample. */
  confidence: number;
  /** Leg position in units of the leg-moved threshold (moving by 1 = moved); NaN = not measured. */
  leg0: number;
  leg1: number;
  leg2: number;
  leg3: number;
  /** The knee's bend in units of the leg-moved threshold; NaN = not measured. */
  leg4: number;
  /**
   * Where the hip the positions are measured against is, less where the pelvis rests (the hip
   * over about a second), in the same units, x and y; 0 where the source has no hip. A pose
   * model's hip jitters on its own while the pelvis lies still: `leg0 + hipOffX` is the knee
   * against the resting pelvis (the leg-moved flag reads that), `leg0` against the hip as seen in
   * this frame (settling reads that).
   */
  hipOffX: number;
  hipOffY: number;
  /**
   * Whether the leg's points were seen in this sample. False: the source doubts them (a pose model
   * unsure of the leg, its points a few pixels off) and leg0..leg4 and the hip's offset hold the
   * last reading it trusted; a rep whose leg was held so for much of it is not judged for leg
   * movement (leg-history.ts, LEG_UNSEEN_SHARE). True where the source has no leg reading at all.
   */
  legSeen: boolean;
  /**
   * The foot's and the shank's lengths as the points that gave the angle make them (any unit, the
   * same every sample); NaN = not measured (a sensor, or an angle not taken from these points).
   * Their jitter is the points' noise without the foot's movement in it (rigid-noise.ts).
   */
  footLen: number;
  shankLen: number;
}

export interface AnkleTracker {
  step(input: TrackerInput, out: MotionEvent[]): void;
  /** A sample without a usable angle (gated): counts against confidence only. */
  gated(tMs: number): void;
  /**
   * The source watched the foot rest and measures from that rest (a phone's angle is 0 there): take
   * `neutralDeg` as neutral and count from the next sample, without a second still period (fast
   * pumps right after the rest would otherwise go uncounted). Only while still settling.
   */
  trustNeutral(neutralDeg: number): void;
  /** Completes a rep whose dorsi peak is reached but not yet left (end of a recording). */
  finish(out: MotionEvent[]): void;
  reset(): void;
  /** Neutral (corrected degrees) and the reference range in use, for saving as calibration. */
  readonly neutralDeg: number | null;
  /** Where that neutral came from; 'rest' for a calibration's, null before the foot settled. */
  readonly neutralFrom: NeutralFrom | null;
  readonly referenceRangeDeg: number;
  /** The range a calibration gave, degrees, or null. */
  readonly givenRangeDeg: number | null;
  /** The person's own range and peaks (medians of recent full reps, degrees); null until one. */
  readonly personal: { rangeDeg: number; plantarDeg: number; dorsiDeg: number } | null;
  /** Latest filtered angle relative to neutral, degrees; null before the foot settled. */
  readonly angleDeg: number | null;
  /**
   * The angle (relative to neutral) of every sample stepped since the last call, in the order
   * stepped; a settle steps again the samples that came before neutral was known (a first pump
   * counted from before the first rest), so a call may give times earlier than the last call's.
   * Kept from the first call on (a live session never asks, and keeps nothing).
   */
  takeSteppedAngles(): readonly AnglePoint[];
  /** Estimated noise of the angle while still, degrees (standard deviation). */
  readonly noiseDeg: number;
}

export interface TrackerSetup {
  readonly side: Side;
  readonly options: TrackerOptions;
  /** Neutral from a calibration, corrected degrees; null = learn it from the first still period. */
  readonly neutralDeg: number | null;
  /** Reference range from a calibration, degrees; null = learn it from the reps. */
  readonly rangeDeg: number | null;
  /**
   * A recording that may start mid-movement (a sensor log started with the pumps): when the foot
   * never rested and neutral comes from the movement's own extremes, the samples seen while
   * settling are counted too instead of being lost. A leg that moves while settling (seen only by
   * a source that measures the leg: the camera) is being placed: what came before it is dropped
   * from the replay and from the extremes, and the restless clock starts again, so getting into
   * position is never replayed as pumps.
   */
  readonly replayRestless?: boolean;
  /**
   * Samples whose confidence is below this are ones the source doubts (their points may be several
   * pixels off): the landmark analyzer's `minVisibility`, under which it still reads a foot that is
   * plainly the one just seen, its visibility as the confidence. A rep with an end on them counts
   * only near the person's usual size (doubted-ends.ts, DOUBT_SHARE). Default 0: none doubted.
   */
  readonly doubtedBelow?: number;
  /**
   * What kind of angle the source gives. 'landmarks' (default): a pose model's, with jitter
   * correlated over a tenth of a second, which the rep shape's full smoothing holds still. 'sensor':
   * a phone's orientation, whose noise is hundredths of a degree: the rep shape smooths only as much
   * as the measured noise needs (see shapeSmoothingMs), the toes-down peak's time is when the foot
   * reached that level, and what came before a rest may be replayed (settling.ts).
   */
  readonly angle?: 'landmarks' | 'sensor';
}
