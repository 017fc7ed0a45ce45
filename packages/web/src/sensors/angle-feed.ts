// What calibration needs from a sensor: the current ankle angle of one foot, relative to the
// neutral it learned while the foot rested (degrees, dorsiflexion positive); and, for a phone check
// of a camera's degrees, the reps each counted.
import type { TimedRange } from '@anklepump/exercise';

export interface AngleFeed {
  /** Latest angle, or null before the foot has settled or while it cannot be seen. */
  angleDeg(): number | null;
  /** The neutral learned, in the source's corrected degrees (null until settled). */
  neutralDeg(): number | null;
  stop(): void;
}

/** The reps one source counted, for a phone check. */
export interface RepFeed {
  /** The reps so far, in epoch ms; a camera's at gain 1 (the tracked angle as it is), rough reps left out. */
  reps(): TimedRange[];
  stop(): void;
}
