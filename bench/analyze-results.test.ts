import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendHistory, type HistoryRow, SPEED_HEADING, speedSection } from './analyze-results.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'analyze-results-'));
const RUNS = [
  { fps: 15, wallS: 45.9, loadAvg: 5.9 },
  { fps: 10, wallS: 32.6, loadAvg: undefined },
];
const ROW: HistoryRow = {
  run: '2026-12-07 03:44 UTC, cd16a78',
  exact: '10/18 (56%)',
  withinOne: '14/18 (78%)',
  rangeErr: '14.6° / 31.8°',
  holdErr: '0.10 s',
  legMoved: '0.86 / 0.86',
  missed: 16,
  nonPumpZero: '7/7',
  calibrated: '2.1° / 15.3° over 25',
};

describe("the video benchmark's results files", () => {
  it('names the run a measured speed table comes from', () => {
    const lines = speedSection(RUNS, 'cd16a78', '2026-12-07 03:44', join(dir(), 'absent.md'));
    expect(lines[0]).toContain('Measured at cd16a78 on 2026-12-07 03:44 UTC');
    expect(lines).toContain('| 15 | 60 s | 45.9 s | **1.31x** | 5.9 |');
    expect(lines).toContain('| 10 | 60 s | 32.6 s | **1.84x** | - |');
  });

  it('keeps the last measured speed table when this run skipped it, once, however often it is carried', () => {
    const path = join(dir(), 'analyze.md');
    const measured = speedSection(RUNS, 'cd16a78', '2026-12-07 03:44', path);
    writeFileSync(path, ['# analyze', '', SPEED_HEADING, '', ...measured, '', '## Per clip', ''].join('\n'));
    const once = speedSection([], 'ffff000', '2026-12-08 10:00', path);
    expect(once[0]).toMatch(/^Not measured in this run/);
    expect(once.slice(2)).toEqual(measured);
    writeFileSync(path, ['# analyze', '', SPEED_HEADING, '', ...once, '', '## Per clip', ''].join('\n'));
    expect(speedSection([], 'ffff001', '2026-12-09 10:00', path)).toEqual(once);
  });

  it('says so when a skipped speed stage has no earlier table to carry', () => {
    const path = join(dir(), 'analyze.md');
    writeFileSync(path, '# analyze\n\n## Targets\n');
    expect(speedSection([], 'x', 'y', path)).toEqual([
      'Not measured in this run (ANALYZE_BENCH_SKIP_SPEED), and no earlier run to show.',
    ]);
  });

  it("adds the run's row under the history table's header, starting the file when it is missing", () => {
    const path = join(dir(), 'analyze-history.md');
    appendHistory(path, ROW, RUNS);
    appendHistory(path, ROW, []);
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines[4]).toMatch(/^\| run \| exact count/);
    expect(lines[6]).toBe(
      '| 2026-12-07 03:44 UTC, cd16a78 | 10/18 (56%) | 14/18 (78%) | 14.6° / 31.8° | 0.10 s | 0.86 / 0.86 | 16 | 7/7 | 1.31x / 1.84x | 2.1° / 15.3° over 25 |',
    );
    expect(lines[7]).toContain('| 7/7 | not run |');
  });
});
