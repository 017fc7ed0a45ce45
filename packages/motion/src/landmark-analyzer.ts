// Ankle analysis from BlazePose landmark frames: per-foot angle with visibility gating, the
// leg-choice fix for mislabelled legs, angle correction, leg-movement tracking, then the rep engine.

import { createAnkleTracker } from './ankle-tracker.ts';
import {
  type AngleCorrection,
  IDENTITY_CORRECTION,
  type MotionCalibration,
  sideCalibration,
} from './calibration.ts';
import { FootFit } from './foot-fit.ts';
import { createLegReading, type LegReading, readLeg } from './landmark-angle.ts';
import { BLAZEPOSE, type LandmarkFrame, type Side } from './landmark-frame.ts';
import { LegPosition } from './leg-position.ts';
import type { MotionEvent } from './motion-events.ts';
import { type AnalysisResult, createTimeGuard, done, type MotionStream, runBatch } from './motion-stream.ts';
import { checkOneOf, checkRange } from './option-checks.ts';
import { resolveTracker, type SourceOptions } from './source-options.ts';
import type { AnkleTracker, TrackerInput } from './tracker-contract.ts';
import { createViewWatch, type ViewWatch } from './view-watch.ts';

export interface LandmarkAnalyzerOptions extends SourceOptions {
  /** Feet to analyse (default both). */
  readonly sides?: readonly Side[];
  /**
   * 'labels' trusts BlazePose's left/right; 'longer-shank' analyses the one foot in `sides` from
   * whichever leg shows the longer 2D shank (BlazePose can mislabel the visible leg in a side view).
   */
  readonly legChoice?: 'labels' | 'longer-shank';
  /**
   * Knee, ankle, heel and foot index below this visibility gate the foot out (0..1, default 0.5),
   * unless it is plainly the foot just seen (read as uncertain, down to visibility 0.05).
   */
  readonly minVisibility?: number;
  /** 'auto' uses world coordinates when a frame has them; 'never' uses image coordinates. */
  readonly useWorld?: 'auto' | 'never';
  /**
   * The leg-moved unit, a share of the shank length (0.02..2, default 0.15): knee or ankle held 0.45
   * of it (and 8 x their jitter) away from where they were against the hip for 200 ms flags a rep
   * (leg-history.ts).
   */
  readonly legMoveFraction?: number;
  /**
   * Where the angle in the frames comes from. 'points' (default): the knee, ankle, heel and foot
   * index as the pose model (or any tool) placed them; the angle is fitted from all four (the foot
   * rigid, the knee and ankle still: foot-fit.ts), the foot's and shank's lengths jitter with the
   * points' noise, and the engine reads the noise from them too (rigid-noise.ts).
   * 'tracker': a pixel tracker turned the knee and toe points to its own angle and kept the pose
   * model's lengths (the pose package's refine-frames.ts), which say nothing of that angle's noise.
   */
  readonly angleFrom?: 'points' | 'tracker';
  /**
   * How the foot's angle is read from the points (with `angleFrom: 'points'`). 'fitted' (default
   * since stop 75): the rotation that lays the foot's learned shape over its ankle, heel and toe,
   * about a pivot learned from the swings, against the low-passed shank (foot-fit.ts): 16-28% less
   * scatter, more held-out camera sets counted exactly and fewer reps miscounted (the package
   * README, stops 74-75). 'heel-toe': the heel-toe line against the knee-ankle line, frame by frame
   * (the default until stop 75).
   */
  readonly footAngle?: 'fitted' | 'heel-toe';
}

interface SideState {
  readonly side: Side;
  readonly tracker: AnkleTracker;
  readonly reading: LegReading;
  readonly other: LegReading;
  /** Where the leg is against the hip and the resting pelvis, and the knee's bend (leg-position.ts). */
  readonly legPos: LegPosition;
  visible: boolean;
  useOther: boolean;
  scalePx: number;
  scaleN: number;
  readonly view: ViewWatch;
  /** The leg read again at any visibility, when the detector says the foot is barely visible. */
  readonly low: LegReading;
  /** When the foot was last seen at `minVisibility` or more (ms; NaN: not yet). */
  seenTMs: number;
  /** The shank's length in pixels and ln(foot / shank) then, smoothed over the last few frames. */
  seenShankPx: number;
  seenLnRatio: number;
  /** The foot's angle fitted from all its points (foot-fit.ts); started again when the leg read changes. */
  readonly fit: FootFit;
  /** Which leg the fit has followed: the own one (false) or the other (`useOther`). */
  fitOther: boolean;
}

const SCALE_FRAMES = 10;
/**
 * A foot the detector calls barely visible is read all the same, as uncertain (its confidence is
 * its visibility), while it is plainly the foot just seen: within this long of a frame at
 * `minVisibility` (ms; as long as a gap the rep engine bridges), with no frame between in which
 * the detector lost the person...
 */
const LOW_VISIBILITY_MAX_MS = 1500;
/**
 * ...at a visibility of at least this (below it the detector says the points are out of view, and
 * a leg it draws there is its guess)...
 */
const LOW_VISIBILITY_FLOOR = 0.05;
/** ...with the shank as long as then and the foot as long against it, within these shares. */
const LOW_VISIBILITY_SHANK_SHARE = 0.25;
const LOW_VISIBILITY_RATIO_SHARE = 0.25;
/** How quickly the seen shank and foot lengths follow the confident frames (share per frame). */
const SEEN_ALPHA = 0.2;
/**
 * Leg moved: knee or ankle moved against the hip by this share of the shank (0.15 x 42 cm = 6 cm):
 * the stress set's slides are 3-10 cm and its knee bends lift the knee 4-12 cm.
 */
const LEG_MOVE_FRACTION = 0.15;
/** Creates a landmark analyzer; throws RangeError on a bad option. */
export function createLandmarkAnalyzer(options: LandmarkAnalyzerOptions = {}): MotionStream<LandmarkFrame> {
  const tracker = resolveTracker(options);
  const sides = options.sides ?? (['left', 'right'] as const);
  if (sides.length === 0 || sides.length > 2)
    throw new RangeError('sides must list one or two of left, right');
  for (const s of sides) checkOneOf('sides', s, ['left', 'right']);
  const legChoice = checkOneOf('legChoice', options.legChoice ?? 'labels', ['labels', 'longer-shank']);
  if (legChoice === 'longer-shank' && sides.length !== 1) {
    throw new RangeError('legChoice longer-shank needs exactly one foot in sides');
  }
  const minVisibility = checkRange('minVisibility', options.minVisibility ?? 0.5, 0, 1);
  const useWorld = checkOneOf('useWorld', options.useWorld ?? 'auto', ['auto', 'never']) === 'auto';
  const lengthsShowNoise =
    checkOneOf('angleFrom', options.angleFrom ?? 'points', ['points', 'tracker']) === 'points';
  // A pixel tracker's angle is its own (the points were turned to it): no fit over them.
  const fitPoints =
    checkOneOf('footAngle', options.footAngle ?? 'fitted', ['fitted', 'heel-toe']) === 'fitted' &&
    lengthsShowNoise;
  const legMoveFraction = checkRange(
    'legMoveFraction',
    options.legMoveFraction ?? LEG_MOVE_FRACTION,
    0.02,
    2,
  );
  const correction: AngleCorrection =
    options.correction ?? options.calibration?.correction ?? IDENTITY_CORRECTION;
  checkRange('correction.gain', correction.gain, 0.2, 5);
  checkRange('correction.offsetDeg', correction.offsetDeg, -90, 90);

  const states: SideState[] = sides.map((side) => {
    const cal = options.calibration?.[side] ?? null;
    return {
      side,
      tracker: createAnkleTracker({
        side,
        options: tracker,
        neutralDeg: cal?.neutralDeg ?? null,
        rangeDeg: cal?.rangeDeg ?? null,
        // A restless person's first pumps count; getting into position (the leg moves) does not.
        replayRestless: true,
        // Frames under minVisibility are read only when plainly the foot just seen, as doubted.
        doubtedBelow: minVisibility,
      }),
      reading: createLegReading(),
      other: createLegReading(),
      legPos: new LegPosition(),
      visible: true,
      useOther: false,
      scalePx: 0,
      scaleN: 0,
      view: createViewWatch(side),
      low: createLegReading(),
      seenTMs: Number.NaN,
      seenShankPx: Number.NaN,
      seenLnRatio: Number.NaN,
      fit: new FootFit(),
      fitOther: false,
    };
  });
  const guard = createTimeGuard();
  const scratch: MotionEvent[] = [];
  const input: TrackerInput = {
    tMs: 0,
    angleDeg: 0,
    confidence: 0,
    leg0: 0,
    leg1: 0,
    leg2: 0,
    leg3: 0,
    leg4: Number.NaN,
    hipOffX: 0,
    hipOffY: 0,
    legSeen: true,
    footLen: Number.NaN,
    shankLen: Number.NaN,
  };
  let personSeen = true;

  function choose(st: SideState, frame: LandmarkFrame): LegReading {
    const own = readLeg(frame, st.side, minVisibility, useWorld, st.reading);
    if (legChoice === 'labels') return own;
    const other = readLeg(frame, st.side === 'left' ? 'right' : 'left', minVisibility, useWorld, st.other);
    // Switch legs only on a clear margin, so two similar shanks do not flip every frame.
    if (!own.ok) st.useOther = other.ok;
    else if (!other.ok) st.useOther = false;
    else if (st.useOther ? own.shankPx > 1.15 * other.shankPx : other.shankPx > 1.15 * own.shankPx) {
      st.useOther = !st.useOther;
    }
    return st.useOther ? other : own;
  }

  /**
   * The leg read at any visibility when the detector calls it barely visible (bursts of low
   * visibility with the foot still in view), or null: it must be plainly the foot seen within
   * LOW_VISIBILITY_MAX_MS, by the shank's length and the foot's against it.
   */
  function plainlyThere(st: SideState, frame: LandmarkFrame, t: number): LegReading | null {
    if (!(t - st.seenTMs <= LOW_VISIBILITY_MAX_MS)) return null;
    const side = st.useOther ? (st.side === 'left' ? 'right' : 'left') : st.side;
    const r = readLeg(frame, side, LOW_VISIBILITY_FLOOR, useWorld, st.low);
    if (!r.ok) return null;
    const shankOff = Math.abs(r.shankPx / st.seenShankPx - 1);
    const ratioOff = Math.abs(Math.log(r.footLen / r.shankLen) - st.seenLnRatio);
    return shankOff <= LOW_VISIBILITY_SHANK_SHARE && ratioOff <= LOW_VISIBILITY_RATIO_SHARE ? r : null;
  }

  function stepSide(st: SideState, frame: LandmarkFrame, out: MotionEvent[]): void {
    const t = frame.tMs;
    const seen = choose(st, frame);
    const r = !seen.ok && seen.reason === 'foot-not-visible' ? (plainlyThere(st, frame, t) ?? seen) : seen;
    if (seen.ok) {
      st.seenTMs = t;
      const ln = Math.log(seen.footLen / seen.shankLen);
      const first = Number.isNaN(st.seenShankPx);
      st.seenShankPx = first ? seen.shankPx : st.seenShankPx + SEEN_ALPHA * (seen.shankPx - st.seenShankPx);
      st.seenLnRatio = first ? ln : st.seenLnRatio + SEEN_ALPHA * (ln - st.seenLnRatio);
    }
    if (!r.ok) {
      st.tracker.gated(t);
      if (st.visible && personSeen) {
        st.visible = false;
        const why =
          r.reason === 'bad-sample' ? 'its landmarks are missing or not numbers' : 'it is not visible enough';
        out.push({
          type: 'warning',
          side: st.side,
          tMs: t,
          code: r.reason ?? 'foot-not-visible',
          message: `${st.side} foot skipped: ${why}`,
        });
      }
      return;
    }
    const doubted = r !== seen;
    if (st.fitOther !== st.useOther) {
      st.fitOther = st.useOther;
      st.fit.reset();
    }
    const rawDeg = fitPoints && !r.fromWorld ? st.fit.rawDeg(r, t, !doubted) : r.rawDeg;
    const corrected = correction.gain * rawDeg + correction.offsetDeg;
    const neutral = st.tracker.neutralDeg;
    if (neutral !== null && Math.abs(corrected - neutral) > tracker.maxAbsAngleDeg) {
      st.tracker.gated(t);
      out.push({
        type: 'warning',
        side: st.side,
        tMs: t,
        code: 'absurd-value',
        message: `${st.side} foot skipped: ${(corrected - neutral).toFixed(0)} deg from neutral is not a possible ankle angle`,
      });
      return;
    }
    st.visible = true;
    // Points the detector doubts may be a few pixels off: they give the angle (as uncertain), but
    // not the leg's place, the picture's scale or the lengths' jitter (tuning seeds, 32 a family:
    // leg moved precision 0.882 -> 0.870 with the leg read from them too).
    if (st.scaleN < SCALE_FRAMES && !doubted) {
      st.scalePx += (r.shankPx - st.scalePx) / ++st.scaleN;
    }
    input.tMs = t;
    input.angleDeg = corrected;
    input.confidence = r.visibility;
    if (lengthsShowNoise) {
      input.footLen = doubted ? Number.NaN : r.footLen;
      input.shankLen = doubted ? Number.NaN : r.shankLen;
    }
    // Against the hip when it is seen: the leg moving on the bed, not the person or camera shifting.
    const hip = frame.landmarks?.[st.side === 'left' ? BLAZEPOSE.leftHip : BLAZEPOSE.rightHip];
    const hipSeen = !!hip && Number.isFinite(hip[0] + hip[1]);
    st.legPos.read(
      input,
      t,
      r,
      hipSeen ? hip[0] * frame.widthPx : Number.NaN,
      hipSeen ? hip[1] * frame.heightPx : Number.NaN,
      legMoveFraction * st.scalePx,
      doubted,
    );
    if (!doubted) st.view.observe(t, r.kneeX, r.kneeY, r.ankleX, r.ankleY, out);
    st.tracker.step(input, out);
  }

  const stream: MotionStream<LandmarkFrame> = {
    push(frame) {
      const out = scratch;
      // Setting length is a runtime call (~40 ns) even when the array is already empty.
      if (out.length !== 0) out.length = 0;
      const warn = guard.check((frame as Partial<LandmarkFrame> | null)?.tMs);
      if (warn) {
        out.push(warn);
        return done(out);
      }
      if (!frame.landmarks) {
        for (const st of states) {
          st.tracker.gated(frame.tMs);
          // The detector lost the person: what it draws of a barely visible foot until the foot is
          // seen again is its guess (a foot out of view), not the foot.
          st.seenTMs = Number.NaN;
        }
        if (personSeen) {
          personSeen = false;
          out.push({
            type: 'warning',
            side: null,
            tMs: frame.tMs,
            code: 'no-person',
            message: 'no person found in the picture',
          });
        }
        return done(out);
      }
      personSeen = true;
      for (const st of states) stepSide(st, frame, out);
      return done(out);
    },
    end() {
      const out: MotionEvent[] = [];
      for (const st of states) st.tracker.finish(out);
      return out;
    },
    reset() {
      guard.reset();
      personSeen = true;
      for (const st of states) {
        st.tracker.reset();
        st.visible = true;
        st.useOther = false;
        st.scalePx = 0;
        st.scaleN = 0;
        st.legPos.reset();
        st.view.reset();
        st.seenTMs = Number.NaN;
        st.seenShankPx = Number.NaN;
        st.seenLnRatio = Number.NaN;
      }
    },
    calibration(): MotionCalibration {
      const side = (s: Side) => {
        const st = states.find((x) => x.side === s);
        return st ? sideCalibration(st.tracker) : null;
      };
      return { version: 1, source: 'landmarks', correction, left: side('left'), right: side('right') };
    },
    angleDeg(side) {
      const st = states.find((x) => x.side === side);
      return st ? st.tracker.angleDeg : null;
    },
    takeSteppedAngles(side) {
      const st = states.find((x) => x.side === side);
      return st ? st.tracker.takeSteppedAngles() : [];
    },
  };
  return stream;
}

/** Analyses a whole landmark recording; returns exactly what streaming the frames would. */
export function analyzeLandmarkRecording(
  frames: Iterable<LandmarkFrame>,
  options: LandmarkAnalyzerOptions & { readonly includeSeries?: boolean } = {},
): AnalysisResult {
  return runBatch(createLandmarkAnalyzer(options), frames, options.includeSeries ?? false);
}
