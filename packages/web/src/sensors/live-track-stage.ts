// The camera worker's per-frame pixel stage, without the worker: picks the near leg, follows its
// foot's own pixels and takes one-frame slips out of the tracked angle. Kept apart from the worker
// so that a test can step a recorded clip through exactly what the browser runs, frame by frame,
// at any frame rate, with no dependence on how fast the machine is.
import type { LandmarkFrame, Side } from '@anklepump/motion';
import {
  createFootTrackStage,
  createLegChooser,
  type LegTrack,
  type LegTrackState,
  type PixelFrame,
  refineFrame,
} from '@anklepump/pose';

export interface LiveTrackResult {
  /** The frame with the tracked foot's angle measured from its pixels (heel and toe gated out when lost). */
  readonly tracked: LandmarkFrame;
  readonly tracking: Readonly<Record<Side, LegTrackState>>;
  /** How well each foot's patch matched (NCC, 0..1; 0 unless tracking). */
  readonly match: Readonly<Record<Side, number>>;
}

export interface LiveTrackStage {
  push(pixels: PixelFrame, frame: LandmarkFrame): LiveTrackResult;
}

const matchOf = (t: LegTrack) => (t.state === 'tracking' ? t.confidence : 0);

/**
 * One tracker per labelled leg, but only the near leg (the longer shank in the picture, as the
 * session's live-foot chooses it) is tracked: the far foot is of no use to the session and
 * tracking it would double the tracker's time. A leg tracked again after a pause starts afresh.
 */
export function createLiveTrackStage(): LiveTrackStage {
  const stages = {
    left: createFootTrackStage({ sides: ['left'] }),
    right: createFootTrackStage({ sides: ['right'] }),
  };
  const nearLeg = createLegChooser('right');
  let trackedLeg: Side | null = null;
  /** The tracked leg's last measured angles (degrees), for the spike filter. */
  let lastRaw: number[] = [];

  /**
   * The median of the last three tracked angles: one frame whose patch match slipped would
   * otherwise set a rep's peak (the engine takes the extreme). Costs one frame of delay on a
   * steady movement. Without hindsight this is the live path's only smoothing beyond the engine's
   * own filter.
   */
  function despike(frame: LandmarkFrame, leg: Side, track: LegTrack): LandmarkFrame {
    if (track.state !== 'tracking' || !Number.isFinite(track.rawDeg)) {
      lastRaw = [];
      return frame;
    }
    lastRaw.push(track.rawDeg);
    if (lastRaw.length > 3) lastRaw.shift();
    if (lastRaw.length < 3) return frame;
    const mid = [...lastRaw].sort((a, b) => a - b)[1]!;
    return refineFrame(frame, leg, track, mid);
  }

  return {
    push(pixels, frame) {
      const leg = nearLeg(frame);
      if (leg !== trackedLeg) {
        stages[leg].reset();
        trackedLeg = leg;
        lastRaw = [];
      }
      const pushed = stages[leg].push(pixels, frame);
      const tracks = pushed.tracks;
      return {
        tracked: despike(pushed.frame, leg, tracks[leg]),
        tracking: { left: tracks.left.state, right: tracks.right.state },
        match: { left: matchOf(tracks.left), right: matchOf(tracks.right) },
      };
    },
  };
}
