// uPlot draws columns that share one x array. Prometheus lines of one range query share a step grid
// but each may miss timestamps (gaps), so the lines are merged on the union of their timestamps and a
// line gets null where it has no sample: uPlot breaks the line there instead of drawing across a gap.
import type { SeriesLine } from '../src/shared/protocol';

export interface Aligned {
  readonly xs: number[];
  readonly ys: (number | null)[][];
}

/** Union of the lines' ascending timestamps; each line's values at them, null where absent. Linear in the points. */
export function alignSeries(lines: readonly Pick<SeriesLine, 't' | 'v'>[]): Aligned {
  const first = lines[0];
  // The common case: every line of a range query sampled at every step, so nothing to merge.
  if (first && lines.every((l) => sameTimes(l.t, first.t))) return { xs: [...first.t], ys: lines.map((l) => [...l.v]) };
  const cursors = lines.map(() => 0);
  const xs: number[] = [];
  const ys: (number | null)[][] = lines.map(() => []);
  for (;;) {
    let next = Infinity;
    lines.forEach((line, i) => {
      const t = line.t[cursors[i] ?? 0];
      if (t !== undefined && t < next) next = t;
    });
    if (next === Infinity) break;
    xs.push(next);
    lines.forEach((line, i) => {
      const c = cursors[i] ?? 0;
      const column = ys[i];
      if (!column) return;
      if (line.t[c] === next) {
        column.push(line.v[c] ?? null);
        cursors[i] = c + 1;
      } else column.push(null);
    });
  }
  return { xs, ys };
}

function sameTimes(a: readonly number[], b: readonly number[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
