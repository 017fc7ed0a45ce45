// Calibrating camera degrees against a phone on the same foot (issue 9, item 3): the phone's motion
// sensor measures each rep's range well; the camera's degrees depend on the body and the view. A few
// reps seen by both fit that view's gain. The two clocks are not shared, so the reps are first lined
// up. The fit is pure; `phoneCalibration` reads the phone's log for `analyze --calibrate-with`.
import { readFile } from 'node:fs/promises';
import { median } from '@anklepump/exercise';
import type { AnalysisResult, RepMetrics, Side } from '@anklepump/motion';
import { CliError } from '../exit-codes.ts';
import { parseImuCsv } from './imu-csv.ts';
import { analyzeImu } from './imu-engine.ts';
import { detectInputKind } from './input-kind.ts';

/**
 * A camera rep and a phone rep are the same rep when their middles (halfway between the toes-down
 * and toes-up peaks) are this close, ms: a peak may sit anywhere in its hold, so each source places
 * it differently, by up to a second on a 1-s hold.
 */
const PAIR_MS = 1200;
/** A rep's middle, ms. */
const middleMs = (r: RepMetrics) => (r.plantarTMs + r.dorsiTMs) / 2;
/** Fewest reps seen by both that can fit a gain. */
export const MIN_SHARED_REPS = 2;
/** The phone-to-camera range ratios of the shared reps may spread this much around their median. */
const MAX_SPREAD = 0.35;
/** A fitted gain outside this is not a view's scale but a mismatch (another foot, another session). */
const GAIN_RANGE = [0.3, 3] as const;

export interface PhoneCalibration {
  readonly kind: 'calibrated';
  /** The camera degree gain to use now (the old gain times the median phone/camera ratio). */
  readonly gain: number;
  /** The phone's clock minus the camera's, seconds (phone time = camera time + offsetS). */
  readonly offsetS: number;
  /** Reps seen by both that the gain was fitted on. */
  readonly reps: number;
  /** The lowest and highest phone/camera range ratio among them. */
  readonly ratioRange: readonly [number, number];
}

export interface CalibrationRefused {
  readonly kind: 'refused';
  /** Why the degrees were left as they were, in words. */
  readonly reason: string;
}

interface Pair {
  readonly camera: RepMetrics;
  readonly phone: RepMetrics;
  readonly dtMs: number;
}

/** Pairs reps whose middles are within PAIR_MS once the phone's clock is moved by `offsetMs`. */
function pairAt(camera: readonly RepMetrics[], phone: readonly RepMetrics[], offsetMs: number): Pair[] {
  const used = new Set<number>();
  const pairs: Pair[] = [];
  for (const c of camera) {
    let best = -1;
    let bestDt = PAIR_MS;
    phone.forEach((p, j) => {
      const dt = Math.abs(middleMs(p) - offsetMs - middleMs(c));
      if (!used.has(j) && dt <= bestDt) {
        best = j;
        bestDt = dt;
      }
    });
    if (best >= 0) {
      used.add(best);
      pairs.push({ camera: c, phone: phone[best]!, dtMs: bestDt });
    }
  }
  return pairs;
}

/** How much the phone/camera range ratios of `pairs` vary (their coefficient of variation). */
function ratioSpread(pairs: readonly Pair[]): number {
  const r = pairs.map((x) => x.phone.rangeDeg / x.camera.rangeDeg);
  const m = r.reduce((a, b) => a + b, 0) / r.length;
  return Math.sqrt(r.reduce((a, b) => a + (b - m) ** 2, 0) / r.length) / m;
}

/**
 * Fits the camera's degree gain from the reps the phone also recorded. `cameraGain`: the gain the
 * camera reps were measured with. Every offset that puts some camera rep on some phone rep is tried.
 * The one pairing
 * the most reps wins; among those, the one whose range ratios agree best: reps at a steady rhythm
 * also pair one rep off, but then each camera rep meets another rep's range.
 */
export function fitPhoneCalibration(
  camera: readonly RepMetrics[],
  phone: readonly RepMetrics[],
  cameraGain: number,
): PhoneCalibration | CalibrationRefused {
  if (camera.length < MIN_SHARED_REPS || phone.length < MIN_SHARED_REPS) {
    return {
      kind: 'refused',
      reason: `the camera counted ${camera.length} and the phone ${phone.length} reps; both must see at least ${MIN_SHARED_REPS} of the same reps`,
    };
  }
  let best: Pair[] = [];
  let bestSpread = Number.POSITIVE_INFINITY;
  const offsets = camera.flatMap((c) => phone.map((p) => middleMs(p) - middleMs(c)));
  for (const offsetMs of offsets) {
    const pairs = pairAt(camera, phone, offsetMs);
    if (pairs.length < best.length || pairs.length === 0) continue;
    const spread = ratioSpread(pairs);
    if (pairs.length > best.length || spread < bestSpread) {
      best = pairs;
      bestSpread = spread;
    }
  }
  if (best.length < MIN_SHARED_REPS) {
    return {
      kind: 'refused',
      reason: `only ${best.length} rep lines up between the phone and the camera; record at least ${MIN_SHARED_REPS} reps with both at the same time`,
    };
  }
  // At least MIN_SHARED_REPS pairs here: the medians exist.
  const fittedOffsetS = median(best.map((x) => middleMs(x.phone) - middleMs(x.camera)))! / 1000;
  const ratios = best.map((x) => x.phone.rangeDeg / x.camera.rangeDeg);
  const ratio = median(ratios)!;
  const lo = Math.min(...ratios);
  const hi = Math.max(...ratios);
  const fmt = (x: number) => x.toFixed(2);
  if (!(ratio > 0) || hi - lo > 2 * MAX_SPREAD * ratio) {
    return {
      kind: 'refused',
      reason: `the phone and the camera disagree from rep to rep (phone/camera range ${fmt(lo)} to ${fmt(hi)}): the view or the phone may have moved`,
    };
  }
  const gain = cameraGain * ratio;
  if (gain < GAIN_RANGE[0] || gain > GAIN_RANGE[1]) {
    return {
      kind: 'refused',
      reason: `the fitted gain ${fmt(gain)} is outside ${GAIN_RANGE[0]}-${GAIN_RANGE[1]}: is the phone on the foot the camera watched?`,
    };
  }
  return { kind: 'calibrated', gain, offsetS: fittedOffsetS, reps: best.length, ratioRange: [lo, hi] };
}

/** How the camera's degrees were calibrated against the phone on `side`, or why they were not. */
export type CameraCalibration = (PhoneCalibration | CalibrationRefused) & { readonly side: Side };

/** The note on camera degrees (`note`: the uncalibrated one) once a phone calibration was tried. */
export function calibratedNote(c: CameraCalibration, note: string): string {
  if (c.kind === 'refused') return `${note} Not calibrated against the phone: ${c.reason}.`;
  const [lo, hi] = c.ratioRange;
  return (
    `Degrees calibrated against the phone on the ${c.side} foot: gain ${c.gain.toFixed(2)} from ${c.reps} reps ` +
    `both saw (phone/camera range ${lo.toFixed(2)}-${hi.toFixed(2)}; the phone's clock ${c.offsetS.toFixed(1)} s ` +
    "from the video's). The calibration holds for this view only: a camera or phone moved later is not caught."
  );
}

/** The phone's reps on the foot the camera counted most reps on (the one the phone must sit on). */
export async function phoneCalibration(
  from: { readonly path: string; readonly display: string },
  result: AnalysisResult,
  sides: readonly Side[],
  cameraGain: number,
): Promise<CameraCalibration> {
  let text: string;
  try {
    text = await readFile(from.path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new CliError(
        'input-not-found',
        `--calibrate-with: no such file: ${from.display}`,
        '--calibrate-with',
      );
    throw new CliError('bad-input', `--calibrate-with: cannot read ${from.display}: ${(e as Error).message}`);
  }
  const kind = detectInputKind(Buffer.from(text.slice(0, 4096)), from.display);
  if (kind.kind !== 'imu') {
    throw new CliError(
      'bad-input',
      `--calibrate-with: ${from.display} is not a motion-sensor CSV (header t,ax,ay,az,gx,gy,gz)`,
      '--calibrate-with',
    );
  }
  const rec = parseImuCsv(text, from.display);
  const side = [...sides].sort((a, b) => result.reps[b].length - result.reps[a].length)[0]!;
  const phone = analyzeImu(rec, side);
  return { ...fitPhoneCalibration(result.reps[side], phone.reps[side], cameraGain), side };
}
