// Draws the analysis as an SVG a reader understands without other documentation: each foot's
// angle over time, reps numbered at their peaks, each rep's measured ends marked, holds shaded,
// warnings marked, a legend inside.
import { type AnalysisResult, holdBandDeg, type Side } from '@anklepump/motion';
import { fullOrShallow } from './format-summary.ts';
import type { AnalyzeReport } from './report.ts';

const W = 960;
const PANEL_H = 230;
const M = { left: 58, right: 18, top: 34, bottom: 30 };
const COLORS = {
  line: '#1f4e8c',
  plantar: '#8fb8e8',
  dorsi: '#f2b36b',
  plantarEnd: '#1d5fa8',
  dorsiEnd: '#b35f00',
  warn: '#c0392b',
  grid: '#e3e3e3',
  text: '#222',
};

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const f1 = (x: number) => x.toFixed(1);

interface Hold {
  readonly startS: number;
  readonly endS: number;
  readonly direction: 'plantar' | 'dorsi';
}

/**
 * Each rep's holds as time spans: the run of samples around the peak within max(3 deg, 10% of the
 * range) of it, the engine's own definition, so the shading matches the hold seconds reported.
 */
function holdsOf(result: AnalysisResult, side: Side): Hold[] {
  const series = result.series?.[side] ?? [];
  const out: Hold[] = [];
  const span = (peakTMs: number, peakDeg: number, tol: number, direction: Hold['direction']) => {
    if (series.length === 0) return;
    let k = 0;
    for (let i = 1; i < series.length; i++) {
      if (Math.abs(series[i]!.tMs - peakTMs) < Math.abs(series[k]!.tMs - peakTMs)) k = i;
    }
    const near = (i: number) => Math.abs(series[i]!.angleDeg - peakDeg) <= tol;
    if (!near(k)) return;
    let a = k;
    let b = k;
    while (a > 0 && near(a - 1)) a--;
    while (b < series.length - 1 && near(b + 1)) b++;
    out.push({ startS: series[a]!.tMs / 1000, endS: series[b]!.tMs / 1000, direction });
  };
  for (const rep of result.reps[side]) {
    const tol = holdBandDeg(rep.rangeDeg);
    span(rep.plantarTMs, rep.peakPlantarDeg, tol, 'plantar');
    span(rep.dorsiTMs, rep.peakDorsiDeg, tol, 'dorsi');
  }
  return out;
}

/** A rep's end as the listing gives it: its time, seconds, and its degrees from neutral (signed). */
interface RepEnd {
  readonly rep: number;
  readonly tS: number;
  readonly deg: number;
  readonly end: 'plantar' | 'dorsi';
}

/**
 * Each rep's two ends where the summary lists them. A rep's degrees are measured from the angle
 * around each end (a quick pump's from its frames' own extremes: the motion engine's rep shape),
 * while the line is the smoothed angle the counting follows, which a quick pump's ends outrun:
 * drawn from the line alone, a pump listed at 49 deg showed a swing of 26 and its number floated
 * above it. None for a foot whose degrees were not measured.
 */
function repEnds(result: AnalysisResult, side: Side, measured: boolean): RepEnd[] {
  if (!measured) return [];
  return result.reps[side].flatMap((r, i) => [
    { rep: i + 1, tS: r.plantarTMs / 1000, deg: r.peakPlantarDeg, end: 'plantar' as const },
    { rep: i + 1, tS: r.dorsiTMs / 1000, deg: r.peakDorsiDeg, end: 'dorsi' as const },
  ]);
}

/** How far beyond the line near it (within this many seconds) an end must lie to be said to outrun it, degrees. */
const OUTRUN_DEG = 3;
const OUTRUN_NEAR_S = 0.3;

/** Whether any end lies more than OUTRUN_DEG beyond the line's extreme near it. */
function endsOutrunLine(
  series: readonly { tMs: number; angleDeg: number }[],
  ends: readonly RepEnd[],
): boolean {
  return ends.some((e) => {
    let reach = e.end === 'plantar' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    for (const p of series) {
      if (Math.abs(p.tMs / 1000 - e.tS) > OUTRUN_NEAR_S) continue;
      reach = e.end === 'plantar' ? Math.min(reach, p.angleDeg) : Math.max(reach, p.angleDeg);
    }
    return Number.isFinite(reach) && (e.end === 'plantar' ? reach - e.deg : e.deg - reach) > OUTRUN_DEG;
  });
}

/** Said under the plot when a rep's ends lie beyond the line: why the two differ. */
export const OUTRUN_NOTE =
  "Quick pumps: each rep's ends (the dots) are measured from the frames around them; the smoothed line the counting follows does not reach them.";

/** Room above the highest toes-up end for a rep's number, pixels (its circle and a gap). */
const NUMBER_ROOM_PX = 26;

function niceStep(span: number): number {
  for (const s of [5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1800]) if (span / s <= 8) return s;
  return 3600;
}

/** One foot's panel at `y0`; `ends`: its reps' ends in degrees (`repEnds`). */
function panel(
  report: AnalyzeReport,
  result: AnalysisResult,
  side: Side,
  ends: readonly RepEnd[],
  y0: number,
  durationS: number,
): string {
  const { startS } = report.input;
  const foot = report.feet.find((f) => f.side === side)!;
  const series = result.series?.[side] ?? [];
  // A foot whose degrees were not measured shows the shape of its rough angle with no degree scale.
  const scaled = foot.degrees === 'measured';
  const values = [...series.map((p) => p.angleDeg), ...ends.map((e) => e.deg)];
  const lo = Math.min(-20, ...values.map((a) => Math.floor(a / 10) * 10));
  let hi = Math.max(20, ...values.map((a) => Math.ceil(a / 10) * 10));
  const pw = W - M.left - M.right;
  const ph = PANEL_H - M.top - M.bottom;
  // Each rep's number sits above its toes-up end: the scale goes on up until the highest fits
  // inside the panel (above it, the number covered the foot's title).
  const numbered = result.reps[side].map((r) => r.peakDorsiDeg);
  const top = Math.max(Number.NEGATIVE_INFINITY, ...numbered);
  while (Number.isFinite(top) && ((hi - top) / (hi - lo)) * ph < NUMBER_ROOM_PX) hi += 10;
  // The file's own clock: a sensor log may start at the phone's uptime, not at 0.
  const x = (tS: number) => M.left + ((tS - startS) / durationS) * pw;
  const y = (deg: number) => y0 + M.top + ((hi - deg) / (hi - lo)) * ph;
  const out: string[] = [];
  // The far foot of a side view is not measured because it is hidden behind the near one.
  const far = foot.warnings.some((w) => w.code === 'far-foot');
  const title = foot.measured
    ? `${foot.repCount} reps ${fullOrShallow(foot)}`
    : far
      ? 'not measured (behind the other foot in this side view)'
      : 'not measured (not visible enough)';
  out.push(
    `<text x="${M.left}" y="${y0 + 20}" font-size="15" font-weight="bold">${side === 'left' ? 'Left' : 'Right'} foot: ${title}</text>`,
  );
  // Holds first, so the line draws over them.
  for (const h of holdsOf(result, side)) {
    const c = h.direction === 'plantar' ? COLORS.plantar : COLORS.dorsi;
    out.push(
      `<rect x="${f1(x(h.startS))}" y="${f1(y(hi))}" width="${f1(Math.max(1, x(h.endS) - x(h.startS)))}" height="${f1(ph)}" fill="${c}" opacity="0.45"/>`,
    );
  }
  for (let d = lo; d <= hi; d += 10) {
    if (!scaled && d !== 0) continue;
    out.push(
      `<line x1="${M.left}" x2="${W - M.right}" y1="${f1(y(d))}" y2="${f1(y(d))}" stroke="${d === 0 ? '#888' : COLORS.grid}" stroke-width="1"/>`,
    );
    if (scaled)
      out.push(
        `<text x="${M.left - 6}" y="${f1(y(d) + 4)}" font-size="11" text-anchor="end">${d > 0 ? '+' : ''}${d}°</text>`,
      );
  }
  if (!scaled)
    out.push(
      `<text x="${W - M.right - 4}" y="${f1(y(hi) + 12)}" font-size="11" text-anchor="end" fill="#666">rough angle from the pose model: degrees not measured</text>`,
    );
  // Neutral not seen: the zero line is the middle of what the foot did, not a position it held.
  const zeroLabel = foot.neutralFrom === 'movement' ? 'middle of the movement (neutral not seen)' : 'neutral';
  out.push(
    `<text x="${W - M.right - 4}" y="${f1(y(0) - 4)}" font-size="10" text-anchor="end" fill="#666">${zeroLabel}</text>`,
  );
  out.push(
    `<text x="${M.left + 4}" y="${f1(y(hi) + 12)}" font-size="10" fill="#666">toes up (toward shin)</text>`,
  );
  out.push(
    `<text x="${M.left + 4}" y="${f1(y(lo) - 4)}" font-size="10" fill="#666">toes down (pointed)</text>`,
  );
  const step = niceStep(durationS);
  for (let t = Math.ceil(startS / step - 1e-9) * step; t <= startS + durationS + 1e-9; t += step) {
    out.push(
      `<line x1="${f1(x(t))}" x2="${f1(x(t))}" y1="${f1(y(lo))}" y2="${f1(y(lo) + 4)}" stroke="#888"/>`,
    );
    out.push(`<text x="${f1(x(t))}" y="${f1(y(lo) + 16)}" font-size="11" text-anchor="middle">${t} s</text>`);
  }
  // Break the line at gaps (foot not visible) instead of drawing across them.
  let d = '';
  let prevT = Number.NEGATIVE_INFINITY;
  for (const p of series) {
    const tS = p.tMs / 1000;
    d += `${tS - prevT > 0.5 ? 'M' : 'L'}${f1(x(tS))},${f1(y(p.angleDeg))}`;
    prevT = tS;
  }
  if (d) out.push(`<path d="${d}" fill="none" stroke="${COLORS.line}" stroke-width="1.8"/>`);
  for (const e of ends) {
    const what = e.end === 'plantar' ? 'toes down' : 'toes up';
    const c = e.end === 'plantar' ? COLORS.plantarEnd : COLORS.dorsiEnd;
    out.push(
      `<circle cx="${f1(x(e.tS))}" cy="${f1(y(e.deg))}" r="3.5" fill="${c}"><title>${esc(`rep ${e.rep}: ${what} ${Math.round(Math.abs(e.deg))}° ${e.deg < 0 ? 'below' : 'above'} neutral at ${e.tS.toFixed(1)} s`)}</title></circle>`,
    );
  }
  foot.reps.forEach((r, i) => {
    // Between the rep's two ends: a person turned round (read toes down first, then toes up first)
    // has one toes-up end closing a rep and opening the next, and both numbers sat on it, one hidden.
    const px = x((r.plantarPeakS + r.dorsiPeakS) / 2);
    // The report's reps are the engine's, in order: the marker sits above the curve's toes-up peak.
    const py = y(result.reps[side][i]?.peakDorsiDeg ?? 0) - 12;
    const fill = r.full === false ? '#999' : COLORS.text;
    out.push(`<circle cx="${f1(px)}" cy="${f1(py - 4)}" r="8" fill="white" stroke="${fill}"/>`);
    out.push(
      `<text x="${f1(px)}" y="${f1(py)}" font-size="11" text-anchor="middle" fill="${fill}">${i + 1}</text>`,
    );
  });
  let lastWarnX = Number.NEGATIVE_INFINITY;
  for (const w of foot.warnings) {
    const wx = x(w.atS);
    if (wx - lastWarnX < 6) continue;
    lastWarnX = wx;
    const wy = y(lo);
    out.push(
      `<path d="M${f1(wx)},${f1(wy - 10)} l5,9 h-10 z" fill="${COLORS.warn}"><title>${esc(`${w.atS} s ${w.code}: ${w.message}`)}</title></path>`,
    );
  }
  if (series.length === 0) {
    const why = far ? 'far foot of the side view: no angle measured' : 'foot not visible: no angle measured';
    out.push(
      `<text x="${W / 2}" y="${f1(y0 + PANEL_H / 2)}" font-size="13" text-anchor="middle" fill="#666">${why}</text>`,
    );
  }
  return out.join('\n');
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The SVG document for the report. `result` is the engine's batch result with its series. */
export function plotSvg(report: AnalyzeReport, result: AnalysisResult, note: string): string {
  const sides = report.feet.map((f) => f.side);
  const durationS = Math.max(1, report.input.durationS);
  const titleY = 14;
  // The legend has a row of its own: beside the title, a long file name ran under it.
  const legendY = 32;
  const ends = report.feet.map((f) => repEnds(result, f.side, f.degrees === 'measured'));
  const outrun = report.feet.some((f, i) => endsOutrunLine(result.series?.[f.side] ?? [], ends[i]!));
  const noteLines = wrap(outrun ? `${OUTRUN_NOTE} ${note}` : note, 150);
  const panelsY = 44;
  const h = panelsY + sides.length * PANEL_H + 14 + noteLines.length * 14;
  const panels = sides.map((s, i) => panel(report, result, s, ends[i]!, panelsY + i * PANEL_H, durationS));
  const name = report.input.path.split('/').pop() ?? report.input.path;
  const lx = M.left;
  const legend = [
    `<text x="${M.left}" y="${titleY}" font-size="12">Ankle angle over time, ${esc(name)}</text>`,
    `<line x1="${lx}" x2="${lx + 22}" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${COLORS.line}" stroke-width="2"/><text x="${lx + 26}" y="${legendY}" font-size="11">angle (smoothed, as counted)</text>`,
    `<circle cx="${lx + 200}" cy="${legendY - 4}" r="3.5" fill="${COLORS.plantarEnd}"/><circle cx="${lx + 210}" cy="${legendY - 4}" r="3.5" fill="${COLORS.dorsiEnd}"/><text x="${lx + 218}" y="${legendY}" font-size="11">a rep's ends, as listed (toes down / up)</text>`,
    `<rect x="${lx + 440}" y="${legendY - 10}" width="14" height="10" fill="${COLORS.plantar}" opacity="0.6"/><text x="${lx + 458}" y="${legendY}" font-size="11">toes-down hold</text>`,
    `<rect x="${lx + 550}" y="${legendY - 10}" width="14" height="10" fill="${COLORS.dorsi}" opacity="0.6"/><text x="${lx + 568}" y="${legendY}" font-size="11">toes-up hold</text>`,
    `<circle cx="${lx + 657}" cy="${legendY - 4}" r="7" fill="white" stroke="#222"/><text x="${lx + 657}" y="${legendY}" font-size="9" text-anchor="middle">1</text><text x="${lx + 668}" y="${legendY}" font-size="11">rep (grey: shallow)</text>`,
    `<path d="M${lx + 788},${legendY - 10} l5,9 h-10 z" fill="${COLORS.warn}"/><text x="${lx + 797}" y="${legendY}" font-size="11">warning</text>`,
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${h}" viewBox="0 0 ${W} ${h}" font-family="DejaVu Sans, Arial, sans-serif" fill="${COLORS.text}">
<rect width="100%" height="100%" fill="white"/>
${legend.join('\n')}
${panels.join('\n')}
${noteLines.map((l, i) => `<text x="${M.left}" y="${h - 10 - (noteLines.length - 1 - i) * 14}" font-size="10" fill="#555">${esc(l)}</text>`).join('\n')}
</svg>
`;
}
