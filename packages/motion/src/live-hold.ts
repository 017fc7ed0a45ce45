// Live hold announcements while the foot stays at the toes-down or toes-up end: started, progress
// every 0.25 s, ended. (A rep's reported holds are measured afterwards, in rep-shape.ts.)

import type { Side } from './landmark-frame.ts';
import type { MotionEvent } from './motion-events.ts';

export type HoldDirection = 'plantar' | 'dorsi';

export interface LiveHold {
  /**
   * One sample at angle `y` (degrees from neutral) while the swing heads `direction` and its running
   * extreme is `extremeDeg`: a hold lasts while the angle stays within `tolDeg` of where it came to
   * rest and of the extreme, beyond `endDeg` from neutral.
   */
  update(
    tMs: number,
    y: number,
    extremeDeg: number,
    direction: HoldDirection,
    tolDeg: number,
    out: MotionEvent[],
  ): void;
  /** Ends any hold at `tMs` and starts watching afresh from angle `y`. */
  end(tMs: number, y: number, direction: HoldDirection, out: MotionEvent[]): void;
  /** Where the current candidate hold came to rest, degrees. */
  readonly anchorDeg: number;
  reset(): void;
}

/** `holdStartS`: seconds near the end before a hold is announced; `endDeg`: how far from neutral an end is. */
export function createLiveHold(side: Side, holdStartS: number, endDeg: number): LiveHold {
  let anchor = 0;
  let startT = Number.NaN;
  let holding = false;
  let ticks = 0;
  const hold: LiveHold = {
    update(tMs, y, extremeDeg, direction, tolDeg, out) {
      if (Number.isNaN(startT) || Math.abs(y - anchor) > tolDeg || Math.abs(y - extremeDeg) > tolDeg) {
        hold.end(tMs, y, direction, out);
      }
      const heldS = (tMs - startT) / 1000;
      // At the toes-down or toes-up end only: resting at neutral is not a hold.
      const atEnd = direction === 'plantar' ? y < -endDeg : y > endDeg;
      if (!holding && atEnd && heldS >= holdStartS) {
        holding = true;
        ticks = 0;
        out.push({ type: 'hold-started', side, tMs, direction, holdS: heldS, angleDeg: y });
      } else if (holding && Math.floor(heldS * 4) > ticks) {
        ticks = Math.floor(heldS * 4);
        out.push({ type: 'hold-progress', side, tMs, direction, holdS: heldS, angleDeg: y });
      }
    },
    end(tMs, y, direction, out) {
      if (holding)
        out.push({ type: 'hold-ended', side, tMs, direction, holdS: (tMs - startT) / 1000, angleDeg: y });
      holding = false;
      anchor = y;
      startT = tMs;
      ticks = 0;
    },
    get anchorDeg() {
      return anchor;
    },
    reset() {
      anchor = 0;
      startT = Number.NaN;
      holding = false;
      ticks = 0;
    },
  };
  return hold;
}
