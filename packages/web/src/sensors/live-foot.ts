// The live camera's foot, frame by frame: which leg is the exercised one, whether the pose
// package's pixel tracker follows it, and which angle the session may use. Reps and their degrees
// come from the tracked angle (the foot's own pixels). When the tracker loses the foot the gauge
// falls back to the pose model's corrected angle and the source says so; a pump done while the foot
// was lost is still counted from the pose model's angle (its counts held up where its degrees did
// not: bench/results/analyze.md, BlazePose baseline), but with its degrees withheld (null), since
// those are the pose model's rough ones. The engine reads the tracked angle with the pose model's
// own knee (withPoseModelKnee): whether the leg moved is judged from where the pose model sees the
// leg, not from a knee the tracker placed. Pure: the camera source wires it to the worker's frames.
import type { SensorRep, Side } from '@anklepump/exercise';
import {
  type AngleCorrection,
  createLandmarkAnalyzer,
  createLegReading,
  type LandmarkFrame,
  type MotionCalibration,
  type MotionStream,
  type RepMetrics,
  readLeg,
} from '@anklepump/motion';
import {
  createLegChooser,
  type LegTrackState,
  NEAR_LEG,
  nearSide,
  swapLegs,
  withPoseModelKnee,
} from '@anklepump/pose';
import type { FootFollow, SourceWarning } from '../session/rep-source.ts';
import { LIVE_REST_ENDS_REP_S, toSensorRep } from './motion-adapter.ts';
import { createTrackAgreement } from './track-agreement.ts';

/** One analysed camera frame as the worker returns it. */
export interface LiveFrame {
  /** BlazePose's landmarks as the model gave them. */
  readonly frame: LandmarkFrame;
  /** The same frame with each tracked foot's angle measured from its pixels. */
  readonly tracked: LandmarkFrame;
  readonly tracking: Readonly<Record<Side, LegTrackState>>;
  /**
   * How well each foot's patch matched (NCC, 0..1); absent where it is not known (a recorded
   * frame without it), when no track counts as firmly matched (see track-agreement.ts).
   */
  readonly match?: Readonly<Record<Side, number>>;
}

export interface LiveFootUpdate {
  /**
   * Reps counted on this frame: from the tracked angle, or from the pose model's angle (degrees
   * null) for a pump done while the tracker had lost the foot.
   */
  readonly reps: readonly SensorRep[];
  /**
   * Of `reps`, those counted from the tracked angle, as the engine measured them (peak times
   * included): a phone check pairs them with the phone's by when their peaks were.
   */
  readonly measured: readonly RepMetrics[];
  /** Reps the tracked angle saw but did not count because the foot was lost during them. */
  readonly dropped: number;
  /** Of `reps`, how many were counted from the pose model's angle, their degrees withheld. */
  readonly rough: number;
  readonly warnings: readonly SourceWarning[];
  /** The angle to show, degrees from neutral, or null. */
  readonly angleDeg: number | null;
  /** Where that angle comes from, after the debounce described at LIVE_FOOT_LIMITS. */
  readonly follow: FootFollow;
}

export interface LiveFoot {
  push(f: LiveFrame): LiveFootUpdate;
  /** The tracked angle only (null unless tracked), for calibration. */
  trackedAngleDeg(): number | null;
  /** Neutral learned from the tracked angle (null until the foot settled). */
  neutralDeg(): number | null;
}

export const LIVE_FOOT_LIMITS = {
  /** The tracker must lose the foot this long before the screen says it fell back (ms). */
  lostAfterMs: 500,
  /** Tracked frames in a row before counting is said to be back. */
  backAfterFrames: 3,
  /**
   * A rep is not counted when the foot was not tracked for more than this share of it. The engine
   * itself sees only tracked angles and breaks a rep at a gap over maxGapS; this refuses a rep that
   * was mostly bridged over short losses (the tracker often loses a turned foot during a hold).
   */
  maxLostShareInRep: 0.5,
  /**
   * A pump the pose model's angle saw counts (degrees withheld) when the tracker lost the foot for
   * more than this share of it and no tracked rep was counted over the same time.
   */
  minLostShareForRough: 0.25,
  /**
   * How long a rep from the pose model's angle waits for a tracked rep over the same time (ms): the
   * two analyzers smooth differently, so the same pump can end a few hundred ms apart.
   */
  roughSettleMs: 1_500,
  /** Two reps are the same pump when their spans overlap by this share of the shorter one. */
  samePumpOverlap: 0.5,
  /**
   * Frames remembered for that judgement (ms): as far back as the motion engine's first look-back
   * reaches (its FIRST_LOOK_BACK_S, look-back.ts), so a pump it goes back for once the bars come
   * down is judged on frames still remembered, not dropped as unseen.
   */
  historyMs: 20_000,
  /**
   * Which side of the body the camera films is read from the pose model's last frames over this
   * long (ms; `nearSide`: where the feet point in the picture), every `sideCheckEveryFrames` frames;
   * two readings in a row of the other side than the exercised foot's tell the patient.
   */
  sideCheckMs: 3_000,
  sideCheckEveryFrames: 15,
  /** The pose model's visibility gate for the leg's four points (the near-leg chooser's). */
  minVisibility: NEAR_LEG.minVisibility,
} as const;

/** Debounces the tracker's frame-by-frame state into what the screen says (see LIVE_FOOT_LIMITS). */
export function createFollowGate() {
  let follow: FootFollow = 'unseen';
  let lostSinceMs: number | null = null;
  let trackedRun = 0;
  return (tMs: number, state: LegTrackState): FootFollow => {
    if (state === 'tracking') {
      lostSinceMs = null;
      trackedRun++;
      if (follow !== 'tracked' && (follow === 'unseen' || trackedRun >= LIVE_FOOT_LIMITS.backAfterFrames)) {
        follow = 'tracked';
      }
      return follow;
    }
    trackedRun = 0;
    lostSinceMs ??= tMs;
    const now: FootFollow = state === 'lost' ? 'fallback' : 'unseen';
    if (follow !== 'tracked' || tMs - lostSinceMs >= LIVE_FOOT_LIMITS.lostAfterMs) follow = now;
    return follow;
  };
}

/** Remembers which recent frames were tracked, to judge whether a rep was seen whole. */
export function createTrackHistory() {
  const times: number[] = [];
  const tracked: boolean[] = [];
  return {
    add(tMs: number, ok: boolean): void {
      times.push(tMs);
      tracked.push(ok);
      while (times.length > 0 && times[0]! < tMs - LIVE_FOOT_LIMITS.historyMs) {
        times.shift();
        tracked.shift();
      }
    },
    /** Share of the frames from `fromMs` to `toMs` (inclusive) in which the foot was not tracked. */
    lostShare(fromMs: number, toMs: number): number {
      let n = 0;
      let lost = 0;
      for (let i = 0; i < times.length; i++) {
        if (times[i]! < fromMs || times[i]! > toMs) continue;
        n++;
        if (!tracked[i]) lost++;
      }
      // A rep older than what is remembered was not seen whole.
      return n === 0 ? 1 : lost / n;
    },
  };
}

const WARNINGS: Partial<Record<string, SourceWarning>> = {
  'leg-moved': 'leg-moved',
  'foot-not-visible': 'foot-lost',
  'no-person': 'foot-lost',
  'too-shallow': 'shallow',
  noisy: 'noisy',
  'moved-before-rest': 'moved-before-rest',
  'view-changed': 'view-changed',
};

export interface LiveFootOptions {
  readonly side: Side;
  /** The pose model's correction, for the fallback angle only. */
  readonly poseCorrection: AngleCorrection;
  /** Longest pause between analysed frames that does not break a rep, seconds (default: the engine's, 1.5). */
  readonly maxGapS?: number;
  /** The patient's saved range, for both analyzers; its correction is replaced by each one's. */
  readonly calibration?: MotionCalibration;
  /** Tracked degrees times this: the view's gain from a phone check (default 1, none). */
  readonly trackedGain?: number;
}

/** The live foot for one `side`: see the file comment. */
export function createLiveFoot(o: LiveFootOptions): LiveFoot {
  const analyzer = (
    correction: AngleCorrection,
    angleFrom: 'points' | 'tracker',
  ): MotionStream<LandmarkFrame> =>
    createLandmarkAnalyzer({
      angleFrom,
      sides: [o.side],
      // The leg is chosen here (createLegChooser) and placed under the side's own labels.
      legChoice: 'labels',
      useWorld: 'never',
      minVisibility: LIVE_FOOT_LIMITS.minVisibility,
      correction,
      restEndsRepS: LIVE_REST_ENDS_REP_S,
      ...(o.maxGapS !== undefined ? { maxGapS: o.maxGapS } : {}),
      ...(o.calibration ? { calibration: { ...o.calibration, correction } } : {}),
    });
  // The tracker's angle needs no correction factor: it is the foot's own rotation in the image. A
  // phone check of this view scales it to what the phone on the foot measured.
  const measured = analyzer({ gain: o.trackedGain ?? 1, offsetDeg: 0 }, 'tracker');
  const roughAnalyzer = analyzer(o.poseCorrection, 'points');
  const choose = createLegChooser(o.side);
  const trackAgreement = createTrackAgreement();
  /** The same track against the pose model's other leg: see `agreement` below. */
  const otherAgreement = createTrackAgreement();
  const otherSide: Side = o.side === 'left' ? 'right' : 'left';
  const poseReading = createLegReading();
  const otherReading = createLegReading();
  const trackReading = createLegReading();
  const gate = createFollowGate();
  const history = createTrackHistory();
  /** Spans of the tracked reps counted lately, so a rough rep of the same pump is not counted twice. */
  const countedSpans: { startTMs: number; tMs: number }[] = [];
  /** Reps from the pose model's angle waiting for roughSettleMs. */
  let pendingRough: RepMetrics[] = [];
  let trackedAngle: number | null = null;
  const sideWatch = createSideWatch(o.side);
  return {
    push(f) {
      const leg = choose(f.frame);
      const swap = leg !== o.side;
      const pose = swap ? swapLegs(f.frame) : f.frame;
      const tracked = swap ? swapLegs(f.tracked) : f.tracked;
      const tMs = f.frame.tMs;
      // A track that turns against the pose model's own angle is not the foot: it counts as lost
      // (its reps are refused, the pose model's count them without degrees, the screen falls back).
      const posed = readLeg(pose, o.side, LIVE_FOOT_LIMITS.minVisibility, false, poseReading);
      const seen = f.tracking[leg] === 'tracking' ? readLeg(tracked, o.side, 0, false, trackReading) : null;
      const trackDeg = seen?.ok ? seen.rawDeg : Number.NaN;
      const match = seen?.ok ? (f.match?.[leg] ?? 0) : 0;
      const own = trackAgreement.push(tMs, posed.ok ? posed.rawDeg : Number.NaN, trackDeg, match);
      // In a side view the pose model often puts the moving foot's points under the other leg's
      // label (this one on the still foot behind): a track that agrees with that leg follows the
      // foot (the pose package's trackAgreement, with hindsight). Only this leg can reject it: the
      // other one may be the still foot.
      const other = readLeg(pose, otherSide, LIVE_FOOT_LIMITS.minVisibility, false, otherReading);
      const agreement =
        otherAgreement.push(tMs, other.ok ? other.rawDeg : Number.NaN, trackDeg, match) === 'agrees'
          ? 'agrees'
          : own;
      const state: LegTrackState =
        f.tracking[leg] === 'tracking' && agreement === 'disagrees' ? 'lost' : f.tracking[leg];
      history.add(tMs, state === 'tracking');
      const follow = gate(tMs, state);
      const reps: SensorRep[] = [];
      const measuredReps: RepMetrics[] = [];
      const warnings: SourceWarning[] = [];
      let dropped = 0;
      let rough = 0;
      if (sideWatch(f.frame)) warnings.push('wrong-side');
      for (const e of measured.push(withPoseModelKnee(tracked, pose, o.side))) {
        if (e.type === 'rep') {
          if (wasFollowed(e.rep)) {
            reps.push(toSensorRep(e.rep));
            measuredReps.push(e.rep);
            countedSpans.push({ startTMs: e.rep.startTMs, tMs: e.rep.tMs });
            pendingRough = pendingRough.filter((r) => !samePump(r, e.rep));
          } else dropped++;
        } else if (e.type === 'warning') {
          // A foot the tracker lost is gated out of the tracked frame; while the pose model still
          // sees the leg that is the fallback said below, not "out of view".
          if (e.code === 'foot-not-visible' && state === 'lost') continue;
          const w = WARNINGS[e.code];
          if (w) warnings.push(w);
        }
      }
      // The rough angle follows the same leg, so the gauge does not jump to the other foot.
      for (const e of roughAnalyzer.push(pose)) {
        if (e.type !== 'rep') continue;
        const lostShare = history.lostShare(e.rep.startTMs, e.rep.tMs);
        if (
          lostShare > LIVE_FOOT_LIMITS.minLostShareForRough &&
          !countedSpans.some((c) => samePump(e.rep, c))
        ) {
          pendingRough.push(e.rep);
        }
      }
      // Waiting reps are in the order they ended, so the due ones are at the front.
      while (pendingRough.length > 0 && tMs - pendingRough[0]!.tMs >= LIVE_FOOT_LIMITS.roughSettleMs) {
        reps.push(withoutDegrees(toSensorRep(pendingRough.shift()!)));
        rough++;
      }
      while (countedSpans.length > 0 && countedSpans[0]!.tMs < tMs - LIVE_FOOT_LIMITS.historyMs)
        countedSpans.shift();
      trackedAngle = state === 'tracking' ? measured.angleDeg(o.side) : null;
      const angleDeg =
        follow === 'tracked'
          ? measured.angleDeg(o.side)
          : follow === 'fallback'
            ? roughAnalyzer.angleDeg(o.side)
            : null;
      return { reps, measured: measuredReps, dropped, rough, warnings, angleDeg, follow };
    },
    trackedAngleDeg: () => trackedAngle,
    neutralDeg: () => measured.calibration()[o.side]?.neutralDeg ?? null,
  };

  function samePump(a: { startTMs: number; tMs: number }, b: { startTMs: number; tMs: number }): boolean {
    const overlap = Math.min(a.tMs, b.tMs) - Math.max(a.startTMs, b.startTMs);
    const shorter = Math.min(a.tMs - a.startTMs, b.tMs - b.startTMs);
    return overlap > LIVE_FOOT_LIMITS.samePumpOverlap * Math.max(shorter, 1);
  }

  function wasFollowed(rep: RepMetrics): boolean {
    return history.lostShare(rep.startTMs, rep.tMs) <= LIVE_FOOT_LIMITS.maxLostShareInRep;
  }
}

/**
 * Reads which side of the body the camera films (`nearSide` over the last LIVE_FOOT_LIMITS
 * .sideCheckMs of the pose model's frames), every LIVE_FOOT_LIMITS.sideCheckEveryFrames frames:
 * the side, null when the frames cannot tell, undefined on the frames in between.
 */
export function createSideReader(): (frame: LandmarkFrame) => Side | null | undefined {
  const recent: LandmarkFrame[] = [];
  let frames = 0;
  return (frame) => {
    recent.push(frame);
    while (recent.length > 0 && recent[0]!.tMs < frame.tMs - LIVE_FOOT_LIMITS.sideCheckMs) recent.shift();
    if (++frames % LIVE_FOOT_LIMITS.sideCheckEveryFrames !== 0) return undefined;
    return nearSide(recent);
  };
}

/**
 * True on the frame where the patient should be told that the camera films the other side of the
 * body than the exercised foot `side` (two readings of `createSideReader` in a row), which the
 * camera then cannot see whole. Told once, and again only after the camera was on the right side
 * in between.
 */
export function createSideWatch(side: Side): (frame: LandmarkFrame) => boolean {
  const read = createSideReader();
  let wrongReadings = 0;
  let told = false;
  return (frame) => {
    const near = read(frame);
    if (!near) return false;
    if (near === side) {
      wrongReadings = 0;
      told = false;
      return false;
    }
    wrongReadings++;
    if (told || wrongReadings < 2) return false;
    told = true;
    return true;
  };
}

/** A rep counted from the pose model's rough angle: counted, its degrees withheld. */
function withoutDegrees(r: SensorRep): SensorRep {
  return { ...r, rangeDeg: null, peakPlantarDeg: null, peakDorsiDeg: null };
}
