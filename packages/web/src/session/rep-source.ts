// What a movement checker (camera or phone on the foot) gives the session screen: the reps it
// saw, the live angle for the gauge and warnings about the view or the leg.
import type { SensorRep, Side } from '@anklepump/exercise';

export type SourceWarning =
  | 'leg-moved'
  | 'foot-lost'
  | 'shallow'
  | 'noisy'
  /** Phone: the foot moves back and forth but no pump is counted (quick flicks, no holds). */
  | 'uncounted'
  /** The foot moved before it first rested; counting starts at the rest, nothing before it counted. */
  | 'moved-before-rest'
  /** Phone: its gyroscope reached its limit during a rep (a very quick pump): counted, its degrees may read low. */
  | 'sensor-limit'
  | 'view-changed'
  /** Camera: it films the other side of the body, so it sees the leg that is not exercising. */
  | 'wrong-side';

/** Where a camera's angle comes from now. */
export type FootFollow =
  /** The foot's own pixels are followed: the angle is measured and reps are counted. */
  | 'tracked'
  /** The pose model sees the leg but the foot's pixels are lost: a rough angle, nothing counted. */
  | 'fallback'
  /** The foot is not seen at all. */
  | 'unseen';

export interface RepSourceListener {
  rep(rep: SensorRep): void;
  /** Current ankle angle, degrees (dorsiflexion +), or null when it cannot be measured now. */
  angle(angleDeg: number | null): void;
  warning(code: SourceWarning): void;
}

/** How well the source follows the foot right now. */
export interface TrackingQuality {
  /** Frames (or samples) analysed per second over the last seconds. */
  readonly fps: number;
  /** Share of those in which the foot's angle could be measured, 0-1. */
  readonly seenShare: number;
  /** Camera: whether the foot is followed now (absent for sources that always measure it). */
  readonly follow?: FootFollow;
}

export interface RepSource {
  /** Tracking quality now, for sources whose rate can fall below what the engine follows (camera). */
  quality?(): TrackingQuality | null;
  /** True when the degrees are estimates to label as such (camera). */
  readonly estimated: boolean;
  /** Which foot the source measures now; the session tells it when the foot changes. */
  setSide(side: Side): void;
  start(listener: RepSourceListener): Promise<void>;
  stop(): void;
  /** Video element to show under the landmark overlay (camera only). */
  readonly view?: HTMLElement;
}
