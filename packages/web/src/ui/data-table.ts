// The accessible data table every screen uses: a caption (visible or for screen readers only),
// column headers with scope, an optional row header per row, and a focusable scrolling wrapper
// so keyboard users can scroll a table wider than a phone.
import { h } from '../app/dom.ts';

type Content = Node | string | null;

export interface DataTableSpec {
  readonly id?: string;
  readonly caption: string;
  /** Caption for screen readers only, when a heading above already names the table. */
  readonly captionHidden?: boolean;
  /** Column headers; the first heads the row-header column when rows have headers. */
  readonly columns: readonly Content[];
  readonly rows: readonly DataRow[];
  /** Wrap in a focusable region that scrolls sideways (default true). */
  readonly scroll?: boolean;
}

export interface DataRow {
  /** The row's name (a `th scope=row`), e.g. a date. */
  readonly header?: Content;
  readonly cells: readonly Content[];
  readonly attrs?: Record<string, string>;
}

/** Builds the table; cells are text or nodes, `null` shows as an en dash. */
export function dataTable(spec: DataTableSpec): HTMLElement {
  const cell = (c: Content) => (c === null ? '–' : c);
  const table = h(
    'table',
    spec.id ? { id: spec.id } : null,
    h('caption', spec.captionHidden ? { class: 'visually-hidden' } : null, spec.caption),
    h('thead', null, h('tr', null, ...spec.columns.map((c) => h('th', { scope: 'col' }, c ?? '')))),
    h(
      'tbody',
      null,
      ...spec.rows.map((r) =>
        h(
          'tr',
          r.attrs ?? null,
          r.header === undefined ? null : h('th', { scope: 'row' }, cell(r.header)),
          ...r.cells.map((c) => h('td', null, cell(c))),
        ),
      ),
    ),
  );
  if (spec.scroll === false) return table;
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': spec.caption }, table);
}
