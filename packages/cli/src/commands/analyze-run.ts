// The analyze command's work: analyse the file, then print the summary or JSON and draw the plot.
import { writeFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { Side } from '@anklepump/motion';
import { analyzeFile } from '../analyze/analyze-file.ts';
import { CAMERA_DEGREES_NOTE, IMU_DEGREES_NOTE } from '../analyze/camera-correction.ts';
import { formatSummary } from '../analyze/format-summary.ts';
import type { CameraCalibration } from '../analyze/phone-calibration.ts';
import { writeSvgAsPng } from '../analyze/plot-png.ts';
import { plotSvg } from '../analyze/plot-svg.ts';
import { createProgressBar } from '../analyze/progress-bar.ts';
import { buildReport, type CalibrationJson } from '../analyze/report.ts';
import type { CommandContext } from '../command-spec.ts';
import { CliError, EXIT } from '../exit-codes.ts';

// The engine flags a rep as too fast below this cycle time (its default), repeated in the flags.
const TOO_FAST_CYCLE_S = 0.7;

export async function run(ctx: CommandContext): Promise<number> {
  const file = ctx.positionals[0]!;
  const o = ctx.options;
  const plot = o.plot as string | undefined;
  if (plot !== undefined && !/\.(svg|png)$/i.test(plot)) {
    throw new CliError('bad-choice', `--plot: the file must end in .svg or .png, got "${plot}"`, '--plot');
  }
  if (o.series && !o.json)
    throw new CliError('conflicting-options', '--series only goes with --json', '--series');
  const calibrate = o['calibrate-with'] as string | undefined;
  if (calibrate !== undefined && o.gain !== undefined) {
    throw new CliError(
      'conflicting-options',
      '--calibrate-with fits the gain from the phone: give it or --gain, not both',
      '--calibrate-with',
    );
  }
  const path = isAbsolute(file) ? file : resolve(ctx.cwd, file);
  const stderrTty = Boolean((ctx.stderr as { isTTY?: boolean }).isTTY);
  const bar = createProgressBar(ctx.stderr, stderrTty && !o.quiet, o.fps as number);
  const rx = { plantarHoldS: o['plantar-hold'] as number, dorsiHoldS: o['dorsi-hold'] as number };
  let analysis: Awaited<ReturnType<typeof analyzeFile>>;
  try {
    analysis = await analyzeFile(path, file, {
      side: o.side as Side | 'both' | undefined,
      sampleHz: o.fps as number,
      ...(o.gain !== undefined ? { gain: o.gain as number } : {}),
      ...(o.source !== undefined ? { source: o.source as string } : {}),
      track: o.tracker !== 'off',
      ...(calibrate !== undefined
        ? {
            calibrateWith: {
              path: isAbsolute(calibrate) ? calibrate : resolve(ctx.cwd, calibrate),
              display: calibrate,
            },
          }
        : {}),
      onProgress: (done, total, elapsedS) => bar.update(done, total, elapsedS),
    });
  } finally {
    bar.finish();
  }
  if (analysis.nothingFound) {
    ctx.stderr.write(`anklepump analyze: ${file}: ${analysis.nothingFound}\n`);
    return EXIT.nothingFound;
  }
  const input = {
    path: file,
    kind: analysis.kind,
    startS: Math.round(analysis.startS * 100) / 100,
    durationS: Math.round(analysis.durationS * 100) / 100,
    frameRateHz: Math.round(analysis.frameRateHz * 100) / 100,
    ...(analysis.posture ? { posture: analysis.posture, angleGain: analysis.gain } : {}),
    ...(analysis.degrees ? { degrees: analysis.degrees } : {}),
    ...(analysis.kind === 'landmarks' ? { landmarkSource: analysis.landmarkSource ?? null } : {}),
    ...(analysis.calibration ? { calibration: calibrationJson(analysis.calibration) } : {}),
  };
  const report = buildReport(
    analysis.result,
    input,
    analysis.sides,
    rx,
    TOO_FAST_CYCLE_S,
    Boolean(o.series),
    analysis.degreesNotMeasured ?? [],
  );
  if (analysis.notCounted) {
    const { code, message } = analysis.notCounted;
    report.notCounted = { code, message };
    for (const foot of report.feet) foot.warnings.unshift({ atS: input.startS, code, message });
  }
  const cal = analysis.calibration;
  if (cal?.kind === 'refused') {
    report.feet
      .find((f) => f.side === cal.side)
      ?.warnings.push({
        atS: input.startS,
        code: 'not-calibrated',
        message: `degrees not calibrated against the phone: ${cal.reason}`,
      });
  }
  for (const w of analysis.pixelWarnings ?? []) {
    report.feet
      .find((f) => f.side === w.side)
      ?.warnings.push({ atS: w.atS, code: w.code, message: w.message });
  }
  if (analysis.damage) {
    for (const foot of report.feet) {
      foot.warnings.unshift({
        atS: 0,
        code: 'video-damaged',
        message: `the file is damaged or cut short (${analysis.damage}): part of it may be missing or frozen`,
      });
    }
  }
  const note = analysis.kind === 'imu' ? IMU_DEGREES_NOTE : (analysis.degreesNote ?? CAMERA_DEGREES_NOTE);
  if (plot) {
    const svg = plotSvg(report, analysis.result, note);
    const out = isAbsolute(plot) ? plot : resolve(ctx.cwd, plot);
    try {
      if (/\.png$/i.test(plot)) await writeSvgAsPng(svg, out);
      else await writeFile(out, svg);
    } catch (e) {
      throw new CliError(
        'output-failed',
        `--plot: cannot write ${plot}: ${(e as Error).message.split('\n')[0]}`,
        '--plot',
      );
    }
  }
  ctx.stdout.write(o.json ? `${JSON.stringify(report, null, 2)}\n` : formatSummary(report, rx, note));
  return EXIT.ok;
}

/** The calibration as the JSON report gives it (README: analyze --json). */
function calibrationJson(c: CameraCalibration): CalibrationJson {
  return c.kind === 'calibrated'
    ? {
        by: 'phone',
        side: c.side,
        gain: Math.round(c.gain * 1000) / 1000,
        reps: c.reps,
        phoneClockOffsetS: Math.round(c.offsetS * 100) / 100,
      }
    : { by: 'phone', side: c.side, refused: c.reason };
}
