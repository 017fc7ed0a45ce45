// What one rep under way has shown the rep engine: usable and gated samples, the source's
// confidence, and the leg's reading now against where it was when the rep began (settling reads
// it; leg-history.ts keeps each sample's reading for the rep's leg-moved flag).

import type { TrackerInput } from './tracker-contract.ts';

/** Channels of a leg reading: knee and ankle against the hip (x, y), and the knee's bend. */
export const LEG_CHANNELS = 5;
/**
 * A leg reading as kept: the LEG_CHANNELS, then the hip's offset from where the pelvis rests (x,
 * y; TrackerInput's hipOffX, hipOffY), then whether the leg was seen (LEG_SEEN). Settling reads the
 * positions as they are; the leg-moved flag reads each position plus the offset of its axis
 * (against the rested hip).
 */
export const LEG_READING = LEG_CHANNELS + 3;
/** The reading's index that holds 1 where the source saw the leg, 0 where it held the last reading (TrackerInput.legSeen). */
export const LEG_SEEN = LEG_CHANNELS + 2;

/**
 * What the rep under way has shown: usable and gated samples, confidence; and the leg's reading
 * now, against where it was when the rep (or settling's still window) began.
 */
export function createRepEvidence() {
  /** Where the leg was when the rep or the still window began. */
  const legAtStart = new Float64Array(LEG_READING);
  /** The leg's reading of the sample being stepped (NaN channels: the source has none). */
  const legNow = new Float64Array(LEG_READING);
  /** What `save` kept, for `restore`. */
  const savedLeg = new Float64Array(LEG_READING);
  let savedUsable = 0;
  let savedGated = 0;
  let savedConfidenceSum = 0;
  return {
    legNow,
    /** Whether the source reads the leg (its first channel is a number). */
    legKnown: false,
    usable: 0,
    gated: 0,
    confidenceSum: 0,
    /** The input's leg reading becomes `legNow`; returns `legMove()`. */
    readLeg(input: TrackerInput): number {
      legNow[0] = input.leg0;
      legNow[1] = input.leg1;
      legNow[2] = input.leg2;
      legNow[3] = input.leg3;
      legNow[4] = input.leg4;
      legNow[LEG_CHANNELS] = input.hipOffX;
      legNow[LEG_CHANNELS + 1] = input.hipOffY;
      legNow[LEG_SEEN] = input.legSeen ? 1 : 0;
      return this.legMove();
    },
    /**
     * How far `legNow` is from where the rep or the still window began, in units of the leg-moved
     * threshold (the knee and ankle positions; settling watches where the leg is, not its bend).
     */
    legMove(): number {
      this.legKnown = !Number.isNaN(legNow[0]!);
      if (!this.legKnown) return 0;
      let move = 0;
      for (let i = 0; i < 4; i++) move = Math.max(move, Math.abs(legNow[i]! - legAtStart[i]!));
      return move;
    },
    /** Settling's still window began: the leg is measured from here. */
    windowStarted(): void {
      legAtStart.set(legNow);
    },
    /** A rep (or a rest) begins here: nothing shown yet, the leg measured from where it is now. */
    restart(): void {
      legAtStart.set(legNow);
      this.usable = 0;
      this.gated = 0;
      this.confidenceSum = 0;
    },
    /** Keeps what the rep under way has shown, for `restore` (one at a time: a look-back's). */
    save(): void {
      savedLeg.set(legAtStart);
      savedUsable = this.usable;
      savedGated = this.gated;
      savedConfidenceSum = this.confidenceSum;
    },
    /** Puts back what `save` kept. */
    restore(): void {
      legAtStart.set(savedLeg);
      this.usable = savedUsable;
      this.gated = savedGated;
      this.confidenceSum = savedConfidenceSum;
    },
    /** Mean confidence scaled by the share of samples not gated, 0..1. */
    confidence(): number {
      return this.usable > 0
        ? (this.confidenceSum / this.usable) * (this.usable / (this.usable + this.gated))
        : 0;
    },
  };
}
