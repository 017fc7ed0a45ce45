// Reps whose ends rest on samples the source doubts. A camera's points may be several pixels off
// where the pose model is unsure of them, and their going off and coming back made a shallow "rep"
// in a rest (stress set tuning seed 22002: 7 deg, in a 6-s pause). Such a rep counts only when it
// is a good part of the person's recent pumps.

/**
 * A rep with an end on samples the source doubts (confidence under the source's `doubtedBelow`
 * within DOUBT_NEAR samples of that end's live extreme) counts only at DOUBT_SHARE of the person's
 * recent pumps or more. Tuning seeds (camera, 64 a family), exact / spurious reps on resting feet /
 * reps counted wrong: 290 / 40 / 1,403 -> 292 / 40 / 1,399; sets counted over with no word why
 * 12 -> 9. DOUBT_SHARE 0.6 gave the same, 0.7 288, 0.8 281; DOUBT_NEAR 4 gave 291. The phone's
 * sets are unchanged.
 */
const DOUBT_NEAR = 2;
const DOUBT_SHARE = 0.5;

export interface DoubtedEnds {
  /** The confidence of the settled sample `seq` (kept as long as the tracker's ring keeps it). */
  record(seq: number, confidence: number): void;
  /**
   * Whether a rep of `rangeDeg` between the live extremes `firstSeq` and `secondSeq` rests on
   * doubted samples and is small for this person (`usualDeg`: their recent pumps' range, null
   * before they have any: not doubted then). `nextSeq`: the sequence number the next sample gets.
   */
  doubted(
    firstSeq: number,
    secondSeq: number,
    rangeDeg: number,
    usualDeg: number | null,
    nextSeq: number,
  ): boolean;
}

/** `ringSize`: the tracker's ring (a power of two); `doubtedBelow`: the source's doubt bar (0: none). */
export function createDoubtedEnds(ringSize: number, doubtedBelow: number): DoubtedEnds {
  const mask = ringSize - 1;
  const confidences = new Float32Array(ringSize);
  /** The lowest confidence within DOUBT_NEAR samples of `seq`. */
  const confidenceNear = (seq: number, nextSeq: number) => {
    let c = 1;
    for (let s = Math.max(0, seq - DOUBT_NEAR); s <= seq + DOUBT_NEAR && s < nextSeq; s++)
      c = Math.min(c, confidences[s & mask]!);
    return c;
  };
  return {
    record(seq, confidence) {
      confidences[seq & mask] = confidence;
    },
    doubted(firstSeq, secondSeq, rangeDeg, usualDeg, nextSeq) {
      if (usualDeg === null || rangeDeg >= DOUBT_SHARE * usualDeg) return false;
      return Math.min(confidenceNear(firstSeq, nextSeq), confidenceNear(secondSeq, nextSeq)) < doubtedBelow;
    },
  };
}
