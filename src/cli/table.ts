/** Aligned plain-text columns for the CLI: numbers right-aligned, everything else left-aligned. */
export function renderTable(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const text = rows.map((row) => columns.map((_, i) => (row[i] === null || row[i] === undefined ? '' : String(row[i]))));
  const widths = columns.map((c, i) => Math.max(c.length, ...text.map((r) => r[i]!.length)));
  const numeric = columns.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n');
}
