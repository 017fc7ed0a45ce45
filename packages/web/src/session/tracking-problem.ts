// What the session says about the camera's tracking, once a second: whether counting can be
// trusted now, and when to say so aloud. Pure, so the rules are tested without a browser.
import type { TrackingQuality } from './rep-source.ts';

/**
 * Below this many analysed frames a second the landmark engine misses pumps (issue 12: at 3-5
 * frames/s it counted 10 of about 27); the patient is told so instead of seeing a short count.
 */
export const MIN_TRACKING_FPS = 6;
/** Below this share of frames with the foot measured, counting has in effect stopped. */
export const MIN_SEEN_SHARE = 0.5;
/** The same problem is said aloud at most once in this long (ms), so a flickering foot does not chatter. */
export const REPEAT_SPEECH_MS = 15_000;

export type TrackingProblem =
  /** Too few frames a second to count every pump. */
  | 'slow'
  /** The foot is not seen: nothing is counted. */
  | 'lost'
  /** The pose model sees the leg but the foot's own pixels are lost: pumps counted, degrees not measured. */
  | 'fallback';

/** Why counting cannot be trusted now, or null when it can. */
export function trackingProblem(q: TrackingQuality): TrackingProblem | null {
  if (q.fps < MIN_TRACKING_FPS) return 'slow';
  if (q.follow === 'fallback') return 'fallback';
  if (q.follow === 'unseen') return 'lost';
  if (q.follow === undefined && q.seenShare < MIN_SEEN_SHARE) return 'lost';
  return null;
}

/** What to say aloud on this check: a problem that began, or that counting is back. */
export type TrackingSpeech = Exclude<TrackingProblem, 'slow'> | 'back' | null;

/**
 * Decides, from each second's problem, what the voice says (the screen shows the same words): a
 * lost or fallen-back foot when it begins, and "counting again" once it ends, if its start was
 * said. Each is said at most once per REPEAT_SPEECH_MS.
 */
export function createTrackingSpeech(): (problem: TrackingProblem | null, nowMs: number) => TrackingSpeech {
  let last: TrackingProblem | null = null;
  let problemSaid = false;
  const saidAt = new Map<Exclude<TrackingSpeech, null>, number>();
  const say = (what: Exclude<TrackingSpeech, null>, nowMs: number): TrackingSpeech => {
    const at = saidAt.get(what);
    if (at !== undefined && nowMs - at < REPEAT_SPEECH_MS) return null;
    saidAt.set(what, nowMs);
    return what;
  };
  return (problem, nowMs) => {
    const before = last;
    last = problem;
    if (problem === before) return null;
    if (problem === 'lost' || problem === 'fallback') {
      const s = say(problem, nowMs);
      if (s) problemSaid = true;
      return s;
    }
    if (problem === null && (before === 'lost' || before === 'fallback') && problemSaid) {
      problemSaid = false;
      return say('back', nowMs);
    }
    return null;
  };
}
