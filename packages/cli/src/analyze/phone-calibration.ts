// `analyze --calibrate-with`: camera degrees calibrated against a phone on the same foot. The fit
// (motion's fitPhoneGain) lines the reps of the two clocks up; this reads the phone's log for it.
import { readFile } from 'node:fs/promises';
import { fitPhoneGain, type PhoneGain, type PhoneGainRefused, type TimedRange } from '@anklepump/exercise';
import type { AnalysisResult, RepMetrics, Side } from '@anklepump/motion';
import { CliError } from '../exit-codes.ts';
import { parseImuCsv } from './imu-csv.ts';
import { analyzeImu } from './imu-engine.ts';
import { detectInputKind } from './input-kind.ts';

/** A rep's middle (halfway between the toes-down and toes-up peaks), ms: when it happened. */
const middle = (r: RepMetrics): TimedRange => ({
  atMs: (r.plantarTMs + r.dorsiTMs) / 2,
  rangeDeg: r.rangeDeg,
});

/** How the camera's degrees were calibrated against the phone on `side`, or why they were not. */
export type CameraCalibration = (PhoneGain | PhoneGainRefused) & { readonly side: Side };

/** The note on camera degrees (`note`: the uncalibrated one) once a phone calibration was tried. */
export function calibratedNote(c: CameraCalibration, note: string): string {
  if (c.kind === 'refused') return `${note} Not calibrated against the phone: ${c.reason}.`;
  const [lo, hi] = c.ratioRange;
  return (
    `Degrees calibrated against the phone on the ${c.side} foot: gain ${c.gain.toFixed(2)} from ${c.reps} reps ` +
    `both saw (phone/camera range ${lo.toFixed(2)}-${hi.toFixed(2)}; the phone's clock about ${c.offsetS.toFixed(1)} s ` +
    "from the video's, to within a hold: each source may place a peak anywhere in it). The calibration holds for this view only: a camera or phone moved later is not caught."
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
  return { ...fitPhoneGain(result.reps[side].map(middle), phone.reps[side].map(middle), cameraGain), side };
}
