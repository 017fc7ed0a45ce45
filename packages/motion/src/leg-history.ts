// The leg's readings sample by sample, kept as long as the angle's ring keeps its samples, from
// which a finished rep's leg-moved flag is judged over the whole rep.

import { LEG_CHANNELS, LEG_READING, LEG_SEEN } from './rep-evidence.ts';
import type { SampleRing } from './sample-ring.ts';
import { holdBandDeg } from './tracker-options.ts';

/**
 * Leg moved: the leg stayed at least LEG_AWAY_UNITS of the source's leg-move threshold (the landmark
 * analyzer's 0.15 of the shank, so 0.0525 of it; its knee unit, so 4.7 deg of bend; the shin
 * sensor's 10 deg of tilt, so 3.5) from where the rep began for LEG_AWAY_MS, and at least
 * LEG_NOISE_K of that channel's own jitter (below). A lower bar held for a while instead of the full
 * bar touched once: a noisy frame or two no longer flags a rep, and a slide of a few cm does. Chosen
 * on the stress set's tuning seeds (camera families, 16 sets each): precision 0.56 -> 0.64, recall
 * 0.40 -> 0.57 (at 0.6 of the unit, before the jitter's bar). 0.45 until 2026-12-06 (stop 66),
 * lowered with the window's earlier end (LEG_END_SHARE), which takes out more false flags than the
 * lower bar lets in: tuning seeds (camera, 128 a family), flag precision / recall 0.898 / 0.877
 * before; 0.35 alone 0.878 / 0.903; the earlier end alone 0.913 / 0.858; both 0.898 / 0.890 (64 a
 * family: 0.904 / 0.878 -> 0.905 / 0.892). Counts unchanged.
 */
const LEG_AWAY_UNITS = 0.35;
const LEG_AWAY_MS = 200;
/**
 * ...and this many times the median change of that channel from one sample to the next over the
 * rep and its reference: the landmarks' jitter, which on a noisy stream (6-10 px of it) kept a still
 * leg "away" from a reference itself off by as much, while a leg's real movement (a slide or a knee
 * bend over most of a second) hardly shows from one frame to the next. Stress set tuning seeds
 * (camera, 64 sets a family), precision / recall: the fixed bar of 0.6 units 0.830 / 0.784; 0.45
 * units and 8 x the jitter 0.855 / 0.831 (32 a family: 6 x and 0.5 units 0.837 / 0.843, 7 x and 0.45
 * 0.837 / 0.851, 10 x and 0.4 0.847 / 0.807; the jitter's bar alone at 0.6 units, 6 x: 0.857 / 0.785).
 */
const LEG_NOISE_K = 8;
/**
 * That jitter is read over the rep and this long before where it began, ms. Over the rep alone, a
 * leg that moved through most of it (a knee bend of 0.9 s in a fast rep, a slide at 10-15 frames a
 * second, 9-14 samples in all) made most of the sample-to-sample changes itself, and 8 times their
 * median put the bar above the movement: 19 of the 28 moved reps missed in the 10-15 fps family
 * (tuning seeds) were under that bar. A second of the leg at rest before the rep keeps the median
 * on the jitter. Stress set tuning seeds (camera, 64 sets a family), precision / recall: over the
 * rep 0.908 / 0.817; with 0.5, 1, 1.5, 2, 3 and 6 s before it 0.911 / 0.826, **0.911 / 0.834**,
 * 0.910 / 0.830, 0.910 / 0.832, 0.908 / 0.835 and 0.907 / 0.833; the jitter from before the rep
 * only (1-3 s) 0.893-0.904 / 0.836-0.839; second differences instead of first, 5 x their median,
 * 0.897 / 0.840; counts, degrees and holds unchanged.
 */
const LEG_JITTER_LEAD_MS = 1000;
/** At least this many sample-to-sample changes before a channel's jitter is read. */
const JITTER_MIN_CHANGES = 5;
/**
 * Where the leg was when a rep began: the mean of its readings over this long up to the rep's
 * first sample, ms, not that one sample alone, whose own noise (a pose model's landmarks, 6-10 px
 * of it on the stress set's noisiest family) set a false baseline that the rest of the rep then
 * "moved" from. Stress set tuning seeds (camera, 32 sets a family): one sample 0.82 precision and
 * 0.77 recall; 100, 150 and 250 ms 0.85 and 0.80 each (4 samples at any rate: 0.84 and 0.79).
 */
const LEG_REF_MS = 150;
/**
 * A slide leaves the leg where it slid: a leg also counts as moved when its mean reading over the
 * last LEG_SETTLED_MS of the rep's window is further from where the rep began than LEG_SETTLED_K
 * times the channel's jitter (and LEG_AWAY_UNITS). Noise takes samples back under the bar now and
 * then, so a slide that ended early in the rep was not always away for LEG_AWAY_MS in a row; the
 * mean over the window's end is not fooled so. Stress set tuning seeds (camera, 64 sets a family,
 * against the rested hip), flag precision / recall: without it 0.905 / 0.856, with it at 10 times
 * 0.902 / 0.868 (32 a family, before the rested hip: 8, 10 and 12 times 0.894 / 0.864, 0.909 /
 * 0.844 and 0.906 / 0.836; 10 times over 400 ms 0.906 / 0.830); counts unchanged.
 */
const LEG_SETTLED_MS = 250;
const LEG_SETTLED_K = 10;
/**
 * Against the rested hip, the hip and the leg moving together (the person shifting on the bed, the
 * camera moved) read as the leg moving: a movement counts only when against the hip as seen it went
 * at least this share as far, the same way (on the mean over the spell: the hip's jitter averages out).
 */
const LEG_SHARED_SHARE = 0.5;
/** At most this many samples in that mean (a 400 Hz source's 150 ms). */
const REF_MAX = 64;
/**
 * A rep's leg-moved check starts this long before the foot set off on its toes-down swing, ms: a
 * leg that slides or bends with the swing starts moving as the swing does, and the foot leaves the
 * hold band a tenth of a second into it. Precision and recall of the flag on the stress set's
 * tuning seeds (camera, 32 sets a family): from the setting off itself 0.78 and 0.64; 150 ms
 * before 0.81 and 0.72; 250 ms 0.81 and 0.75; 400 ms 0.80 and 0.77; 550 ms 0.80 and 0.78.
 */
const LEG_LEAD_MS = 400;
/**
 * ...and this long when the rep before moved the leg, ms: that leg may still be coming to rest (a
 * pose model's points lag it too) when this rep's lead opens, and its last movement then flagged
 * this rep as well (a rendered tuning clip, web-e2e: a leg lifted through rep 2 and lowered 0.3 s
 * before rep 3 began, rep 3 flagged "moved by 63% of the shin"). Stress set tuning seeds (camera,
 * 64 sets a family), precision / recall: 400 ms 0.890 / 0.816; 200 ms 0.909 / 0.814; 250 ms 0.908 /
 * 0.816 (32 a family: 400 0.882 / 0.811, 300 0.896 / 0.813, 250 0.900 / 0.813, 200 0.900 / 0.811,
 * 150 0.903 / 0.805, 0 0.901 / 0.784). Counts and degrees do not change.
 */
const LEG_LEAD_AFTER_MOVED_MS = 250;

/**
 * A rep's leg-moved check ends this share of the way from where the angle last crossed neutral on
 * its way to the rep's second peak to where the foot left that peak, not at the leaving itself. A
 * person's rep begins with a swing from neutral, and a leg that slides or bends with it starts
 * moving then: read up to where the foot left this rep's second peak, the window took in the start
 * of the next rep's movement whenever that rep followed without a pause, and most of it when the
 * reps were paired in the other order than the person's (one who starts each rep toes up read toes
 * down first: every reported rep runs from one person's rep into the next). On the stress set's
 * tuning seeds (camera, 64 a family), of 100 false flags 88 were on a rep next to one that moved
 * the leg, 51 of them in the sets paired the other way round. Precision / recall (128 a family,
 * with LEG_AWAY_UNITS at 0.35): the whole way 0.878 / 0.903, 0.75 of it 0.898 / 0.890 (64 a
 * family: 0.75 0.905 / 0.892; while choosing, with the lower bar in the jitter's bar only, not yet
 * in the settled slide's, 0.85 0.902 / 0.896, and at bars of 0.3 units 0.6 0.890 / 0.881, 0.5 0.894 /
 * 0.871). Whether the leg was seen is still judged over the whole window.
 */
const LEG_END_SHARE = 0.75;

/**
 * A rep whose leg the source held at its last trusted reading (TrackerInput.legSeen false: a pose
 * model unsure of the leg) for more than this share of the samples it is judged over is not
 * judged: its leg movement is not measured. Held, a knee that bent or a foot that slid under a
 * spell of low visibility read as a still leg (a tuning seed's 28-deg knee bend, its points at
 * visibility 0.05-0.2 throughout, showed 0.1 of a unit of movement) and the rep was said to be
 * done with the leg still.
 */
export const LEG_UNSEEN_SHARE = 0.5;

/** What a finished rep's leg did: moved, stayed still, or was not seen well enough to say. */
export type LegVerdict = 'moved' | 'still' | 'unseen';

/**
 * The `k`-th smallest of the first `len` values of `a` (no NaN), which it reorders in place: what
 * sorting them and taking index `k` gives, in linear time and without allocating (Hoare's select).
 */
function selectInPlace(a: Float64Array, len: number, k: number): number {
  let lo = 0;
  let hi = len - 1;
  while (hi > lo) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/**
 * The leg's reading for each settled sample, kept as long as the angle's ring keeps its samples,
 * so a finished rep is judged over all of it (movedInRep). Judged live from the swing's detection
 * instead (once the swing had crossed the hysteresis), a leg movement that began with the swing
 * was half over before the reference was taken, and one that came with the next rep's swing
 * counted for this rep. Stress set, tuning seeds, camera families, 32 sets each: precision 0.76 ->
 * 0.81, recall 0.67 -> 0.74; with the knee's bend as a fifth channel 0.80 and 0.77.
 */
export function createLegHistory(capacity: number) {
  if (capacity <= 0 || (capacity & (capacity - 1)) !== 0)
    throw new RangeError('capacity must be a power of two');
  const mask = capacity - 1;
  const legs = new Float32Array(capacity * LEG_READING);
  /** The leg's reference reading for movedOver (reused). */
  const ref = new Float64Array(LEG_CHANNELS);
  /** The same reference against the hip as seen (reused). */
  const refSeen = new Float64Array(LEG_CHANNELS);
  /** Each channel's bar for the rep being judged, in units (reused). */
  const bar = new Float64Array(LEG_CHANNELS);
  /** Sample-to-sample changes of one channel, for its median (reused). */
  const changes = new Float64Array(capacity);
  /**
   * Channel `i` of the reading at ring offset `b`, against the rested hip (the positions plus the
   * hip's offset on their axis; the knee's bend as it is).
   */
  const rested = (b: number, i: number): number =>
    i < 4 ? legs[b + i]! + legs[b + LEG_CHANNELS + (i & 1)]! : legs[b + i]!;
  /**
   * Channel `i`'s bar over samples `fromSeq`..`toSeq`: LEG_AWAY_UNITS, or LEG_NOISE_K times the
   * median of its sample-to-sample changes where that is more (channels not measured are skipped).
   */
  const barOf = (i: number, fromSeq: number, toSeq: number): number => {
    let m = 0;
    for (let q = fromSeq + 1; q <= toSeq; q++) {
      const d = Math.abs(rested((q & mask) * LEG_READING, i) - rested(((q - 1) & mask) * LEG_READING, i));
      if (!Number.isNaN(d)) changes[m++] = d;
    }
    if (m < JITTER_MIN_CHANGES) return LEG_AWAY_UNITS;
    return Math.max(LEG_AWAY_UNITS, LEG_NOISE_K * selectInPlace(changes, m, m >> 1));
  };
  /**
   * The last sample from `seq` on (up to `lastSeq`) still within `bandDeg` of `seq`'s angle in
   * `angles`: where the foot left the rest or peak at `seq`.
   */
  const leftAt = (angles: SampleRing, seq: number, lastSeq: number, bandDeg: number): number => {
    const deg = angles.a(seq);
    let q = seq;
    while (q < lastSeq && Math.abs(angles.a(q + 1) - deg) <= bandDeg) q++;
    return q;
  };
  /**
   * Where a rep's leg-moved window ends: LEG_END_SHARE of the way from where the angle last
   * crossed neutral toward the second peak at `secondSeq` (the last sample after `setOffSeq` on the
   * first end's side; `a` gives the angle signed so the second end is above neutral) to
   * `leftSeq`, where the foot left that peak. At `leftSeq` itself when the second peak is not
   * above neutral (a partial rep's) or no crossing is held after `setOffSeq`.
   */
  const windowEnd = (
    angles: SampleRing,
    a: (seq: number) => number,
    setOffSeq: number,
    secondSeq: number,
    leftSeq: number,
  ): number => {
    if (a(secondSeq) <= 0) return leftSeq;
    let crossed = secondSeq;
    while (crossed > setOffSeq && a(crossed) > 0) crossed--;
    if (crossed <= setOffSeq) return leftSeq;
    const endTMs = angles.t(crossed) + LEG_END_SHARE * (angles.t(leftSeq) - angles.t(crossed));
    let end = crossed;
    while (end < leftSeq && angles.t(end + 1) <= endTMs) end++;
    return end;
  };
  /**
   * Whether a movement the rested readings show, `dRested` on the mean from `ref`, is the leg's,
   * not the hip and the leg shifting together (the person or the camera moving): against the hip
   * as seen the mean moved `dSeen` from `refSeen`, and must have gone at least LEG_SHARED_SHARE as
   * far, the same way.
   */
  const ownMovement = (dRested: number, dSeen: number): boolean =>
    dSeen * Math.sign(dRested) >= LEG_SHARED_SHARE * Math.abs(dRested);
  /** Sums of each channel over the spell being read, rested and as seen (reused). */
  const sumRested = new Float64Array(LEG_CHANNELS);
  const sumSeen = new Float64Array(LEG_CHANNELS);
  /** Adds sample `q`'s readings to the spell's sums. */
  const addToSpell = (q: number): void => {
    const b = (q & mask) * LEG_READING;
    for (let i = 0; i < LEG_CHANNELS; i++) {
      sumRested[i]! += rested(b, i);
      sumSeen[i]! += legs[b + i]!;
    }
  };
  /**
   * Whether the leg's positions over the last LEG_SETTLED_MS up to `toSeq` (after `fromSeq`), on
   * the mean, sit LEG_SETTLED_K times a channel's jitter (and LEG_AWAY_UNITS) from `ref`, the leg's
   * own movement; `bar` holds LEG_NOISE_K times the jitter.
   */
  const settledAway = (fromSeq: number, toSeq: number, tMs: (seq: number) => number): boolean => {
    const tEnd = tMs(toSeq);
    let a = toSeq;
    while (a - 1 > fromSeq && tMs(a - 1) >= tEnd - LEG_SETTLED_MS) a--;
    const m = toSeq - a + 1;
    if (m < 3) return false;
    sumRested.fill(0);
    sumSeen.fill(0);
    for (let q = a; q <= toSeq; q++) addToSpell(q);
    for (let i = 0; i < 4; i++) {
      const dRested = sumRested[i]! / m - ref[i]!;
      if (
        Math.abs(dRested) > Math.max(LEG_AWAY_UNITS, (LEG_SETTLED_K / LEG_NOISE_K) * bar[i]!) &&
        ownMovement(dRested, sumSeen[i]! / m - refSeen[i]!)
      )
        return true;
    }
    return false;
  };
  const history = {
    /** The leg reading `legNow` (LEG_READING long) of sample `seq` (NaN channels: not measured). */
    record(seq: number, legNow: Float64Array): void {
      // Element by element: TypedArray.set across element types is a slow builtin call (same values).
      const at = (seq & mask) * LEG_READING;
      for (let i = 0; i < LEG_READING; i++) legs[at + i] = legNow[i]!;
    },
    /**
     * Whether the leg stayed a channel's bar (LEG_AWAY_UNITS, or LEG_NOISE_K of its jitter) from
     * where it was at `fromSeq` (its mean reading over LEG_REF_MS up to it) for LEG_AWAY_MS or more
     * between `fromSeq` and `toSeq` (samples still held), or settled there (settledAway), read
     * against the rested hip and confirmed against the hip as seen (ownMovement); `tMs(seq)` gives
     * a sample's time and `held(seq)` whether it is still kept.
     */
    movedOver(
      fromSeq: number,
      toSeq: number,
      tMs: (seq: number) => number,
      held: (seq: number) => boolean = (seq) => seq >= 0,
    ): boolean {
      const t0 = tMs(fromSeq);
      let n = 1;
      while (n < REF_MAX && held(fromSeq - n) && tMs(fromSeq - n) >= t0 - LEG_REF_MS && tMs(fromSeq - n) < t0)
        n++;
      for (let i = 0; i < LEG_CHANNELS; i++) {
        let sum = 0;
        let sumSeen = 0;
        for (let k = 0; k < n; k++) {
          const b = ((fromSeq - k) & mask) * LEG_READING;
          sum += rested(b, i);
          sumSeen += legs[b + i]!;
        }
        ref[i] = sum / n;
        refSeen[i] = sumSeen / n;
      }
      // The jitter is read from a second before the rep's first sample on (the reference's samples
      // among them; only samples still held, at most a ring's worth of changes), not over the rep
      // alone.
      let jitterFrom = fromSeq - n + 1;
      while (
        toSeq - jitterFrom < capacity - 1 &&
        held(jitterFrom - 1) &&
        tMs(jitterFrom - 1) >= t0 - LEG_JITTER_LEAD_MS
      )
        jitterFrom--;
      for (let i = 0; i < LEG_CHANNELS; i++) bar[i] = barOf(i, jitterFrom, toSeq);
      if (settledAway(fromSeq, toSeq, tMs)) return true;
      let sinceTMs = Number.NaN;
      let spell = 0;
      for (let q = fromSeq; q <= toSeq; q++) {
        const b = (q & mask) * LEG_READING;
        let away = -1;
        // A channel not measured at either end (NaN) is not a movement.
        for (let i = 0; i < LEG_CHANNELS && away < 0; i++)
          if (Math.abs(rested(b, i) - ref[i]!) > bar[i]!) away = i;
        if (away < 0) {
          sinceTMs = Number.NaN;
          continue;
        }
        const t = tMs(q);
        if (Number.isNaN(sinceTMs)) {
          sinceTMs = t;
          spell = 0;
          sumRested.fill(0);
          sumSeen.fill(0);
        }
        addToSpell(q);
        spell++;
        if (
          t - sinceTMs >= LEG_AWAY_MS &&
          ownMovement(sumRested[away]! / spell - ref[away]!, sumSeen[away]! / spell - refSeen[away]!)
        )
          return true;
      }
      return false;
    },
    /**
     * Whether the leg moved during a rep whose angles are in `angles` (same sequence numbers): from
     * LEG_LEAD_MS before the foot set off on the rep's first swing (toes down; toes up when `sign`
     * is -1, an up-first rep) to LEG_END_SHARE of the way from its last crossing of neutral to when
     * it left its second peak (`secondSeq`; the rep was completed at `nowSeq`: `windowEnd`). The
     * swing sets off where the foot left the rest or peak the swing began at
     * (`startSeq`), or, when that was a peak beyond neutral on the other side, where it last
     * passed neutral on the way to the first peak (`firstSeq`): a leg lifted during the last rep
     * and lowered after its second peak is that rep's, not this one's. Nor is a leg moving with the
     * next rep's swing. The hold band is the engine's: 10% of the range, 3 deg at least.
     * `afterMoved`: the rep before was flagged, and the lead is LEG_LEAD_AFTER_MOVED_MS.
     */
    movedInRep(
      angles: SampleRing,
      startSeq: number,
      firstSeq: number,
      secondSeq: number,
      nowSeq: number,
      rangeDeg: number,
      sign: 1 | -1,
      afterMoved: boolean,
    ): LegVerdict {
      const bandDeg = holdBandDeg(rangeDeg);
      // `sign` -1: an up-first rep, whose first end is toes up (its mirror image is down-first).
      const a = (seq: number) => sign * angles.a(seq);
      let setOff = firstSeq;
      const level = Math.min(a(startSeq), 0) - bandDeg;
      while (setOff > startSeq && a(setOff) < level) setOff--;
      setOff = Math.max(setOff, leftAt(angles, startSeq, secondSeq, bandDeg));
      let from = setOff;
      const leadMs = afterMoved ? LEG_LEAD_AFTER_MOVED_MS : LEG_LEAD_MS;
      while (from > startSeq && angles.t(from) > angles.t(setOff) - leadMs) from--;
      const left = leftAt(angles, secondSeq, nowSeq, bandDeg);
      let unseen = 0;
      for (let q = from; q <= left; q++) if (legs[(q & mask) * LEG_READING + LEG_SEEN] === 0) unseen++;
      if (unseen > LEG_UNSEEN_SHARE * (left - from + 1)) return 'unseen';
      return history.movedOver(
        from,
        windowEnd(angles, a, setOff, secondSeq, left),
        (seq) => angles.t(seq),
        (seq) => angles.has(seq),
      )
        ? 'moved'
        : 'still';
    },
  };
  return history;
}
