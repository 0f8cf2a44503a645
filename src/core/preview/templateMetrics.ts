// The metrics of the AnalysisTemplates in a file, with where they are, for the "Preview query"
// CodeLens and hover. Parsed per document (a broken document hides only its own lenses).
import { parseDocument } from 'yaml';
import { splitDocuments } from '../lint/splitDocuments';
import { nodeAt, spanAt } from '../lint/yamlPath';
import type { Span } from '../lint/types';
import { isRecord, stringAt, type JsonRecord } from '../untrustedJson';

export interface TemplateMetric {
  readonly templateKind: 'AnalysisTemplate' | 'ClusterAnalysisTemplate';
  readonly templateName: string;
  readonly metricName: string;
  readonly metricIndex: number;
  /** The metric spec as written (args not substituted). */
  readonly metric: JsonRecord;
  /** The template's `spec.args`, as written. */
  readonly templateArgs: readonly unknown[];
  /** `provider.prometheus.query`, '' when the metric has another provider. */
  readonly query: string;
  readonly address: string | undefined;
  /** The `- name:` of the metric, where the CodeLens sits. */
  readonly nameSpan: Span;
  /** The query's value, where the hover with the sparkline answers; undefined without a query. */
  readonly querySpan: Span | undefined;
}

function isTemplateKind(k: string | undefined): k is TemplateMetric['templateKind'] {
  return k === 'AnalysisTemplate' || k === 'ClusterAnalysisTemplate';
}

function valueSpan(range: readonly number[] | null | undefined): Span {
  return { start: range?.[0] ?? 0, end: range?.[1] ?? 0 };
}

export function templateMetrics(text: string): TemplateMetric[] {
  const out: TemplateMetric[] = [];
  for (const chunk of splitDocuments(text)) {
    if (!chunk.text.includes('Template')) continue;
    const doc = parseDocument(chunk.text);
    if (doc.errors.length > 0) continue;
    const value: unknown = doc.toJS();
    const kind = stringAt(value, 'kind');
    if (!isRecord(value) || !isTemplateKind(kind)) continue;
    const spec = isRecord(value.spec) ? value.spec : {};
    const metrics = Array.isArray(spec.metrics) ? spec.metrics : [];
    const templateArgs = Array.isArray(spec.args) ? spec.args : [];
    metrics.forEach((metric: unknown, i) => {
      if (!isRecord(metric)) return;
      const shift = (s: Span): Span => ({ start: s.start + chunk.base, end: s.end + chunk.base });
      const query = stringAt(metric, 'provider', 'prometheus', 'query') ?? '';
      out.push({
        templateKind: kind,
        templateName: stringAt(value, 'metadata', 'name') ?? '',
        metricName: stringAt(metric, 'name') ?? `metrics[${i}]`,
        metricIndex: i,
        metric,
        templateArgs,
        query,
        address: stringAt(metric, 'provider', 'prometheus', 'address'),
        nameSpan: shift(spanAt(doc, chunk.text, ['spec', 'metrics', i, 'name'], 'key')),
        // The whole value, block scalars included: the hover answers anywhere on the query.
        querySpan: query === '' ? undefined : shift(valueSpan(nodeAt(doc, ['spec', 'metrics', i, 'provider', 'prometheus', 'query'])?.range)),
      });
    });
  }
  return out;
}
