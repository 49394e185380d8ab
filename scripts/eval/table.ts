import type { Cell, Ratio, Table } from './report.js';

function isRatio(cell: Cell): cell is Ratio {
  return typeof cell === 'object' && cell !== null;
}

/**
 * "n/of pct%", or "-" when nothing was compared (a 0/0 is not a score). The percentage is rounded
 * but never to 100% or 0% unless it is exactly that: 487/489 reads 99%, not 100%.
 */
export function formatRatio({ n, of }: Ratio): string {
  if (of === 0) return '-';
  const pct = Math.min(Math.max(Math.round((100 * n) / of), n > 0 ? 1 : 0), n < of ? 99 : 100);
  return `${n}/${of} ${pct}%`;
}

function formatCell(cell: Cell): string {
  if (cell === null) return '';
  if (isRatio(cell)) return formatRatio(cell);
  return String(cell);
}

/** Aligned plain-text table: numbers and ratios right-aligned, text left-aligned. */
export function renderTable(table: Table): string {
  const text = table.rows.map((row) => table.columns.map((_, i) => formatCell(row[i] ?? null)));
  const widths = table.columns.map((column, i) => Math.max(column.length, ...text.map((row) => row[i]?.length ?? 0)));
  const rightAligned = table.columns.map((_, i) =>
    table.rows.some((row) => typeof row[i] === 'number' || isRatio(row[i] ?? null)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (rightAligned[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [
    table.title,
    line(table.columns),
    line(widths.map((w) => '-'.repeat(w))),
    ...text.map(line),
  ].join('\n');
}

/** Rows as objects keyed by column, for `--json`. */
export function tableRecords(table: Table): Array<Record<string, Cell>> {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((column, i) => [column, row[i] ?? null])));
}
