import { describe, expect, it } from 'vitest';
import { formatSummary } from './format-summary.ts';
import type { AnalyzeReport, ReportFoot, ReportRep } from './report.ts';

/** A rep as the report gives it: a 42-deg full pump with 1-s holds, unless `r` says otherwise. */
const reportRep = (r: Partial<ReportRep> & Pick<ReportRep, 'plantarPeakS' | 'dorsiPeakS'>): ReportRep => ({
  startS: r.plantarPeakS - 1,
  endS: r.dorsiPeakS + 0.5,
  plantarflexionDeg: 30,
  dorsiflexionDeg: 12,
  rangeDeg: 42,
  plantarHoldS: 1.1,
  dorsiHoldS: 1,
  legMoved: false,
  smoothness: 0.8,
  flags: [],
  full: true,
  confidence: 1,
  ...r,
});

/** A foot of the report: measured, degrees measured, no rep nor warning, unless `f` says otherwise. */
const footOf = (f: Partial<ReportFoot> & Pick<ReportFoot, 'side'>): ReportFoot => ({
  measured: true,
  repCount: f.reps?.length ?? 0,
  degrees: 'measured',
  neutralFrom: 'rest',
  reps: [],
  warnings: [],
  ...f,
});

describe('formatSummary', () => {
  it('says first, in words, why a recording was not counted', () => {
    const message = 'not counted: the person is standing.';
    const report: AnalyzeReport = {
      version: 1,
      input: { path: 'squats.mp4', kind: 'video', startS: 0, durationS: 8, frameRateHz: 30 },
      notCounted: { code: 'standing', message },
      feet: [
        {
          side: 'right',
          measured: true,
          repCount: 0,
          degrees: 'measured',
          neutralFrom: null,
          reps: [],
          warnings: [{ atS: 0, code: 'standing', message }],
        },
      ],
    };
    const text = formatSummary(report, { plantarHoldS: 1, dorsiHoldS: 1 }, 'note');
    const lines = text.split('\n');
    expect(lines[2]).toBe(`NOT COUNTED (standing): ${message}`);
    expect(text).toMatch(/RIGHT FOOT/);
  });

  it('gives the angle gain a calibration fitted to two decimals, as it can stand behind', () => {
    const report: AnalyzeReport = {
      version: 1,
      input: {
        path: 'clip.landmarks.json',
        kind: 'landmarks',
        startS: 0,
        durationS: 20,
        frameRateHz: 30,
        posture: 'sitting',
        angleGain: 0.9665148976876288,
      },
      feet: [footOf({ side: 'right' })],
    };
    const first = formatSummary(report, { plantarHoldS: 1, dorsiHoldS: 1 }, 'note').split('\n')[0];
    expect(first).toBe('clip.landmarks.json: landmarks, 20.0 s at 30.0 Hz, sitting, angle gain 0.97');
  });

  it("says why a side view's far foot is not measured, instead of calling it not visible", () => {
    const why =
      'in this side view the right foot is nearer the camera; the left foot is behind it, where it cannot be measured (film from the left side to count it)';
    const report: AnalyzeReport = {
      version: 1,
      input: { path: 'side.mp4', kind: 'video', startS: 0, durationS: 8, frameRateHz: 30 },
      feet: [
        footOf({ side: 'left', measured: false, warnings: [{ atS: 0, code: 'far-foot', message: why }] }),
        footOf({ side: 'right', measured: false }),
      ],
    };
    const text = formatSummary(report, { plantarHoldS: 1, dorsiHoldS: 1 }, 'note');
    expect(text).toContain(`LEFT FOOT: not measured: ${why}`);
    expect(text).toContain(
      'RIGHT FOOT: not measured: it was not visible enough (film that side to count it)',
    );
  });

  it('names every rep a run of per-rep warnings was about, and runs none across a late rep', () => {
    const w = (atS: number, message: string) => ({ atS, code: 'too-fast', message });
    const report: AnalyzeReport = {
      version: 1,
      input: { path: 'pumps.json', kind: 'landmarks', startS: 0, durationS: 30, frameRateHz: 30 },
      feet: [
        footOf({
          side: 'right',
          reps: [1, 2, 3, 4].map((i) => reportRep({ plantarPeakS: 4 * i, dorsiPeakS: 4 * i + 1 })),
          warnings: [
            w(12.6, 'rep 3 took 0.3 s; slow down and hold at each end'),
            w(13.4, 'rep 4 took 0.3 s; slow down and hold at each end'),
            // A rep counted late (a look-back's) warns after later ones, at its own earlier time.
            w(5.2, 'rep 5 took 0.3 s; slow down and hold at each end'),
          ],
        }),
      ],
    };
    const text = formatSummary(report, { plantarHoldS: 1, dorsiHoldS: 1 }, 'note');
    expect(text).toContain(
      'at 12.6 s-13.4 s (2x): too-fast: rep 3 took 0.3 s; slow down and hold at each end (also rep 4)',
    );
    expect(text).toContain('at 5.2 s: too-fast: rep 5 took 0.3 s');
  });

  it('lists each rep by its toes-down and toes-up peaks, in order, never overlapping the next', () => {
    // The engine's swing starts at the previous toes-up peak and the rep is recognised after it
    // leaves its own: those spans overlap (2.0-5.9 s and 5.4-8.1 s) and read as reps at once.
    const rep = (startS: number, plantarPeakS: number, dorsiPeakS: number, endS: number) =>
      reportRep({ startS, plantarPeakS, dorsiPeakS, endS });
    const report: AnalyzeReport = {
      version: 1,
      input: { path: 'phone.csv', kind: 'imu', startS: 0, durationS: 10, frameRateHz: 50 },
      feet: [
        {
          side: 'left',
          measured: true,
          repCount: 2,
          degrees: 'measured',
          neutralFrom: 'rest',
          reps: [rep(2, 3.1, 5.4, 5.9), rep(5.4, 6.6, 7.7, 8.1), rep(8.1, 10.2, 9.0, 10.8)],
          warnings: [],
        },
      ],
    };
    const lines = formatSummary(report, { plantarHoldS: 1, dorsiHoldS: 1 }, 'note').split('\n');
    expect(lines).toContain(
      '  each rep: toes down at -> toes up at (the other way round where marked "toes up first"), degrees from neutral, holds down / up',
    );
    const reps = lines.filter((l) => /^ +[123]\. /.test(l));
    expect(reps[0]).toMatch(/^ {3}1\. {3}3\.1 s -> 5\.4 s +down 30° +up +12°/);
    expect(reps[1]).toMatch(/^ {3}2\. {3}6\.6 s -> 7\.7 s /);
    expect(reps[0]).not.toMatch(/toes up first/);
    // A rep that started toes up (its toes-up peak first) says so, its ends in the order made.
    expect(reps[2]).toMatch(/^ {3}3\. {3}9\.0 s -> 10\.2 s .*\[toes up first\]$/);
  });

  it('counts a foot whose degrees were not measured, and shows no degree for it', () => {
    const rep = (plantarPeakS: number, dorsiPeakS: number) =>
      reportRep({
        plantarPeakS,
        dorsiPeakS,
        plantarflexionDeg: null,
        dorsiflexionDeg: null,
        rangeDeg: null,
        plantarHoldS: 1.2,
        dorsiHoldS: 0.4,
        flags: ['short-dorsi-hold'],
        full: null,
      });
    const report: AnalyzeReport = {
      version: 1,
      input: { path: 'side.mp4', kind: 'video', startS: 0, durationS: 9, frameRateHz: 20 },
      feet: [
        {
          side: 'right',
          measured: true,
          repCount: 2,
          degrees: 'not-measured',
          neutralFrom: 'rest',
          reps: [rep(1.6, 3.2), rep(5.4, 7.0)],
          warnings: [{ atS: 0, code: 'degrees-not-measured', message: 'its degrees are not shown' }],
        },
      ],
    };
    const text = formatSummary(report, { plantarHoldS: 1, dorsiHoldS: 1 }, 'note');
    expect(text).toContain('RIGHT FOOT: 2 reps (degrees not measured: full or shallow not judged)');
    expect(text).toContain('  range: not measured (see the warning degrees-not-measured)');
    const reps = text.split('\n').filter((l) => /^ +[12]\. /.test(l));
    expect(reps).toHaveLength(2);
    for (const line of reps) {
      expect(line).toContain('degrees not measured  holds');
      expect(line).not.toMatch(/°/);
    }
    // The holds are still measured and judged against the prescription.
    expect(text).toContain('toes-up hold:   median 0.4 s (asked 1 s; 0/2 long enough)');
  });
});
