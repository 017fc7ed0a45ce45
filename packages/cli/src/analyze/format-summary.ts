// The human-readable summary of an analysis: per foot, reps (full and shallow), range, holds
// against the prescription and warnings with their times.
import { median } from '@anklepump/exercise';
import {
  type AnalyzeReport,
  groupWarnings,
  type HoldPrescription,
  type ReportFoot,
  type ReportRep,
} from './report.ts';

const fmtS = (s: number) => `${s.toFixed(1)} s`;

/**
 * One rep: when its two ends (its toes-down and toes-up peaks) came, in the order the person made
 * them. Those never overlap the next rep's; the swing's start (the previous toes-up peak) and the
 * moment the rep was recognised did, which read as reps happening at once. Both are in the JSON
 * (`startS`, `endS`).
 */
function repLine(i: number, r: ReportRep): string {
  // A person who starts each rep toes up: the rep is their toes-up end and the toes-down end after
  // it. Its times go in that order too ("10.2 s -> 9.0 s" read as time running backwards).
  const upFirst = r.dorsiPeakS < r.plantarPeakS;
  const all = upFirst ? ['toes up first', ...r.flags] : r.flags;
  const [firstS, secondS] = upFirst ? [r.dorsiPeakS, r.plantarPeakS] : [r.plantarPeakS, r.dorsiPeakS];
  const flags = all.length ? `  [${all.join(', ')}]` : '';
  // No neutral seen (the warning says so): the range, not how much of it was toes down or up.
  const degrees =
    r.rangeDeg === null
      ? 'degrees not measured'
      : r.plantarflexionDeg === null || r.dorsiflexionDeg === null
        ? `down  ?   up   ?   range ${r.rangeDeg.toFixed(0).padStart(2)}°`
        : `down ${r.plantarflexionDeg.toFixed(0).padStart(2)}°  up ${r.dorsiflexionDeg.toFixed(0).padStart(3)}°  ` +
          `range ${r.rangeDeg.toFixed(0).padStart(2)}°`;
  return (
    `  ${String(i + 1).padStart(2)}. ${fmtS(firstS).padStart(7)} -> ${fmtS(secondS).padEnd(7)} ` +
    `${degrees}  holds ${r.plantarHoldS.toFixed(1)} s / ${r.dorsiHoldS.toFixed(1)} s${flags}`
  );
}

/** "(3 full, 1 shallow)", or why that is not judged. */
export function fullOrShallow(foot: ReportFoot): string {
  if (foot.degrees === 'not-measured') return '(degrees not measured: full or shallow not judged)';
  const full = foot.reps.filter((r) => r.full).length;
  return `(${full} full, ${foot.repCount - full} shallow)`;
}

/** The summary text (ends with a newline). `degreesNote` says how far the degrees can be trusted. */
export function formatSummary(report: AnalyzeReport, rx: HoldPrescription, degreesNote: string): string {
  const { input } = report;
  const lines: string[] = [
    `${input.path}: ${input.kind}, ${input.durationS.toFixed(1)} s at ${input.frameRateHz.toFixed(1)} Hz` +
      // Times below are the file's own: say where its clock starts when that is not 0.
      (Math.abs(input.startS) >= 0.05 ? `, from ${input.startS.toFixed(1)} s on the file's clock` : '') +
      (input.posture
        ? `, ${input.posture === 'unknown' ? 'posture unknown' : input.posture}, angle gain ${input.angleGain?.toFixed(2)}`
        : ''),
  ];
  if (report.notCounted)
    lines.push('', `NOT COUNTED (${report.notCounted.code}): ${report.notCounted.message}`);
  for (const foot of report.feet) {
    if (!foot.measured) {
      // The far foot of a side view says so; any other unmeasured foot was not seen enough.
      const why =
        foot.warnings.find((w) => w.code === 'far-foot')?.message ??
        'it was not visible enough (film that side to count it)';
      lines.push('', `${foot.side.toUpperCase()} FOOT: not measured: ${why}`);
      continue;
    }
    lines.push('', `${foot.side.toUpperCase()} FOOT: ${foot.repCount} reps ${fullOrShallow(foot)}`);
    if (foot.repCount > 0) {
      const ranges = foot.reps.flatMap((r) => (r.rangeDeg === null ? [] : [r.rangeDeg]));
      const ph = foot.reps.map((r) => r.plantarHoldS);
      const dh = foot.reps.map((r) => r.dorsiHoldS);
      // At least one rep: the hold medians exist.
      lines.push(
        ranges.length > 0
          ? `  range: median ${median(ranges)!.toFixed(0)}° (${Math.min(...ranges).toFixed(0)}-${Math.max(...ranges).toFixed(0)}°)`
          : '  range: not measured (see the warning degrees-not-measured)',
        `  toes-down hold: median ${median(ph)!.toFixed(1)} s (asked ${rx.plantarHoldS} s; ${ph.filter((h) => h >= rx.plantarHoldS).length}/${ph.length} long enough)`,
        `  toes-up hold:   median ${median(dh)!.toFixed(1)} s (asked ${rx.dorsiHoldS} s; ${dh.filter((h) => h >= rx.dorsiHoldS).length}/${dh.length} long enough)`,
      );
      const moved = foot.reps.filter((r) => r.legMoved).length;
      if (moved > 0) lines.push(`  the leg moved (not only the ankle) in ${moved} rep(s)`);
      const unseen = foot.reps.filter((r) => r.flags.includes('leg-not-seen')).length;
      if (unseen > 0)
        lines.push(
          `  whether the leg moved was not judged in ${unseen} rep(s): the leg was not seen clearly then`,
        );
      lines.push(
        '  each rep: toes down at -> toes up at (the other way round where marked "toes up first"), degrees from neutral, holds down / up',
      );
      for (const [i, r] of foot.reps.entries()) lines.push(repLine(i, r));
    }
    const groups = groupWarnings(foot.warnings);
    if (groups.length > 0) {
      lines.push('  warnings:');
      for (const g of groups.slice(0, 12)) {
        const span = g.count > 1 ? `-${fmtS(g.lastS)} (${g.count}x)` : '';
        const others = g.otherReps.length > 0 ? ` (also rep ${g.otherReps.join(', ')})` : '';
        lines.push(`    at ${fmtS(g.first.atS)}${span}: ${g.first.code}: ${g.first.message}${others}`);
      }
      if (groups.length > 12) lines.push(`    ... and ${groups.length - 12} more (see --json)`);
    }
  }
  lines.push('', degreesNote);
  return `${lines.join('\n')}\n`;
}
