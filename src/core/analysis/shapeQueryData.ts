// `shapeResult` for an answer the Prometheus client already parsed (src/prometheus returns typed
// QueryData, not the raw JSON): the same `result` and stored `value` Argo's provider would produce.
// Sample values were parsed from Prometheus' strings into float64s exactly as Go parses them, so
// nothing is lost by shaping the numbers instead of the strings.
import { float64Slice, formatFloatF } from '../expr/goValue';
import type { QueryData } from '../prometheus/parseQueryResponse';
import { measurementOutcome, type Measurement } from './measurementOutcome';
import type { ShapedResult } from './shapeResult';

function list(values: number[], kind: 'vector' | 'matrix'): ShapedResult {
  return { ok: true, kind, result: float64Slice(values), value: `[${values.map(formatFloatF).join(',')}]` };
}

export function shapeQueryData(q: QueryData): ShapedResult {
  switch (q.resultType) {
    case 'scalar':
      return { ok: true, kind: 'scalar', result: q.sample.v, value: formatFloatF(q.sample.v) };
    case 'vector':
      return list(q.series.flatMap((s) => s.samples.map((x) => x.v)), 'vector');
    case 'matrix':
      return list(q.series.flatMap((s) => s.samples.map((x) => x.v)), 'matrix');
    default:
      return { ok: false, error: 'Prometheus metric type not supported' };
  }
}

/** One measurement from a parsed answer, as Argo would record it (see measureResponse). */
export function measureQueryData(metric: unknown, q: QueryData): Measurement {
  const shaped = shapeQueryData(q);
  if (!shaped.ok) return { phase: 'Error', message: shaped.error, value: '' };
  const outcome = measurementOutcome(metric, shaped.result);
  return { ...outcome, value: outcome.phase === 'Error' ? '' : shaped.value, result: shaped.result };
}
