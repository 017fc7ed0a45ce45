import type { AnalysisResult, RepMetrics, Side } from '@anklepump/motion';
import { describe, expect, it } from 'vitest';
import { formatSummary } from './format-summary.ts';
import { OUTRUN_NOTE, plotSvg } from './plot-svg.ts';
import { buildReport } from './report.ts';

const rep = (index: number, t0: number, full: boolean): RepMetrics => ({
  side: 'right',
  tMs: (t0 + 4) * 1000,
  index,
  full,
  rangeDeg: full ? 40 : 12,
  peakPlantarDeg: full ? -28 : -8,
  peakDorsiDeg: full ? 12 : 4,
  plantarHoldS: 1,
  dorsiHoldS: 1,
  cycleS: 3,
  startTMs: t0 * 1000,
  plantarTMs: (t0 + 1) * 1000,
  dorsiTMs: (t0 + 3) * 1000,
  legMoved: false,
  legMovementMeasured: true,
  sparc: -1.8,
  smoothness: 0.9,
  confidence: 1,
});

// A toes-down / toes-up wave sampled at 10 Hz whose peaks match the reps above.
const series = Array.from({ length: 100 }, (_, i) => {
  const t = i / 10;
  const inRep = t % 5;
  const a = inRep < 2 ? -28 : inRep < 4 ? 12 : 0;
  return { tMs: t * 1000, angleDeg: t >= 5 ? a * 0.3 : a };
});

const result: AnalysisResult = {
  events: [],
  reps: { left: [], right: [rep(1, 0, true), rep(2, 5, false)] },
  warnings: [
    {
      type: 'warning',
      side: 'right',
      tMs: 7000,
      code: 'too-shallow',
      message: 'rep 2: range 12 deg is below 24 deg',
    },
  ],
  series: { left: [], right: series },
  calibration: {
    version: 1,
    source: 'landmarks',
    correction: { gain: 1, offsetDeg: 0 },
    left: null,
    right: null,
  },
};
const input = { path: '/x/clip.mp4', kind: 'video' as const, startS: 0, durationS: 10, frameRateHz: 30 };

/** The report of `r` for `sides` (1-s holds asked, 0.7-s fast cycle), the `rough` feet without degrees. */
const reportOf = (r: AnalysisResult, sides: Side[], rough: Side[] = [], withSeries = false) =>
  buildReport(r, input, sides, { plantarHoldS: 1, dorsiHoldS: 1 }, 0.7, withSeries, rough);

describe('plotSvg', () => {
  const report = reportOf(result, ['left', 'right']);
  const svg = plotSvg(report, result, 'note & caveat');

  it('titles each foot with its counts, and says when a foot was not measured', () => {
    expect(svg).toContain('Right foot: 2 reps (1 full, 1 shallow)');
    expect(svg).toContain('Left foot: not measured (not visible enough)');
    expect(svg).toContain('Ankle angle over time, clip.mp4');
  });

  it("titles a side view's far foot as hidden behind the other, not as unseen", () => {
    const farReport = {
      ...report,
      feet: report.feet.map((f) =>
        f.side === 'left'
          ? {
              ...f,
              warnings: [{ atS: 0, code: 'far-foot', message: 'the left foot is behind the right one' }],
            }
          : f,
      ),
    };
    const farSvg = plotSvg(farReport, result, 'note');
    expect(farSvg).toContain('Left foot: not measured (behind the other foot in this side view)');
    expect(farSvg).toContain('far foot of the side view: no angle measured');
    expect(farSvg).not.toContain('Left foot: not measured (not visible enough)');
  });

  it('numbers the reps, greys the shallow one, shades holds and marks the warning with its text', () => {
    expect(svg).toMatch(/fill="#222">1<\/text>/);
    expect(svg).toMatch(/fill="#999">2<\/text>/);
    expect((svg.match(/opacity="0.45"/g) ?? []).length).toBe(4);
    expect(svg).toContain('<title>7 s too-shallow: rep 2: range 12 deg is below 24 deg</title>');
  });

  it('shows both numbers of two reps that share an end (a person read the other way round from then on)', () => {
    // Rep 1 toes down at 1 s, up at 3 s; rep 2 toes up first at that same 3 s, down at 4 s.
    const turned = { ...rep(2, 0, true), plantarTMs: 4000, dorsiTMs: 3000, tMs: 4500 };
    const r: AnalysisResult = {
      ...result,
      reps: { left: [], right: [rep(1, 0, true), turned] },
      warnings: [],
    };
    const marks = [
      ...plotSvg(reportOf(r, ['right']), r, '').matchAll(/<circle cx="([\d.]+)" cy="[\d.]+" r="8"/g),
    ];
    expect(marks).toHaveLength(2);
    // Apart by more than a marker's width (16 px).
    expect(Math.abs(Number(marks[0]![1]) - Number(marks[1]![1]))).toBeGreaterThan(16);
  });

  it("marks each rep's ends where the listing puts them, and says nothing of quick pumps when the line reaches them", () => {
    const ends = [...svg.matchAll(/r="3.5" fill="#[0-9a-f]+"><title>([^<]+)<\/title>/g)].map((m) => m[1]);
    expect(ends).toEqual([
      'rep 1: toes down 28° below neutral at 1.0 s',
      'rep 1: toes up 12° above neutral at 3.0 s',
      'rep 2: toes down 8° below neutral at 6.0 s',
      'rep 2: toes up 4° above neutral at 8.0 s',
    ]);
    expect(svg).not.toContain(OUTRUN_NOTE);
  });

  it("widens the scale to a quick pump's listed ends, keeps its number inside the panel, and says why the line falls short", () => {
    // A quick pump listed at -40 / +34 deg (its frames' extremes) whose smoothed line swings -20 / +15.
    const quick = { ...rep(1, 0, true), rangeDeg: 74, peakPlantarDeg: -40, peakDorsiDeg: 34 };
    const line = series
      .slice(0, 50)
      .map((p) => ({ tMs: p.tMs, angleDeg: p.angleDeg < 0 ? -20 : p.angleDeg > 0 ? 15 : 0 }));
    const r: AnalysisResult = {
      ...result,
      reps: { left: [], right: [quick] },
      warnings: [],
      series: { left: [], right: line },
    };
    const out = plotSvg(reportOf(r, ['right']), r, 'note');
    expect(out).toContain(OUTRUN_NOTE);
    expect(out).toContain('rep 1: toes up 34° above neutral at 3.0 s');
    // The scale reaches the ends (the line alone reached +20 / -20).
    expect(out).toMatch(/>-40°<\/text>/);
    // A scale label's line: its text sits 4 px below it.
    const yOf = (label: string) => {
      const at = out.indexOf(`text-anchor="end">${label}°</text>`);
      return Number(out.slice(0, at).match(/y="([\d.]+)" font-size="11" $/)![1]) - 4;
    };
    const upEnd = out.match(/cy="([\d.]+)" r="3.5" fill="#b35f00"><title>/)!;
    const y34 = yOf('+30') - ((yOf('+30') - yOf('+40')) * 4) / 10;
    expect(Number(upEnd[1])).toBeCloseTo(y34, 0);
    // The rep's number: its circle's top below the foot's title, not over it.
    const titleY = Number(out.match(/y="([\d.]+)" font-size="15" font-weight="bold">Right foot/)![1]);
    const circle = out.match(/<circle cx="[\d.]+" cy="([\d.]+)" r="8"/)!;
    expect(Number(circle[1]) - 8).toBeGreaterThan(titleY + 4);
    // And above its own toes-up end, not on it.
    expect(Number(circle[1]) + 8).toBeLessThan(Number(upEnd[1]) - 3.5);
  });

  it('escapes text and carries the accuracy note', () => {
    expect(svg).toContain('note &amp; caveat');
    expect(svg).not.toContain('note & caveat');
  });

  it('draws a foot whose degrees were not measured without a degree scale, its reps still numbered', () => {
    const rough = reportOf(result, ['right'], ['right']);
    const roughSvg = plotSvg(rough, result, 'note');
    expect(roughSvg).toContain('Right foot: 2 reps (degrees not measured: full or shallow not judged)');
    expect(roughSvg).toContain('rough angle from the pose model: degrees not measured');
    expect(roughSvg).not.toMatch(/>[+-]?\d+°<\/text>/);
    // Nor a rep's ends in degrees.
    expect(roughSvg).not.toMatch(/r="3.5" fill="#[0-9a-f]+"><title>/);
    // Both reps numbered in the ordinary colour: neither is judged shallow.
    expect(roughSvg).toMatch(/fill="#222">1<\/text>/);
    expect(roughSvg).toMatch(/fill="#222">2<\/text>/);
    // The measured report has its scale: +10°, -20° ...
    expect(svg).toMatch(/>\+10°<\/text>/);
  });
});

describe('buildReport', () => {
  it('gives a foot whose degrees were not measured its reps and holds, but no degree, not even in the series', () => {
    const both = {
      ...result,
      reps: { left: [rep(1, 0, true)], right: result.reps.right },
      series: { left: series, right: series },
    };
    const report = reportOf(both, ['left', 'right'], ['right'], true);
    const [left, right] = report.feet;
    expect(left!.degrees).toBe('measured');
    expect(left!.reps[0]).toMatchObject({ plantarflexionDeg: 28, dorsiflexionDeg: 12, rangeDeg: 40 });
    expect(right!.degrees).toBe('not-measured');
    expect(right!.repCount).toBe(2);
    for (const r of right!.reps) {
      expect(r).toMatchObject({
        plantarflexionDeg: null,
        dorsiflexionDeg: null,
        rangeDeg: null,
        plantarHoldS: 1,
      });
    }
    // Full or shallow is a matter of degrees: not judged, and the range warning is not given.
    expect(right!.reps.map((r) => r.full)).toEqual([null, null]);
    expect(right!.reps[1]!.flags).not.toContain('shallow');
    expect(right!.warnings.some((w) => w.code === 'too-shallow')).toBe(false);
    expect(left!.reps[0]!.full).toBe(true);
    const s = report.series!;
    expect(s.filter((p) => p.side === 'right').every((p) => p.angleDeg === null)).toBe(true);
    expect(s.filter((p) => p.side === 'left').every((p) => typeof p.angleDeg === 'number')).toBe(true);
  });

  it('lists a pump the camera went back for after the reps it came before, flagged counted late', () => {
    // The engine counted reps at 10 s and 15 s, then went back for a pump at 5 s (look-back.ts).
    const r = { ...result, reps: { left: [], right: [rep(1, 10, true), rep(2, 15, true), rep(3, 5, true)] } };
    const report = reportOf(r, ['right']);
    expect(report.feet[0]!.reps.map((x) => x.flags.includes('counted-late'))).toEqual([false, false, true]);
    // In the order counted, so that its number is the one the engine's warnings give it.
    expect(report.feet[0]!.reps.map((x) => x.plantarPeakS)).toEqual([11, 16, 6]);
    const text = formatSummary(report, { plantarHoldS: 1, dorsiHoldS: 1 }, 'note');
    expect(text).toMatch(/ 3\. +6\.0 s -> 8\.0 s .*counted-late/);
  });

  it('flags a video rep whose leg the engine could not see, and says so in the summary; a phone log not', () => {
    const unseen = { ...rep(2, 5, true), legMovementMeasured: false };
    const r = { ...result, reps: { left: [], right: [rep(1, 0, true), unseen] }, warnings: [] };
    const video = reportOf(r, ['right']);
    expect(video.feet[0]!.reps.map((x) => x.flags.includes('leg-not-seen'))).toEqual([false, true]);
    expect(video.feet[0]!.reps[1]!.legMoved).toBe(false);
    const text = formatSummary(video, { plantarHoldS: 1, dorsiHoldS: 1 }, 'note');
    expect(text).toContain('whether the leg moved was not judged in 1 rep(s)');
    // A phone on the foot reads no leg at all: no rep of its log is flagged for it.
    const phone = buildReport(
      { ...r, reps: { left: [], right: [unseen, unseen] } },
      { ...input, path: '/x/log.csv', kind: 'imu' },
      ['right'],
      { plantarHoldS: 1, dorsiHoldS: 1 },
      0.7,
      false,
    );
    expect(phone.feet[0]!.reps.some((x) => x.flags.includes('leg-not-seen'))).toBe(false);
    expect(formatSummary(phone, { plantarHoldS: 1, dorsiHoldS: 1 }, 'note')).not.toContain('not judged');
  });
});
