// Draws the analysis as an SVG a reader understands without other documentation: each foot's
// angle over time, reps numbered at their peaks, holds shaded, warnings marked, a legend inside.
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

function niceStep(span: number): number {
  for (const s of [5, 10, 15, 20, 30, 60, 120, 300, 600, 900, 1800]) if (span / s <= 8) return s;
  return 3600;
}

function panel(
  report: AnalyzeReport,
  result: AnalysisResult,
  side: Side,
  y0: number,
  durationS: number,
): string {
  const { startS } = report.input;
  const foot = report.feet.find((f) => f.side === side)!;
  const series = result.series?.[side] ?? [];
  const angles = series.map((p) => p.angleDeg);
  const lo = Math.min(-20, ...angles.map((a) => Math.floor(a / 10) * 10));
  const hi = Math.max(20, ...angles.map((a) => Math.ceil(a / 10) * 10));
  const pw = W - M.left - M.right;
  const ph = PANEL_H - M.top - M.bottom;
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
  // A foot whose degrees were not measured shows the shape of its rough angle with no degree scale.
  const scaled = foot.degrees === 'measured';
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
  foot.reps.forEach((r, i) => {
    // Between the rep's two ends: a person turned round (read toes down first, then toes up first)
    // has one toes-up end closing a rep and opening the next, and both numbers sat on it, one hidden.
    const px = x((r.plantarPeakS + r.dorsiPeakS) / 2);
    // The report's reps are the engine's, in order: the marker sits above the curve's toes-up peak.
    const py = y(result.reps[side][i]?.peakDorsiDeg ?? 0) - 8;
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
  const legendY = 14;
  const noteLines = wrap(note, 150);
  const h = 26 + sides.length * PANEL_H + 14 + noteLines.length * 14;
  const panels = sides.map((s, i) => panel(report, result, s, 26 + i * PANEL_H, durationS));
  const name = report.input.path.split('/').pop() ?? report.input.path;
  const legend = [
    `<text x="${M.left}" y="${legendY}" font-size="12">Ankle angle over time, ${esc(name)}</text>`,
    `<line x1="440" x2="462" y1="${legendY - 4}" y2="${legendY - 4}" stroke="${COLORS.line}" stroke-width="2"/><text x="466" y="${legendY}" font-size="11">angle</text>`,
    `<rect x="510" y="${legendY - 10}" width="14" height="10" fill="${COLORS.plantar}" opacity="0.6"/><text x="528" y="${legendY}" font-size="11">toes-down hold</text>`,
    `<rect x="620" y="${legendY - 10}" width="14" height="10" fill="${COLORS.dorsi}" opacity="0.6"/><text x="638" y="${legendY}" font-size="11">toes-up hold</text>`,
    `<circle cx="727" cy="${legendY - 4}" r="7" fill="white" stroke="#222"/><text x="727" y="${legendY}" font-size="9" text-anchor="middle">1</text><text x="738" y="${legendY}" font-size="11">rep (grey: shallow)</text>`,
    `<path d="M858,${legendY - 10} l5,9 h-10 z" fill="${COLORS.warn}"/><text x="867" y="${legendY}" font-size="11">warning</text>`,
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${h}" viewBox="0 0 ${W} ${h}" font-family="DejaVu Sans, Arial, sans-serif" fill="${COLORS.text}">
<rect width="100%" height="100%" fill="white"/>
${legend.join('\n')}
${panels.join('\n')}
${noteLines.map((l, i) => `<text x="${M.left}" y="${h - 10 - (noteLines.length - 1 - i) * 14}" font-size="10" fill="#555">${esc(l)}</text>`).join('\n')}
</svg>
`;
}
