// Go's text/tabwriter as the plugin configures it (minwidth 0, padding 2, pad with spaces): every
// cell but a row's last is padded to its column's widest cell plus two spaces. Widths count code
// points, as Go counts runes, so the one-character icons take one column.

const width = (s: string): number => [...s].length;

export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.slice(0, -1).forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, width(cell));
    });
  }
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) + 2 - width(cell)))).join(''));
}
