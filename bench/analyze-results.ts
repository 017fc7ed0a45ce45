// Where `npm run bench analyze` keeps its results: bench/results/analyze.md holds the latest run
// alone (written afresh each time) and analyze-history.md one row per run. A run that skips the
// speed stage keeps the speed section of the run that measured it, under a line that says so.

import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One analysis of the 60 s speed clip. */
export interface SpeedRun {
  readonly fps: number;
  readonly wallS: number;
  readonly loadAvg: number | undefined;
}

/** One run's summary, as a row of the history table. */
export interface HistoryRow {
  readonly run: string;
  readonly exact: string;
  readonly withinOne: string;
  readonly rangeErr: string;
  readonly holdErr: string;
  readonly legMoved: string;
  readonly missed: number;
  readonly nonPumpZero: string;
  readonly calibrated: string;
}

export const SPEED_HEADING = '## Speed';
const CARRIED =
  'Not measured in this run (ANALYZE_BENCH_SKIP_SPEED): carried from the earlier run named below.';
const HISTORY_HEADER = [
  '| run | exact count | within one | range error | hold error | leg moved | reps missed | non-pump videos with 0 reps | speed | `--calibrate-with` |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
].join('\n');

/** The results files under `root`/bench/results. */
export function resultsFiles(root: string) {
  const dir = join(root, 'bench', 'results');
  return { results: join(dir, 'analyze.md'), history: join(dir, 'analyze-history.md') };
}

/** The commit in `root`, and whether packages/ had uncommitted changes. */
export function commitMeasured(root: string): string {
  const git = (args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout.trim();
  const dirty = git(['status', '--porcelain', '--', 'packages']) !== '';
  return `${git(['rev-parse', '--short', 'HEAD'])}${dirty ? ' (with uncommitted changes under packages/)' : ''}`;
}

/** A minute-precision UTC time, as the results files write it. */
export function utcMinute(d = new Date()): string {
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

const speedX = (r: SpeedRun) => `${(60 / r.wallS).toFixed(2)}x`;

/**
 * The speed section's lines (after its heading): the runs measured now, or with none (the stage
 * skipped) the section of the results file at `resultsPath` as it was, under a line saying so.
 */
export function speedSection(
  runs: readonly SpeedRun[],
  measured: string,
  at: string,
  resultsPath: string,
): string[] {
  if (runs.length === 0) return carriedSpeed(resultsPath);
  return [
    `Measured at ${measured} on ${at} UTC. The built \`anklepump analyze clip.mp4 --json\` (Chromium start and model load included) on a 60 s, 30 fps,`,
    '1280x720 rendered clip of a held-out body:',
    '',
    '| frames analysed per s | video | wall time | speed (x real time) | load average (1 min) at the end |',
    '| --- | --- | --- | --- | --- |',
    ...runs.map(
      (r) =>
        `| ${r.fps} | 60 s | ${r.wallS.toFixed(1)} s | **${speedX(r)}** | ${r.loadAvg?.toFixed(1) ?? '-'} |`,
    ),
  ];
}

function carriedSpeed(path: string): string[] {
  const lines = existsSync(path) ? readFileSync(path, 'utf8').split('\n') : [];
  const start = lines.findIndex((l) => l.startsWith(SPEED_HEADING));
  if (start < 0) return ['Not measured in this run (ANALYZE_BENCH_SKIP_SPEED), and no earlier run to show.'];
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  // The section as it was, without its blank edges or the line an earlier carry put on it.
  let body = lines.slice(start + 1, end < 0 ? lines.length : end);
  const first = body.findIndex((l) => l !== '' && l !== CARRIED);
  body = first < 0 ? [] : body.slice(first);
  while (body.length && body[body.length - 1] === '') body.pop();
  return [CARRIED, '', ...body];
}

/** Adds the run's row to the history table (a checkout without the file starts one with its header). */
export function appendHistory(path: string, row: HistoryRow, speed: readonly SpeedRun[]): void {
  if (!existsSync(path))
    writeFileSync(path, `# analyze benchmark: earlier runs\n\n## Runs\n\n${HISTORY_HEADER}\n`);
  const speedCell = speed.length ? speed.map(speedX).join(' / ') : 'not run';
  const cells = [
    row.run,
    row.exact,
    row.withinOne,
    row.rangeErr,
    row.holdErr,
    row.legMoved,
    String(row.missed),
    row.nonPumpZero,
    speedCell,
    row.calibrated,
  ];
  appendFileSync(path, `| ${cells.join(' | ')} |\n`);
}
