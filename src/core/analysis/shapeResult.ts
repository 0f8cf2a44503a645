// Argo's Prometheus provider `processResponse` (§5.2): the query response becomes the `result` that
// conditions see (vector → []float64 in response order, scalar → float64, matrix → one flat []float64)
// and the measurement `value` string Argo stores (SampleValue.String(): `0.99`, `[0.99,0.98]`, `[]`, `NaN`).
import { parseGoFloat } from '../expr/exprBuiltins';
import { float64Slice, formatFloatF, type GoValue } from '../expr/goValue';
import { isRecord } from '../lint/lintDoc';

export type ResultKind = 'vector' | 'scalar' | 'matrix';

export type ShapedResult = { ok: true; kind: ResultKind; result: GoValue; value: string } | { ok: false; error: string };

const NOT_SUPPORTED: ShapedResult = { ok: false, error: 'Prometheus metric type not supported' };

/** A `[timestamp, "value"]` pair's value, parsed like the Prometheus client does. */
function sampleValue(pair: unknown): number | string {
  const raw = Array.isArray(pair) ? pair[1] : undefined;
  if (typeof raw !== 'string') return `malformed sample in Prometheus response: ${JSON.stringify(pair) ?? 'undefined'}`;
  const f = parseGoFloat(raw);
  return f === undefined ? `strconv.ParseFloat: parsing ${JSON.stringify(raw)}: invalid syntax` : f;
}

function list(values: number[]): ShapedResult & { ok: true } {
  return { ok: true, kind: 'vector', result: float64Slice(values), value: `[${values.map(formatFloatF).join(',')}]` };
}

/** `data` is the `data` member of a Prometheus /api/v1/query or /query_range response (untrusted). */
export function shapeResult(data: unknown): ShapedResult {
  if (!isRecord(data)) return NOT_SUPPORTED;
  const result = data.result;
  switch (data.resultType) {
    case 'scalar': {
      const v = sampleValue(result);
      if (typeof v === 'string') return { ok: false, error: v };
      return { ok: true, kind: 'scalar', result: v, value: formatFloatF(v) };
    }
    case 'vector': {
      const values: number[] = [];
      for (const s of Array.isArray(result) ? result : []) {
        if (s === null) continue; // Argo skips nil samples
        const v = sampleValue(isRecord(s) ? s.value : undefined);
        if (typeof v === 'string') return { ok: false, error: v };
        values.push(v);
      }
      return list(values);
    }
    case 'matrix': {
      const values: number[] = [];
      for (const series of Array.isArray(result) ? result : []) {
        const samples = isRecord(series) && Array.isArray(series.values) ? series.values : [];
        for (const pair of samples) {
          const v = sampleValue(pair);
          if (typeof v === 'string') return { ok: false, error: v };
          values.push(v);
        }
      }
      return { ...list(values), kind: 'matrix' };
    }
    default:
      return NOT_SUPPORTED;
  }
}
