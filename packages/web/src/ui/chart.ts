// A small SVG line chart for trends (range per foot, pain). It is decorative for screen readers:
// every chart sits beside a table with the same numbers.
import { s } from '../app/dom.ts';

export interface Series {
  readonly label: string;
  readonly color: string;
  /** Points as [x index, value]; gaps are allowed. */
  readonly points: readonly (readonly [number, number])[];
  readonly dash?: string;
}

/** Draws series over `count` x positions with a y axis from `yMin` to `yMax`. */
export function lineChart(series: readonly Series[], count: number, yMin: number, yMax: number): SVGElement {
  const W = 320;
  const H = 160;
  const pad = 28;
  const x = (i: number) => pad + (count <= 1 ? 0 : (i / (count - 1)) * (W - pad - 8));
  const y = (v: number) => H - pad - ((v - yMin) / (yMax - yMin || 1)) * (H - pad - 8);
  const grid = [yMin, (yMin + yMax) / 2, yMax].map((v) =>
    s(
      'g',
      {},
      s('line', { x1: pad, x2: W - 8, y1: y(v), y2: y(v), stroke: '#c4ccd6' }),
      s('text', { x: 2, y: y(v) + 4, 'font-size': 10, fill: '#333' }, String(Math.round(v))),
    ),
  );
  const lines = series.map((se) =>
    s(
      'g',
      {},
      s('polyline', {
        points: se.points.map(([i, v]) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' '),
        fill: 'none',
        stroke: se.color,
        'stroke-width': 2.5,
        ...(se.dash ? { 'stroke-dasharray': se.dash } : {}),
      }),
      ...se.points.map(([i, v]) => s('circle', { cx: x(i), cy: y(v), r: 3, fill: se.color })),
    ),
  );
  const legend = series.map((se, k) =>
    s(
      'g',
      {},
      s('line', {
        x1: pad + k * 110,
        x2: pad + k * 110 + 18,
        y1: H - 8,
        y2: H - 8,
        stroke: se.color,
        'stroke-width': 3,
      }),
      s('text', { x: pad + k * 110 + 22, y: H - 4, 'font-size': 11, fill: '#111' }, se.label),
    ),
  );
  return s(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, class: 'chart', 'aria-hidden': 'true' },
    ...grid,
    ...lines,
    ...legend,
  );
}
