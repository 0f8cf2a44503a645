// Where the simulator's AnalysisRuns get their numbers: a function standing in for the metric
// provider. It answers with the `data` member of a Prometheus query response (evaluated exactly as
// Argo evaluates it, through src/core/analysis) or with an error, which becomes an Error measurement.
// It may answer at once or with a Promise (a real Prometheus, prometheusMetricSource.ts): the
// simulator then holds the rollouts until the answer is in (inFlightMeasurements.ts), so both kinds
// give the same history.

export interface MetricRequest {
  /** The AnalysisRun asking. */
  readonly run: string;
  readonly namespace: string;
  /** metrics[].name */
  readonly metric: string;
  /** 'prometheus', 'web', 'job', …: the provider's key; '' when the metric has none. */
  readonly provider: string;
  /** provider.prometheus.query after argument substitution ('' for other providers). */
  readonly query: string;
  /** When the measurement is taken (the simulated clock). */
  readonly now: Date;
}

export type MetricResponse = { readonly data: unknown } | { readonly error: string };

export type MetricSource = (request: MetricRequest) => MetricResponse | Promise<MetricResponse>;

/** A source's answer when it is already there; undefined while it is still on its way. */
export type AnswerNow = (request: MetricRequest) => MetricResponse | undefined;

/** An instant-vector answer with one series per value, as Prometheus sends it (values are strings). */
export function vectorData(values: readonly number[], now: Date, labels: Record<string, string> = {}): { data: unknown } {
  const t = now.getTime() / 1000;
  return { data: { resultType: 'vector', result: values.map((v) => ({ metric: labels, value: [t, goText(v)] })) } };
}

export function scalarData(value: number, now: Date): { data: unknown } {
  return { data: { resultType: 'scalar', result: [now.getTime() / 1000, goText(value)] } };
}

function goText(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

/** A source that answers every query with one sample of `value`. */
export function constantMetricSource(value: number): MetricSource {
  return ({ now }) => vectorData([value], now);
}
