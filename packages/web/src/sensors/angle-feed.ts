// What calibration needs from a sensor: the current ankle angle of one foot, relative to the
// neutral it learned while the foot rested (degrees, dorsiflexion positive).
export interface AngleFeed {
  /** Latest angle, or null before the foot has settled or while it cannot be seen. */
  angleDeg(): number | null;
  /** The neutral learned, in the source's corrected degrees (null until settled). */
  neutralDeg(): number | null;
  stop(): void;
}
