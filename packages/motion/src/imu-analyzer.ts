// Ankle analysis from a phone or IMU resting on the foot (any mounting), optionally with a second
// sensor on the shin: orientation by complementary filter, angle about the pumping axis, rep engine.

import { createAngleLog } from './angle-log.ts';
import { createAngleUnwrap } from './angle-unwrap.ts';
import { createAnkleTracker } from './ankle-tracker.ts';
import { legPlacing, type TranslationSample } from './ankle-translation.ts';
import {
  type AngleCorrection,
  IDENTITY_CORRECTION,
  type MotionCalibration,
  sideCalibration,
} from './calibration.ts';
import { createGyroDeclip } from './gyro-declip.ts';
import { gyroMainAxis, restPlace } from './gyro-main-axis.ts';
import { createSaturationWatch } from './gyro-saturation.ts';
import { createImuAngle } from './imu-angle.ts';
import { StillSpell, TiltTrust } from './imu-rest.ts';
import { type ImuSample, imuReadingProblem } from './imu-sample.ts';
import type { Side } from './landmark-frame.ts';
import type { MotionEvent } from './motion-events.ts';
import { type AnalysisResult, createTimeGuard, done, type MotionStream, runBatch } from './motion-stream.ts';
import { checkOneOf, checkRange } from './option-checks.ts';
import { createOrientationFilter, KP_STILL, nearOneG } from './orientation-filter.ts';
import { type Quat, quat, turnBetweenDeg, upInSensor } from './quaternion.ts';
import { movedBeforeRestMessage, SETTLE_MAX_S } from './settling.ts';
import { createShankPitch } from './shank-pitch.ts';
import { resolveTracker, type SourceOptions } from './source-options.ts';
import { createSwingTeacher } from './swing-axis.ts';
import { createToesDownVote } from './toes-down-vote.ts';
import type { TrackerInput } from './tracker-contract.ts';

export interface ImuAnalyzerOptions extends SourceOptions {
  /** The foot the sensor rests on (default left). */
  readonly side?: Side;
  /** 'foot': one sensor; 'foot+shank': the angle relative to the shin sensor (samples carry `shank`). */
  readonly sensors?: 'foot' | 'foot+shank';
  /** Use the samples' own orientation quaternions when present (default true). */
  readonly useQuaternion?: boolean;
  /** Gravity correction gain of the orientation filter, 1/s (0.05..10, default 0.5). */
  readonly gravityGain?: number;
  /** Gyro-bias learning gain, 1/s^2 (0..1, default 0.05). */
  readonly biasGain?: number;
  /**
   * The leg-moved unit, degrees (2..60, default 10): the shin sensor held 0.45 of it (and 8 x its
   * jitter) away for 200 ms flags a rep.
   */
  readonly legMoveDeg?: number;
  /** The foot must be this still (rad/s) to take neutral (0.01..2, default 0.2). */
  readonly stillRadS?: number;
}

/**
 * A wearer who never holds still this long (s) gets the orientation of the moment as reference, and
 * every sample before it is measured from there and counted (a log started with the pumps loses
 * none). It was 1 s, without the replay: a log started mid-pumping lost its first two or three
 * reps. Long enough for a rest after getting into position (about 3 s of moving the foot into place
 * on the stress generator) to be found and used instead: with 3 s that movement was counted as
 * reps. Chosen on the stress set's tuning seeds (IMU families, 16 sets each: 51 of 96 exact at 1 s
 * without the replay; with it 55 at 3 s, 66 at 4 s, 65 at 5 s, 67 at 6 s); 5 s sits inside that
 * plateau rather than at its edge, since a real person may take longer to settle the foot.
 */
const RESTLESS_S = 5;
/**
 * With a shin sensor the wait stays 1 s and nothing is replayed: the shin's own reference and leg
 * tilt are not kept from before it (and the stress set, which tuned RESTLESS_S, has no shin sensor).
 */
const PAIR_RESTLESS_S = 1;
/**
 * A gravity-free phone's gyro bias is the gyro's mean over a still spell this long, s (a hold, a
 * rest: turning under `stillRadS` throughout); with no gravity the filter never learns it, and it
 * was never taken off. Stress set tuning seeds (IMU, 64 a family), exact / reps counted wrong:
 * without 408 / 67 (the gravity-free family 59 of 64); 1 s 411 / 61; 1.5 s 411 / 61 (that family
 * 62); 2.5 s 409 / 62. Read at the first rest (0.6 s) as well: 409 / 64, a restless foot's slow
 * turn in it (0.05 rad/s, seed 32011) taken for bias; the reference itself waiting for 1.5 s of
 * rest: 409 / 63. Taking the reference again there while the pumping axis is unknown: 411 / 61,
 * range error p90 1.82 -> 1.79 deg.
 */
const GRAVITY_FREE_BIAS_S = 1.5;
/** Most samples kept from before that reference (5 s at about 400 Hz; a faster log keeps its last 2048). */
const EARLY_MAX = 2048;

/** Creates an IMU analyzer; throws RangeError on a bad option. */
export function createImuAnalyzer(options: ImuAnalyzerOptions = {}): MotionStream<ImuSample> {
  const tracker = resolveTracker(options);
  const side = checkOneOf('side', options.side ?? 'left', ['left', 'right']);
  const pair = checkOneOf('sensors', options.sensors ?? 'foot', ['foot', 'foot+shank']) === 'foot+shank';
  const kp = checkRange('gravityGain', options.gravityGain ?? 0.5, 0.05, 10);
  const ki = checkRange('biasGain', options.biasGain ?? 0.05, 0, 1);
  const legMoveDeg = checkRange('legMoveDeg', options.legMoveDeg ?? 10, 2, 60);
  const stillRadS = checkRange('stillRadS', options.stillRadS ?? 0.2, 0.01, 2);
  const useQ = options.useQuaternion ?? true;
  const correction: AngleCorrection =
    options.correction ?? options.calibration?.correction ?? IDENTITY_CORRECTION;
  checkRange('correction.gain', correction.gain, 0.2, 5);
  checkRange('correction.offsetDeg', correction.offsetDeg, -90, 90);
  const cal = options.calibration?.[side] ?? null;
  const engine = createAnkleTracker({
    side,
    options: tracker,
    neutralDeg: cal?.neutralDeg ?? null,
    rangeDeg: cal?.rangeDeg ?? null,
    replayRestless: !pair,
    angle: 'sensor',
  });
  const kpStill = Math.max(kp, KP_STILL);
  const foot = createOrientationFilter(kp, ki, useQ, kpStill, stillRadS);
  const shank = createOrientationFilter(kp, ki, useQ, kpStill, stillRadS);
  const angle = createImuAngle();
  const shankPitch = createShankPitch();
  const guard = createTimeGuard();
  /** Gyro readings at the end of their range (foot and shin), for the reps they fall in. */
  const saturation = createSaturationWatch(side);
  /** The turn clipped gyro readings hid, put back before the orientation filters (foot, shin). */
  const footDeclip = createGyroDeclip();
  const shankDeclip = createGyroDeclip();
  const scratch: MotionEvent[] = [];
  const rel = quat();
  const up = new Float64Array(3);
  const shankUp0 = new Float64Array(3);
  const input: TrackerInput = {
    tMs: 0,
    angleDeg: 0,
    confidence: 1,
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
  const maxGapMs = tracker.maxGapS * 1000;
  let lastT = Number.NaN;
  /** The still spell under way before the reference (its means: the gyro's bias, gravity). */
  const spell = new StillSpell();
  let firstT = Number.NaN;
  let problemShown = false;
  /** How far the angle may rest on the orientation filter's tilt. */
  const tilts = new TiltTrust();
  /** Draws the foot's pumping axis toward each pump's own swing (foot sensor alone). */
  const swingTeacher = createSwingTeacher();
  /**
   * The samples before a restless wearer's reference (foot sensor only): a log started with the
   * pumps has its first pump there, so they are measured from the reference once it is taken.
   */
  const early: (TranslationSample & { readonly q: Quat })[] = [];
  const toesDown = createToesDownVote();
  /**
   * The angle with the provisional sign (the first movement taken as toes down), shown while the
   * vote still holds samples back: the gauge and the calibration's "point your toes down" step
   * follow the foot at once instead of showing nothing for up to 8 s.
   */
  let provisionalDeg: number | null = null;
  /** The provisional angles given, for a batch series (angle-log.ts: kept once asked for). */
  const shown = createAngleLog();
  /**
   * The orientations (and tilt weights) of the samples read before the pumping axis was known, and
   * the vote's index of the first (foot sensor alone). Before the axis, an angle is the rotation's
   * size, every way toes down: a person who starts toes up by less than the axis needs (4 deg: a
   * stiff ankle's lift) showed a dip, and their first rep was read toes down first and every rep
   * after it paired with the next one's toes-up end. Once the axis is known they are read again.
   */
  const preAxis: { readonly q: Quat; readonly tilt: number }[] = [];
  let preAxisFrom = 0;
  /** Keeps the sample just read (`rel`) while the axis is unknown; once it is, reads those again. */
  function rereadPreAxis(axisWasKnown: boolean, tilt: number): void {
    if (axisWasKnown || toesDown.sign !== 0) {
      preAxis.length = 0;
      return;
    }
    if (angle.axis === null) {
      if (preAxis.length === 0) preAxisFrom = toesDown.waiting;
      preAxis.push({ q: Float64Array.from(rel), tilt });
      return;
    }
    if (preAxis.length > 0)
      toesDown.revise(
        preAxisFrom,
        preAxis.map((p) => angle.angle(p.q, p.tilt)),
      );
    preAxis.length = 0;
  }
  let flushOut: MotionEvent[] = scratch;
  /** The angle fed on continuous past half a turn (a gravity-free phone's drift: angle-unwrap.ts). */
  const unwrap = createAngleUnwrap();
  /** The orientation now (`rel`) is the reference the angle is measured from. */
  function setReference(): void {
    angle.setNeutral(rel);
    preAxis.length = 0;
    unwrap.reset();
  }
  // One sample to the rep engine, once the vote has said which way is toes down.
  const feed = (tMs: number, deg: number, leg: number) => {
    const d = unwrap.next(deg);
    input.tMs = tMs;
    input.angleDeg = correction.gain * d + correction.offsetDeg;
    input.confidence = 1;
    input.leg0 = leg;
    engine.step(input, flushOut);
  };

  function skip(t: number, code: 'bad-sample' | 'absurd-value', what: string, out: MotionEvent[]): void {
    engine.gated(t);
    if (!problemShown) {
      problemShown = true;
      out.push({ type: 'warning', side, tMs: t, code, message: `sample skipped: ${what}` });
    }
  }

  /**
   * The samples before a restless wearer's reference, measured from it and fed on (the rep engine
   * settles on the movement's own middle), from after the leg was last placed. `seen`: the axis the
   * foot turned about meanwhile (`gyroMainAxis`).
   */
  function replayEarly(
    seen: ReturnType<typeof gyroMainAxis>,
    placing: ReturnType<typeof legPlacing> | null,
    out: MotionEvent[],
  ): void {
    toesDown.fromMiddle();
    flushOut = out;
    if (seen) angle.seedAxis(seen[0], seen[1], seen[2]);
    for (const e of early) {
      if (placing?.kind === 'placed' && e.t < placing.endT) continue;
      angle.refine(e.gx, e.gy, e.gz);
      toesDown.add(e.t, angle.angle(e.q, tilts.weight(e.t)), Number.NaN, feed);
    }
  }

  /**
   * A restless wearer's stretch of samples that ends (a long gap, or the log's end) before the wait
   * for a rest is over: its last orientation is the reference and the stretch is replayed, as at
   * RESTLESS_S, when it lasted as long as the rep engine needs to settle on a movement's middle
   * (SETTLE_MAX_S). It was dropped: a log whose radio dropouts cut it into 4-s stretches counted
   * nothing and said nothing (stress set seed 35050).
   */
  function endStretch(out: MotionEvent[]): void {
    const last = early[early.length - 1];
    if (pair || angle.hasNeutral || !last || last.t - early[0]!.t < SETTLE_MAX_S * 1000) return;
    rel.set(last.q);
    setReference();
    const seen = gyroMainAxis(early);
    replayEarly(seen, seen ? legPlacing(early, seen) : null, out);
    early.length = 0;
  }

  const stream: MotionStream<ImuSample> = {
    push(s) {
      const out = scratch;
      out.length = 0;
      const warn = guard.check((s as Partial<ImuSample> | null)?.tMs);
      if (warn) {
        out.push({ ...warn, side });
        return done(out);
      }
      const t = s.tMs;
      const p = imuReadingProblem(s);
      if (p) {
        skip(
          t,
          p,
          p === 'absurd-value'
            ? 'foot sensor reading beyond any sensor range'
            : 'foot sensor reading is not numbers',
          out,
        );
        return done(out);
      }
      const ps = pair ? imuReadingProblem(s.shank) : null;
      if (ps) {
        skip(t, ps, s.shank ? 'shin sensor reading unusable' : 'the shin sensor reading is missing', out);
        return done(out);
      }
      problemShown = false;
      saturation.add(s, pair);
      const first = Number.isNaN(lastT);
      const gap = first || t - lastT > maxGapMs;
      const dtS = gap ? 0 : (t - lastT) / 1000;
      lastT = t;
      if (gap) {
        if (!first) endStretch(out);
        // After a gap the integrated orientation is stale: start again from gravity. Samples kept
        // from before a reference are in the old frame: the wait for a rest starts again.
        foot.restart(!first);
        shank.restart(!first);
        early.length = 0;
        firstT = Number.NaN;
        tilts.restarted(t);
        // A still spell read for a gravity-free phone's bias does not span a gap.
        if (angle.hasNeutral) spell.reset();
      }
      const qf = foot.update(footDeclip.next(t, s), dtS);
      const oneG = nearOneG(s.ax, s.ay, s.az);
      tilts.sample(oneG);
      rel.set(qf);
      let qs = pair ? shank.update(shankDeclip.next(t, s.shank!), dtS) : null;
      const referenced = angle.hasNeutral;
      const still = Math.hypot(s.gx, s.gy, s.gz) < stillRadS;
      if (!referenced) {
        spell.add(t, s, still);
        if (Number.isNaN(firstT)) firstT = t;
        // A wearer who never holds still: after RESTLESS_S the orientation of the moment is the
        // reference, and the rep engine takes neutral from the movement's own middle and counts
        // the samples before it too.
        const restless = t - firstT >= (pair ? PAIR_RESTLESS_S : RESTLESS_S) * 1000;
        const rested = spell.lasted(t, tracker.settleS * 1000);
        if (!restless && !rested) {
          if (!pair) {
            if (early.length === EARLY_MAX) early.shift();
            early.push({
              t,
              q: Float64Array.from(rel),
              gx: s.gx,
              gy: s.gy,
              gz: s.gz,
              ax: s.ax,
              ay: s.ay,
              az: s.az,
            });
          }
          return done(saturation.flag(out));
        }
        // At rest the accelerometer sees gravity alone: the tilt is taken from it now and trusted
        // from here on, instead of the twist carrying the heading's drift until the filter would
        // have converged (a resting foot's angle slid 11 deg and back: a "rep"). With a shin sensor,
        // only when the shin rests too. (A reading's own quaternion, when trusted, is used as it is,
        // and its tilt, the platform's gravity-referenced one, is trusted from the rest as well.)
        const sh = pair ? s.shank! : null;
        const shinAtRest =
          !sh || (nearOneG(sh.ax, sh.ay, sh.az) && Math.hypot(sh.gx, sh.gy, sh.gz) < stillRadS);
        if (rested && oneG && shinAtRest) {
          foot.relevel();
          // The rest's own means: the gyro bias at once (gravity would teach it over tens of
          // seconds, meanwhile tilting the angle by bias / gravityGain: 2-4 deg, most of a small
          // pump), and gravity from all the rest's readings rather than one. Stress set tuning
          // seeds (IMU, 32 a family): reps counted wrong 101 -> 83, exact sets 147 -> 149 of 192.
          foot.restBias(spell.gyroMean(0), spell.gyroMean(1), spell.gyroMean(2));
          rel.set(foot.update(spell.gravityReading(s), 0));
          if (sh) {
            shank.relevel();
            qs = shank.update(sh, 0);
          }
          tilts.leveled(t);
        }
        setReference();
        // A rest was seen: the angle is measured from it, so it is neutral (0, corrected) for the
        // rep engine too. A restless wearer's reference is only the moment's: the engine settles,
        // and the samples before the reference are measured from it (the engine replays them).
        // A "rest" the foot turned into from one side only, by a pump's size, is taken the same way:
        // a wearer who pumps at once and holds the first toes-down is at one end of the movement,
        // not at neutral.
        // The axis the foot turned about before the reference (null: it hardly turned, or a shin
        // sensor, which keeps no samples from before it).
        const seen = gyroMainAxis(early);
        const place = rested && seen ? restPlace(early, seen, spell.sums) : 'still-before';
        // The foot's movements while the leg itself moved (getting into position: the leg slid
        // or was lifted) are not pumps; a replay starts after the last of them, as a camera's
        // restless settling starts again where the leg was last placed.
        const placing = seen ? legPlacing(early, seen) : null;
        // Movement both ways before the rest with the leg plainly still is not getting into position
        // but a wearer's first pumps: replayed as a one-ended rest's are.
        const pumpedFirst = place === 'inside' && placing?.kind === 'still';
        if (rested && place !== 'one-end' && !pumpedFirst) {
          engine.trustNeutral(correction.offsetDeg);
          // The movement before the rest is not counted (getting into position looks like it, and
          // is not a pump): say so, or a log that began with pumps is counted short without a word.
          if (place === 'inside') {
            out.push({
              type: 'warning',
              side,
              tMs: t,
              code: 'moved-before-rest',
              message: movedBeforeRestMessage((spell.sinceT - early[0]!.t) / 1000),
            });
          }
        } else replayEarly(seen, placing, out);
        early.length = 0;
        if (qs) {
          upInSensor(qs, shankUp0);
          shankPitch.setNeutral(qs);
        }
      }
      if (!pair) {
        // The still spell goes on after the reference. Where the accelerometer sees no gravity (a
        // gravity-free phone: the filter cannot learn the gyro's bias from the tilt), a still spell
        // of GRAVITY_FREE_BIAS_S gives the bias: its gyro mean, a fidget averaged out over it.
        if (referenced) spell.add(t, s, still);
        if (!oneG && spell.lasted(t, GRAVITY_FREE_BIAS_S * 1000)) {
          foot.restBias(spell.gyroMean(0), spell.gyroMean(1), spell.gyroMean(2));
          // Before the pumping axis is known, the orientation's drift until now is no turn of the
          // foot (it is still): measured from here, the first pump's turn seeds the axis, not the
          // drift (4 deg of it seeded the axis along the bias, and the first reps read 31-38 of 45).
          if (angle.axis === null) setReference();
        }
      }
      const shankStill = !pair || Math.hypot(s.shank!.gx, s.shank!.gy, s.shank!.gz) < stillRadS;
      if (shankStill) angle.refine(s.gx, s.gy, s.gz);
      // Each swing's own turn draws the pumping axis toward its axis (swing-axis.ts).
      if (!pair) swingTeacher.push(s.gx, s.gy, s.gz, dtS, angle);
      const tilt = tilts.weight(t);
      const axisWasKnown = angle.axis !== null;
      let deg = angle.angle(rel, tilt);
      const ax = angle.axis;
      if (qs && ax) {
        // Foot minus shin about the ankle axis: what the ankle did, whatever the whole leg did.
        shankPitch.learn(
          s.shank!.gx,
          s.shank!.gy,
          s.shank!.gz,
          s.gx * ax[0]! + s.gy * ax[1]! + s.gz * ax[2]!,
        );
        deg -= shankPitch.angle(qs, tilt);
      }
      let leg = Number.NaN;
      if (pair) {
        leg = turnBetweenDeg(upInSensor(shank.q, up), shankUp0) / legMoveDeg;
      }
      flushOut = out;
      if (!pair) rereadPreAxis(axisWasKnown, tilt);
      toesDown.add(t, deg, leg, feed);
      provisionalDeg = toesDown.sign === 0 ? correction.gain * deg + correction.offsetDeg : null;
      if (provisionalDeg !== null) shown.add(t, provisionalDeg);
      return done(saturation.flag(out));
    },
    end() {
      const out: MotionEvent[] = [];
      endStretch(out);
      flushOut = out;
      toesDown.decide(feed);
      engine.finish(out);
      return saturation.flag(out);
    },
    reset() {
      guard.reset();
      engine.reset();
      foot.restart();
      shank.restart();
      angle.reset();
      shankPitch.reset();
      toesDown.reset();
      preAxis.length = 0;
      unwrap.reset();
      saturation.reset();
      footDeclip.reset();
      shankDeclip.reset();
      early.length = 0;
      provisionalDeg = null;
      shown.clear();
      lastT = Number.NaN;
      spell.reset();
      firstT = Number.NaN;
      problemShown = false;
      tilts.reset();
    },
    calibration(): MotionCalibration {
      const mine = sideCalibration(engine);
      return {
        version: 1,
        source: pair ? 'imu-pair' : 'imu',
        correction,
        left: side === 'left' ? mine : null,
        right: side === 'right' ? mine : null,
      };
    },
    angleDeg(s) {
      if (s !== side) return null;
      return toesDown.sign === 0 ? provisionalDeg : engine.angleDeg;
    },
    takeSteppedAngles(s) {
      // The provisional angles shown while the vote held samples back, then the engine's, whose
      // word on those samples (fed once the vote is in) is the last.
      if (s !== side) return [];
      const provisional = shown.take();
      const fed = engine.takeSteppedAngles();
      return provisional.length === 0 ? fed : fed.length === 0 ? provisional : [...provisional, ...fed];
    },
  };
  return stream;
}

/** Analyses a whole IMU recording; returns exactly what streaming the samples would. */
export function analyzeImuRecording(
  samples: Iterable<ImuSample>,
  options: ImuAnalyzerOptions & { readonly includeSeries?: boolean } = {},
): AnalysisResult {
  return runBatch(createImuAnalyzer(options), samples, options.includeSeries ?? false);
}
