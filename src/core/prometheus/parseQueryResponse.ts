// Reads a successful Prometheus query answer into typed series. Prometheus sends sample values as
// strings ("0.73", "NaN", "+Inf", "-Inf") and omits timestamps that have no data: those gaps stay
// gaps here (a chart must show them), nothing is interpolated or filled with null.
import { err, ok, type Result } from '../result';
import { isRecord } from '../untrustedJson';

/** One sample: `t` in Unix seconds (fractional), `v` a number that may be NaN or ±Infinity. */
export interface Sample {
  readonly t: number;
  readonly v: number;
}

export interface Series {
  readonly labels: Readonly<Record<string, string>>;
  readonly samples: readonly Sample[];
}

export type QueryData =
  /** Instant query over series: one sample per series, in response order. */
  | { readonly resultType: 'vector'; readonly series: readonly Series[]; readonly warnings: readonly string[] }
  /** Range query: samples in time order; missing timestamps are gaps. */
  | { readonly resultType: 'matrix'; readonly series: readonly Series[]; readonly warnings: readonly string[] }
  | { readonly resultType: 'scalar'; readonly sample: Sample; readonly warnings: readonly string[] }
  | { readonly resultType: 'string'; readonly t: number; readonly value: string; readonly warnings: readonly string[] };

/** A Prometheus sample value: Go's strconv.FormatFloat text, so "+Inf" / "-Inf" / "NaN" besides numbers. */
export function parseSampleValue(text: string): number | undefined {
  switch (text) {
    case 'NaN': return NaN;
    case '+Inf': case 'Inf': return Infinity;
    case '-Inf': return -Infinity;
  }
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isNaN(n) ? undefined : n;
}

function readSample(pair: unknown): Sample | undefined {
  if (!Array.isArray(pair) || pair.length !== 2) return undefined;
  const [t, v]: unknown[] = pair;
  if (typeof t !== 'number' || !Number.isFinite(t)) return undefined;
  const value = typeof v === 'string' ? parseSampleValue(v) : typeof v === 'number' ? v : undefined;
  return value === undefined ? undefined : { t, v: value };
}

function readLabels(metric: unknown): Record<string, string> {
  const labels: Record<string, string> = {};
  if (!isRecord(metric)) return labels;
  for (const [k, v] of Object.entries(metric)) if (typeof v === 'string') labels[k] = v;
  return labels;
}

function readWarnings(body: Record<string, unknown>): string[] {
  const w = body['warnings'];
  return Array.isArray(w) ? w.filter((x): x is string => typeof x === 'string') : [];
}

function readSeriesList(result: unknown, kind: 'vector' | 'matrix'): Result<Series[], string> {
  if (!Array.isArray(result)) return err(`"result" of a ${kind} is not a list`);
  const series: Series[] = [];
  for (const [i, item] of result.entries()) {
    if (!isRecord(item)) return err(`series ${i} is not an object`);
    const labels = readLabels(item['metric']);
    if (kind === 'vector') {
      // A native histogram sample ("histogram" instead of "value") has no single number to plot.
      const sample = readSample(item['value']);
      if (sample === undefined) return err(`series ${i} has no readable "value"`);
      series.push({ labels, samples: [sample] });
    } else {
      const values = item['values'];
      if (!Array.isArray(values)) return err(`series ${i} has no "values" list`);
      const samples: Sample[] = [];
      for (const pair of values) {
        const sample = readSample(pair);
        if (sample === undefined) return err(`series ${i} has an unreadable sample ${JSON.stringify(pair)}`);
        samples.push(sample);
      }
      series.push({ labels, samples });
    }
  }
  return ok(series);
}

/**
 * Parses the body of a 200 answer from /api/v1/query or /api/v1/query_range. The error is a short
 * description of why the body is not a Prometheus answer (a proxy's login page, a different API...).
 */
export function parseQueryResponse(body: unknown): Result<QueryData, string> {
  let json = body;
  if (typeof body === 'string') {
    try {
      json = JSON.parse(body);
    } catch {
      return err(`the answer is not JSON (starts with ${JSON.stringify(body.trim().slice(0, 40))})`);
    }
  }
  if (!isRecord(json)) return err('the answer is not a JSON object');
  if (json['status'] !== 'success') return err(`"status" is ${JSON.stringify(json['status'] ?? null)}, not "success"`);
  const data = json['data'];
  if (!isRecord(data)) return err('the answer has no "data" object');
  const warnings = readWarnings(json);
  const resultType = data['resultType'];
  const result = data['result'];
  switch (resultType) {
    case 'vector':
    case 'matrix': {
      const series = readSeriesList(result, resultType);
      return series.ok ? ok({ resultType, series: series.value, warnings }) : series;
    }
    case 'scalar': {
      const sample = readSample(result);
      return sample ? ok({ resultType, sample, warnings }) : err('the scalar result is not a [time, "value"] pair');
    }
    case 'string': {
      if (!Array.isArray(result) || typeof result[0] !== 'number' || typeof result[1] !== 'string') {
        return err('the string result is not a [time, "text"] pair');
      }
      return ok({ resultType, t: result[0], value: result[1], warnings });
    }
    default:
      return err(`unknown resultType ${JSON.stringify(resultType ?? null)}`);
  }
}
