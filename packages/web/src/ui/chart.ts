// The one line chart of the app and the portal: an SVG picture (role img, named by its title and
// summary), a legend that tells series apart by dash as well as colour, and the same numbers as
// a data table behind a disclosure for screen readers, keyboard users and exact values.
import { h, s } from '../app/dom.ts';
import { dataTable } from './data-table.ts';

export interface Series {
  readonly label: string;
  /** One value per x position; null where there is no value. */
  readonly values: readonly (number | null)[];
  /** A dash pattern, so series differ by more than colour. */
  readonly dash: string;
  readonly colour: string;
}

export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  /** Make the title a heading of this level inside the caption (screens that outline by headings). */
  readonly heading?: 'h2' | 'h3';
  /** What the chart shows, read out as the image's name. */
  readonly summary: string;
  readonly xLabels: readonly string[];
  readonly series: readonly Series[];
  readonly yMax: number;
  readonly yUnit: string;
  readonly tableLabel: string;
  readonly format: (v: number) => string;
  /** Drawing size (default wide). */
  readonly size?: keyof typeof SIZES;
}

/** Drawing sizes: `wide` for the portal's desktop pages, `compact` keeps labels readable on a phone. */
const SIZES = {
  wide: { W: 640, H: 220, font: 15, PAD: { l: 44, r: 12, t: 12, b: 28 } },
  compact: { W: 360, H: 200, font: 14, PAD: { l: 40, r: 10, t: 10, b: 16 } },
} as const;

/** The chart figure: SVG (role img) + legend + a table alternative. */
export function lineChart(c: ChartSpec): HTMLElement {
  const { W, H, PAD, font } = SIZES[c.size ?? 'wide'];
  const n = c.xLabels.length;
  const x = (i: number) => PAD.l + (n <= 1 ? (W - PAD.l - PAD.r) / 2 : (i * (W - PAD.l - PAD.r)) / (n - 1));
  const y = (v: number) => H - PAD.b - (Math.min(v, c.yMax) / c.yMax) * (H - PAD.t - PAD.b);
  // Round steps a reader can use: fifths of 10 for pain, quarters of 80 for degrees.
  const steps = c.yMax % 5 === 0 && c.yMax <= 10 ? 5 : 4;
  const ticks = Array.from({ length: steps + 1 }, (_, i) => (i * c.yMax) / steps);
  const grid = ticks.map((t) =>
    s(
      'g',
      {},
      s('line', { x1: PAD.l, x2: W - PAD.r, y1: y(t), y2: y(t), stroke: '#c8ccd2', 'stroke-width': 1 }),
      s(
        'text',
        { x: PAD.l - 8, y: y(t) + 5, 'text-anchor': 'end', 'font-size': font, fill: '#3d4451' },
        `${t}${c.yUnit}`,
      ),
    ),
  );
  const lines = c.series.map((se) => {
    const pts = se.values.map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`));
    const d = pts.reduce<string>(
      (acc, p, i) => (p === null ? acc : `${acc}${i === 0 || pts[i - 1] === null ? 'M' : 'L'}${p} `),
      '',
    );
    return s(
      'g',
      {},
      s('path', { d, fill: 'none', stroke: se.colour, 'stroke-width': 2.5, 'stroke-dasharray': se.dash }),
      ...se.values.flatMap((v, i) =>
        v === null ? [] : [s('circle', { cx: x(i), cy: y(v), r: 4, fill: se.colour })],
      ),
    );
  });
  const svg = s(
    'svg',
    {
      viewBox: `0 0 ${W} ${H}`,
      role: 'img',
      'aria-labelledby': `${c.id}-title ${c.id}-sum`,
      class: 'chart',
      preserveAspectRatio: 'none',
    },
    ...grid,
    ...lines,
  );
  const legend = h(
    'ul',
    { class: 'legend' },
    c.series.map((se) =>
      h(
        'li',
        null,
        h('span', {
          class: 'swatch',
          style: `border-top: 3px ${se.dash === 'none' ? 'solid' : 'dashed'} ${se.colour}`,
          'aria-hidden': 'true',
        }),
        se.label,
      ),
    ),
  );
  const table = dataTable({
    id: `${c.id}-table`,
    caption: c.tableLabel,
    columns: ['', ...c.series.map((se) => se.label)],
    rows: c.xLabels.map((lbl, i) => ({
      header: lbl,
      cells: c.series.map((se) => {
        const v = se.values[i];
        return v === null || v === undefined ? null : c.format(v);
      }),
    })),
    scroll: false,
  });
  return h(
    'figure',
    { class: 'chart-figure', id: c.id },
    h('figcaption', { id: `${c.id}-title` }, c.heading ? h(c.heading, null, c.title) : c.title),
    h('p', { id: `${c.id}-sum`, class: 'muted' }, c.summary),
    svg,
    legend,
    h('details', null, h('summary', null, c.tableLabel), table),
  );
}
