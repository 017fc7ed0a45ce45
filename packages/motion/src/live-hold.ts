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
  return new Hold(side, holdStartS, endDeg);
}

/**
 * A class, not an object literal with a getter: V8 builds such a literal in dictionary mode, and
 * every call on it (every sample of a swing) is then a slow lookup.
 */
class Hold implements LiveHold {
  anchorDeg = 0;
  private startT = Number.NaN;
  private holding = false;
  private ticks = 0;
  constructor(
    private readonly side: Side,
    private readonly holdStartS: number,
    private readonly endDeg: number,
  ) {}
  update(
    tMs: number,
    y: number,
    extremeDeg: number,
    direction: HoldDirection,
    tolDeg: number,
    out: MotionEvent[],
  ): void {
    if (
      Number.isNaN(this.startT) ||
      Math.abs(y - this.anchorDeg) > tolDeg ||
      Math.abs(y - extremeDeg) > tolDeg
    ) {
      this.end(tMs, y, direction, out);
    }
    const side = this.side;
    const heldS = (tMs - this.startT) / 1000;
    // At the toes-down or toes-up end only: resting at neutral is not a hold.
    const atEnd = direction === 'plantar' ? y < -this.endDeg : y > this.endDeg;
    if (!this.holding && atEnd && heldS >= this.holdStartS) {
      this.holding = true;
      this.ticks = 0;
      out.push({ type: 'hold-started', side, tMs, direction, holdS: heldS, angleDeg: y });
    } else if (this.holding && Math.floor(heldS * 4) > this.ticks) {
      this.ticks = Math.floor(heldS * 4);
      out.push({ type: 'hold-progress', side, tMs, direction, holdS: heldS, angleDeg: y });
    }
  }
  end(tMs: number, y: number, direction: HoldDirection, out: MotionEvent[]): void {
    if (this.holding)
      out.push({
        type: 'hold-ended',
        side: this.side,
        tMs,
        direction,
        holdS: (tMs - this.startT) / 1000,
        angleDeg: y,
      });
    this.holding = false;
    this.anchorDeg = y;
    this.startT = tMs;
    this.ticks = 0;
  }
  reset(): void {
    this.anchorDeg = 0;
    this.startT = Number.NaN;
    this.holding = false;
    this.ticks = 0;
  }
}
