// The angles an engine stepped, kept for a batch analysis's series. A settle steps again the
// samples that came before neutral was known, so the series' plain "angle after each sample" had
// nothing under a first pump counted from before the first rest, and a phone's vote, which holds
// samples back and feeds them at once, showed only the last of them.

import type { AnglePoint } from './motion-events.ts';

/** Beyond this many points untaken, the oldest are dropped (a reader that stopped reading). */
const MAX_POINTS = 1 << 16;
/** What `take` gives when nothing was added: a batch asks after every sample, most add none. */
const NONE: readonly AnglePoint[] = Object.freeze([]);

export interface AngleLog {
  /** Keeps the point, once `take` has been called (nothing before: a live session never reads it). */
  add(tMs: number, angleDeg: number): void;
  /** The points added since the last call, in the order added; starts keeping them. */
  take(): readonly AnglePoint[];
  /** Forgets the points; keeps keeping them if it did. */
  clear(): void;
}

export function createAngleLog(): AngleLog {
  let keeping = false;
  let points: AnglePoint[] = [];
  return {
    add(tMs, angleDeg) {
      if (!keeping) return;
      if (points.length >= MAX_POINTS) points = points.slice(MAX_POINTS >> 1);
      points.push({ tMs, angleDeg });
    },
    take() {
      keeping = true;
      if (points.length === 0) return NONE;
      const out = points;
      points = [];
      return out;
    },
    clear() {
      points = [];
    },
  };
}
