// The accessible data table every screen uses: a caption (visible or for screen readers only),
// column headers with scope, an optional row header per row, and a focusable scrolling wrapper
// so keyboard users can scroll a table wider than a phone.
import { h, type Props } from '../app/dom.ts';

/** What a cell holds: text, a node, several of them, or `null` (shown as an en dash). */
type Content = Node | string | readonly (Node | string)[] | null;

/** A cell with attributes of its own (e.g. `data-col`, which tests and styles select on). */
export interface DataCell {
  readonly content: Content;
  readonly attrs?: Props;
}

type Cell = Content | DataCell;

export interface DataTableSpec {
  readonly id?: string;
  readonly caption: string;
  /** Caption for screen readers only, when a heading above already names the table. */
  readonly captionHidden?: boolean;
  /**
   * Column headers; the first heads the row-header column when rows have headers. `null` is an
   * empty corner cell (a `td`: it heads nothing).
   */
  readonly columns: readonly Cell[];
  readonly rows: readonly DataRow[];
  /** Wrap in a focusable region that scrolls sideways (default true). */
  readonly scroll?: boolean;
  /** The scrolling region's name, when it should differ from the caption. */
  readonly label?: string;
}

export interface DataRow {
  /** The row's name (a `th scope=row`), e.g. a date. */
  readonly header?: Cell;
  readonly cells: readonly Cell[];
  readonly attrs?: Props;
}

function isDataCell(c: Cell): c is DataCell {
  return c !== null && typeof c === 'object' && !Array.isArray(c) && !(c instanceof Node);
}

/** A cell's element: `null` content shows as an en dash. */
function cellOf(tag: 'th' | 'td', c: Cell, attrs: Props | null): HTMLElement {
  const { content, attrs: own } = isDataCell(c) ? c : { content: c, attrs: undefined };
  return h(tag, { ...attrs, ...own }, content === null ? '–' : content);
}

/** The `tr` elements of `rows`, for a table that grows (e.g. a next page appended to its tbody). */
export function dataRows(rows: readonly DataRow[]): HTMLTableRowElement[] {
  return rows.map((r) =>
    h(
      'tr',
      r.attrs ?? null,
      r.header === undefined ? null : cellOf('th', r.header, { scope: 'row' }),
      ...r.cells.map((c) => cellOf('td', c, null)),
    ),
  );
}

/** Builds the table (inside its scrolling region unless `scroll: false`). */
export function dataTable(spec: DataTableSpec): HTMLElement {
  const table = h(
    'table',
    spec.id ? { id: spec.id } : null,
    h('caption', spec.captionHidden ? { class: 'visually-hidden' } : null, spec.caption),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ...spec.columns.map((c) => (c === null ? h('td', null) : cellOf('th', c, { scope: 'col' }))),
      ),
    ),
    h('tbody', null, dataRows(spec.rows)),
  );
  if (spec.scroll === false) return table;
  return h(
    'div',
    { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': spec.label ?? spec.caption },
    table,
  );
}
