// The analysis report: the stable JSON shape of `anklepump analyze --json` (fields may be added,
// never renamed) built from the motion engine's batch result.
import {
  type AnalysisResult,
  type NeutralFrom,
  noisyMessage,
  type RepMetrics,
  type Side,
  type WarningEvent,
} from '@anklepump/motion';
import type { InputKind } from './input-kind.ts';

export interface ReportRep {
  /** Where the toes-down swing began: the rest, or the previous rep's toes-up peak, seconds. */
  readonly startS: number;
  /** When the rep was recognised as complete (after its toes-up peak), seconds. */
  readonly endS: number;
  /**
   * Peak plantarflexion as a positive magnitude below neutral, degrees. Null (this and the next
   * two) when the foot's degrees were not measured (`ReportFoot.degrees`); null (this and the
   * next, the range kept) when neutral was not seen (`ReportFoot.neutralFrom` 'movement').
   */
  readonly plantarflexionDeg: number | null;
  /** Peak dorsiflexion, signed (positive above neutral), degrees; null when not measured. */
  readonly dorsiflexionDeg: number | null;
  readonly rangeDeg: number | null;
  readonly plantarHoldS: number;
  readonly dorsiHoldS: number;
  readonly legMoved: boolean;
  /** 0..1, 1 = as smooth as a minimum-jerk movement. */
  readonly smoothness: number;
  /**
   * 'shallow', 'too-fast', 'leg-moved', 'short-plantar-hold', 'short-dorsi-hold',
   * 'degrees-read-low' (a motion sensor's gyro reached its limit during the rep: counted, its
   * degrees may fall short: the turn the clipped rate hid is put back only in part), and, added,
   * 'leg-not-seen' (video and landmarks: the pose model doubted the leg's points through most of
   * the rep, so whether the leg moved was not judged; `legMoved` is then false).
   */
  readonly flags: string[];
  /**
   * Added: true when the range reached the engine's full-rep share of the person's range; null when
   * the foot's degrees were not measured (full or shallow is then not judged).
   */
  readonly full: boolean | null;
  /** Added: the engine's confidence in this rep, 0..1. */
  readonly confidence: number;
  /** Added: times of the toes-down and toes-up peaks, seconds. */
  readonly plantarPeakS: number;
  readonly dorsiPeakS: number;
}

export interface ReportWarning {
  readonly atS: number;
  readonly code: string;
  readonly message: string;
}

export interface ReportFoot {
  readonly side: Side;
  /** Added: false when the foot was never visible (or never settled) long enough to measure. */
  readonly measured: boolean;
  readonly repCount: number;
  /**
   * Added: 'not-measured' when the reps are counted but their degrees are not known well enough
   * to show (a video whose foot the pixel stage could not follow): the reps' degrees and the
   * foot's series angles are null, and a 'degrees-not-measured' warning says why.
   */
  readonly degrees: 'measured' | 'not-measured';
  /**
   * Added: where the foot's neutral came from: 'rest' (a rest the foot held, or a saved
   * calibration), 'pauses' (where a person who never rested paused between the ends of their
   * pumps), 'movement' (the middle of what a person who neither rested nor paused did: each rep's
   * range is measured, but not how much of it was toes down and how much toes up, so the reps'
   * `plantarflexionDeg` and `dorsiflexionDeg` are null and a 'neutral-not-seen' warning says so;
   * the series' angles are then from that middle). Null when the foot never settled.
   */
  readonly neutralFrom: NeutralFrom | null;
  readonly reps: ReportRep[];
  readonly warnings: ReportWarning[];
}

export interface SeriesPoint {
  readonly tS: number;
  readonly side: Side;
  readonly angleDeg: number | null;
}

/** How camera degrees were calibrated against the phone on the foot, in the JSON report. */
export type CalibrationJson =
  | {
      readonly by: 'phone';
      readonly side: Side;
      readonly gain: number;
      readonly reps: number;
      /** The phone's clock minus the video's, seconds. */
      readonly phoneClockOffsetS: number;
    }
  | { readonly by: 'phone'; readonly side: Side; readonly refused: string };

export interface AnalyzeReport {
  readonly version: 1;
  readonly input: {
    readonly path: string;
    readonly kind: InputKind;
    /**
     * Added: the first sample's time on the file's clock, seconds (0 for a video; a sensor log's
     * may be the phone's uptime). Every time in the report is on that clock.
     */
    readonly startS: number;
    readonly durationS: number;
    readonly frameRateHz: number;
    /** Added, camera data only: posture read from the torso, and the gain applied to its degrees. */
    readonly posture?: 'sitting' | 'lying' | 'standing' | 'unknown';
    readonly angleGain?: number;
    /**
     * Added, camera data only: where the degrees come from: 'pixel-tracker' (the foot's own
     * pixels, videos), 'blazepose-corrected' (BlazePose's foot points x the posture correction),
     * 'as-given' (landmarks from another or an unnamed tool, taken as they are).
     */
    readonly degrees?: 'pixel-tracker' | 'blazepose-corrected' | 'as-given';
    /** Added, landmark files: the tool the file (or --source) names, null when not named. */
    readonly landmarkSource?: string | null;
    /**
     * Added with --calibrate-with: the gain fitted on the reps the phone also recorded (then
     * `angleGain` is that gain), or why the degrees were left uncalibrated.
     */
    readonly calibration?: CalibrationJson;
  };
  /**
   * Added: set when the recording cannot be counted (the reps are withheld, every foot has 0):
   * code 'front-view' | 'legs-hidden' | 'leg-moving' | 'standing' | 'body-reversed' | 'too-few-frames', and the reason in words.
   */
  notCounted?: { readonly code: string; readonly message: string };
  readonly feet: ReportFoot[];
  series?: SeriesPoint[];
}

/** The hold times asked for (seconds), to flag holds that fell short. */
export interface HoldPrescription {
  readonly plantarHoldS: number;
  readonly dorsiHoldS: number;
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const r1 = (x: number) => Math.round(x * 10) / 10;

function toRep(
  m: RepMetrics,
  rx: HoldPrescription,
  tooFastCycleS: number,
  degrees: boolean,
  split: boolean,
  degreesLow: boolean,
  legRead: boolean,
  countedLate: boolean,
): ReportRep {
  const flags: string[] = [];
  if (countedLate) flags.push('counted-late');
  if (degrees && !m.full) flags.push('shallow');
  if (m.cycleS < tooFastCycleS) flags.push('too-fast');
  if (m.legMoved) flags.push('leg-moved');
  if (legRead && !m.legMovementMeasured) flags.push('leg-not-seen');
  if (m.plantarHoldS < rx.plantarHoldS) flags.push('short-plantar-hold');
  if (m.dorsiHoldS < rx.dorsiHoldS) flags.push('short-dorsi-hold');
  if (degrees && degreesLow) flags.push('degrees-read-low');
  return {
    startS: r2(m.startTMs / 1000),
    endS: r2(m.tMs / 1000),
    plantarflexionDeg: degrees && split ? r1(Math.max(0, -m.peakPlantarDeg)) : null,
    dorsiflexionDeg: degrees && split ? r1(m.peakDorsiDeg) : null,
    rangeDeg: degrees ? r1(m.rangeDeg) : null,
    plantarHoldS: r2(m.plantarHoldS),
    dorsiHoldS: r2(m.dorsiHoldS),
    legMoved: m.legMoved,
    smoothness: r2(m.smoothness),
    flags,
    full: degrees ? m.full : null,
    confidence: r2(m.confidence),
    plantarPeakS: r2(m.plantarTMs / 1000),
    dorsiPeakS: r2(m.dorsiTMs / 1000),
  };
}

/** What the 'neutral-not-seen' warning says. */
export const NEUTRAL_NOT_SEEN_MESSAGE =
  'the foot never rested at neutral (relaxed, toes neither pointed nor pulled up), nor paused there between reps: ' +
  "each rep's range is measured, but not how much of it was toes down and how much toes up; " +
  'start with the foot relaxed for 2 seconds to measure both';

function toWarning(w: WarningEvent): ReportWarning {
  return { atS: r2(w.tMs / 1000), code: w.code, message: w.message };
}

/**
 * A foot's warnings as the report gives them. Without measured degrees, a rep's range against the
 * full-rep bar (too-shallow) is not judged, and the noise floor is not given in degrees.
 */
function footWarnings(ws: readonly WarningEvent[], degrees: boolean): ReportWarning[] {
  if (degrees) return ws.map(toWarning);
  return ws
    .filter((w) => w.code !== 'too-shallow')
    .map((w) => (w.code === 'noisy' ? { ...toWarning(w), message: noisyMessage(null) } : toWarning(w)));
}

/**
 * Builds the report for `sides` from the engine's result (`series` only when asked for); the feet in
 * `degreesNotMeasured` get their reps without degrees.
 */
export function buildReport(
  result: AnalysisResult,
  input: AnalyzeReport['input'],
  sides: readonly Side[],
  rx: HoldPrescription,
  tooFastCycleS: number,
  withSeries: boolean,
  degreesNotMeasured: readonly Side[] = [],
): AnalyzeReport {
  const feet: ReportFoot[] = sides.map((side) => {
    const degrees = !degreesNotMeasured.includes(side);
    // Neutral as the engine settled it (none with a saved calibration: that one was a rest).
    const settled = result.events.find((e) => e.type === 'calibrated' && e.side === side);
    const neutralFrom: NeutralFrom | null =
      settled?.type === 'calibrated'
        ? settled.neutralFrom
        : result.calibration[side]?.neutralDeg != null
          ? 'rest'
          : null;
    const split = neutralFrom !== 'movement';
    // The engine puts its 'sensor-saturated' warning at the time of the rep it is about.
    const saturatedAt = new Set(
      result.warnings.filter((w) => w.side === side && w.code === 'sensor-saturated').map((w) => w.tMs),
    );
    // A camera reads the leg; a phone on the foot alone does not, and says nothing of it per rep.
    const legRead = input.kind !== 'imu';
    // A camera that lowered its bars once the person's pumping showed their size goes back for
    // the pumps it refused before, and counts them after reps they came before (the motion engine's
    // look-back.ts): listed in the order counted, as their numbers in the warnings are, and flagged.
    let latestFirstTMs = Number.NEGATIVE_INFINITY;
    const reps = result.reps[side].map((m) => {
      const firstTMs = Math.min(m.plantarTMs, m.dorsiTMs);
      const late = firstTMs < latestFirstTMs;
      latestFirstTMs = Math.max(latestFirstTMs, firstTMs);
      return toRep(m, rx, tooFastCycleS, degrees, split, saturatedAt.has(m.tMs), legRead, late);
    });
    return {
      side,
      measured: result.series ? result.series[side].length > 0 : reps.length > 0,
      repCount: reps.length,
      degrees: degrees ? 'measured' : 'not-measured',
      neutralFrom,
      reps,
      // Warnings without a side (bad timestamps, no person) concern both feet.
      warnings: [
        ...(degrees && !split && settled && reps.length > 0
          ? [{ atS: r2(settled.tMs / 1000), code: 'neutral-not-seen', message: NEUTRAL_NOT_SEEN_MESSAGE }]
          : []),
        ...footWarnings(
          result.warnings.filter((w) => w.side === side || w.side === null),
          degrees,
        ),
      ],
    };
  });
  const report: AnalyzeReport = { version: 1, input, feet };
  if (withSeries && result.series) {
    const series: SeriesPoint[] = [];
    for (const side of sides) {
      const degrees = feet.find((f) => f.side === side)!.degrees === 'measured';
      for (const p of result.series[side])
        series.push({ tS: r2(p.tMs / 1000), side, angleDeg: degrees ? r1(p.angleDeg) : null });
    }
    series.sort((a, b) => a.tS - b.tS || a.side.localeCompare(b.side));
    report.series = series;
  }
  return report;
}

/** The rep a per-rep warning is about ("rep 3: ...", "rep 3 took ..."), or null. */
const repOf = (w: ReportWarning): number | null => {
  const m = /^rep (\d+)\b/.exec(w.message);
  return m ? Number(m[1]) : null;
};

/**
 * Collapses runs of the same warning code on a foot, less than 2 s apart, into the first (with a
 * count and the span), for the summary; `otherReps` names the other reps a run of per-rep warnings
 * was about, which the first's message does not ("rep 2 took 0.3 s" for reps 2 and 3 said only 2).
 */
export function groupWarnings(
  ws: readonly ReportWarning[],
): { first: ReportWarning; count: number; lastS: number; otherReps: number[] }[] {
  const out: { first: ReportWarning; count: number; lastS: number; otherReps: number[] }[] = [];
  for (const w of ws) {
    const prev = out.at(-1);
    // A warning about a rep counted late (a look-back's) comes after later ones: no run across it.
    if (prev && prev.first.code === w.code && w.atS >= prev.lastS && w.atS - prev.lastS < 2) {
      prev.count++;
      prev.lastS = w.atS;
      const rep = repOf(w);
      if (rep !== null && rep !== repOf(prev.first) && !prev.otherReps.includes(rep))
        prev.otherReps.push(rep);
    } else out.push({ first: w, count: 1, lastS: w.atS, otherReps: [] });
  }
  return out;
}
