// What a backtest shows: the sentence, the same query against the stable version when the args name
// the canary (today's stable failing the analysis is the most useful warning there is), the values
// with the threshold, and each point's verdict. Rendered as Markdown for VS Code's preview: an inline
// SVG chart (values, dashed threshold, a coloured dot per verdict) and a table of the points that
// were not Successful.
import { substituteArgs, type ResolvedArg } from '../analysis/resolveArgs';
import { canaryStablePairs } from '../panel/planSeries';
import type { BacktestPoint, BacktestSummary } from './backtest';

/** The args with each value that names the canary replaced by its stable counterpart; undefined when none does. */
export function stableSwap(rollout: unknown, args: readonly ResolvedArg[]): ResolvedArg[] | undefined {
  const pairs = canaryStablePairs(rollout);
  let swapped = false;
  const out = args.map((a) => {
    const pair = a.source === 'secret' ? undefined : pairs.find((p) => p.canary === a.value);
    if (!pair) return a;
    swapped = true;
    return { ...a, value: pair.stable, from: `${a.from ?? a.name}, swapped for the stable version` };
  });
  return swapped ? out : undefined;
}

/** The stable query, when the swapped args change it. */
export function stableQuery(rawQuery: string, rollout: unknown, args: readonly ResolvedArg[], canaryQuery: string): string | undefined {
  const swapped = stableSwap(rollout, args);
  if (swapped === undefined) return undefined;
  const q = substituteArgs(rawQuery, swapped);
  return q.ok && q.text !== canaryQuery ? q.text : undefined;
}

const VERDICT_COLOUR: Readonly<Record<string, string>> = { Successful: '#388a34', Failed: '#e51400', Inconclusive: '#cc8800', Error: '#8b4ba1' };

/** Values as a line, the threshold dashed, each point's verdict as a dot (mid-tone colours that read on light and dark). */
export function backtestChartSvg(points: readonly BacktestPoint[], threshold: number | undefined, width = 720, height = 160): string {
  const pad = 6;
  const values = points.flatMap((p) => (p.v === null ? [] : [p.v])).concat(threshold !== undefined ? [threshold] : []);
  const t0 = points[0]?.t ?? 0;
  const t1 = points[points.length - 1]?.t ?? 1;
  let lo = values.length > 0 ? Math.min(...values) : 0;
  let hi = values.length > 0 ? Math.max(...values) : 1;
  if (hi === lo) {
    hi += Math.abs(hi) * 0.1 || 1;
    lo -= Math.abs(lo) * 0.1 || 1;
  }
  const x = (t: number): number => (t1 === t0 ? width / 2 : pad + ((t - t0) / (t1 - t0)) * (width - 2 * pad));
  const y = (v: number): number => pad + (1 - (v - lo) / (hi - lo)) * (height - 2 * pad - 8);
  const r = (n: number): string => (Math.round(n * 10) / 10).toString();
  const segments: string[] = [];
  let current: string[] = [];
  for (const p of points) {
    if (p.v === null) {
      if (current.length > 1) segments.push(current.join(' '));
      current = [];
      continue;
    }
    current.push(`${r(x(p.t))},${r(y(p.v))}`);
  }
  if (current.length > 1) segments.push(current.join(' '));
  const parts = segments.map((s) => `<polyline fill="none" stroke="#3794ff" stroke-width="1.5" points="${s}"/>`);
  if (threshold !== undefined) parts.push(`<line x1="${pad}" x2="${width - pad}" y1="${r(y(threshold))}" y2="${r(y(threshold))}" stroke="#cc8800" stroke-dasharray="4 3"/>`);
  // One dot per point on the bottom row: the verdict of a measurement taken then.
  const dotY = height - 4;
  for (const p of points) parts.push(`<circle cx="${r(x(p.t))}" cy="${dotY}" r="2" fill="${VERDICT_COLOUR[p.phase] ?? '#888'}"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

export interface BacktestReportInput {
  readonly title: string;
  readonly query: string;
  readonly where: string;
  readonly argsFrom: string;
  readonly threshold: number | undefined;
  readonly canary: { readonly points: readonly BacktestPoint[]; readonly summary: BacktestSummary };
  readonly stable?: { readonly query: string; readonly points: readonly BacktestPoint[]; readonly summary: BacktestSummary };
  /** Formats Unix seconds as the user reads them. */
  readonly clock: (sec: number) => string;
}

const MAX_TABLE_ROWS = 200;

function table(points: readonly BacktestPoint[], clock: (sec: number) => string): string[] {
  const notOk = points.filter((p) => p.phase !== 'Successful');
  if (notOk.length === 0) return ['Every point was Successful.'];
  const rows = notOk.slice(0, MAX_TABLE_ROWS).map((p) => `| ${clock(p.t)} | ${p.phase} | ${p.text.replace(/\|/g, '\\|')} |`);
  const more = notOk.length > MAX_TABLE_ROWS ? [`… and ${notOk.length - MAX_TABLE_ROWS} more`] : [];
  return ['| Time | Verdict | Value |', '| --- | --- | --- |', ...rows, ...more];
}

function dataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

export function backtestMarkdown(r: BacktestReportInput): string {
  const lines = [
    `# Backtest: ${r.title}`,
    '',
    `**${capitalize(r.canary.summary.sentence)}.**`,
    '',
  ];
  if (r.stable) lines.push(`Against the stable version (the args swapped): **${r.stable.summary.sentence}.**`, '');
  lines.push(`![values, threshold and verdicts](${dataUri(backtestChartSvg(r.canary.points, r.threshold))})`, '');
  lines.push('Blue: the value; dashed: the threshold; dots: each point’s verdict (green Successful, red Failed, orange Inconclusive, purple Error).', '');
  lines.push(...table(r.canary.points, r.clock), '');
  if (r.stable) {
    lines.push('## Stable', '', '```promql', r.stable.query, '```', '', `![stable values](${dataUri(backtestChartSvg(r.stable.points, r.threshold))})`, '', ...table(r.stable.points, r.clock), '');
  }
  lines.push('## Query', '', '```promql', r.query, '```', '', `Sent to ${r.where}; ${r.argsFrom}. ${r.canary.points.length} points, runs replayed from each start: ${countsText(r.canary.summary)}.`, '');
  return lines.join('\n');
}

function countsText(s: BacktestSummary): string {
  return Object.entries(s.counts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(', ') || 'none';
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
