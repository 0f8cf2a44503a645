// What the panel plots from a planned series' answers (one range answer per line of the plan). NaN and
// ±Inf become null (the chart shows a gap with a marker, not a number it cannot place); any failed
// query makes the whole series an error that says where the query went, so the user knows which
// Prometheus refused.
import type { QueryData } from '../prometheus/parseQueryResponse';
import type { Result } from '../result';
import type { SeriesLine, SeriesView } from '../../shared/protocol';
import type { SeriesPlan } from './planSeries';

/** The view of one plan's answers (in the order of `plan.lines`). */
export function seriesView(plan: SeriesPlan, where: string, answers: readonly Result<QueryData, { message: string }>[]): SeriesView {
  const lines: SeriesLine[] = [];
  const warnings: string[] = [];
  for (const [i, line] of plan.lines.entries()) {
    const answer = answers[i];
    if (!answer) return { status: 'error', key: plan.key, where, message: `no answer for ${line.label}` };
    if (!answer.ok) return { status: 'error', key: plan.key, where, message: answer.error.message };
    const data = answer.value;
    warnings.push(...data.warnings);
    if (data.resultType !== 'matrix') {
      return { status: 'error', key: plan.key, where, message: `${line.label}: the query returns a ${data.resultType}, not a range of samples` };
    }
    for (const s of data.series) {
      // Several series of one query keep the line's role and tell themselves apart by their labels.
      const label = data.series.length === 1 ? line.label : `${line.label} ${labelText(s.labels)}`;
      lines.push({ label, role: line.role, t: s.samples.map((p) => p.t), v: s.samples.map((p) => (Number.isFinite(p.v) ? p.v : null)) });
    }
  }
  const query = plan.lines.length === 1 ? (plan.lines[0]?.query ?? '') : plan.lines.map((l) => `${l.label}: ${l.query}`).join('\n');
  return { status: 'ok', key: plan.key, where, query, stepSeconds: plan.step, lines, warnings, run: plan.run };
}

function labelText(labels: Readonly<Record<string, string>>): string {
  return `{${Object.entries(labels).map(([k, v]) => `${k}="${v}"`).join(', ')}}`;
}
