// A metric source backed by a real Prometheus through the project's own client
// (src/prometheus/prometheusClient.ts): each measurement runs the run's args-substituted query as an
// instant query at the SIMULATED time (so the SimClock must lie inside the data's window), and the
// answer goes back to the simulator as the wire-format `data` Argo's provider evaluates, so
// src/core/analysis measures it exactly as the controller would. The template's own `address`
// (an in-cluster name) is not used: every query goes to `client`.
import { formatFloatF } from '../../src/core/expr/goValue';
import type { QueryData, Sample } from '../../src/core/prometheus/parseQueryResponse';
import type { PrometheusClient } from '../../src/prometheus/prometheusClient';
import type { MetricRequest, MetricResponse, MetricSource } from './metricSource';

export interface PrometheusMetricSourceOptions {
  /** Answers metrics of other providers (web, job, …); by default they get an Error measurement. */
  readonly otherProviders?: MetricSource;
  /** Sees every query sent and its evaluation time (Unix seconds), e.g. for a log. */
  readonly onQuery?: (request: MetricRequest, timeSec: number) => void;
}

/** Prometheus' text for a sample value: Go's FormatFloat(v, 'f', -1, 64), with NaN / +Inf / -Inf. */
function sampleText(s: Sample): [number, string] {
  return [s.t, formatFloatF(s.v)];
}

/** The parsed answer back in the shape of the HTTP API's `data` member, which Argo's provider reads. */
export function wireData(d: QueryData): unknown {
  switch (d.resultType) {
    case 'vector':
      return { resultType: 'vector', result: d.series.map((s) => ({ metric: s.labels, value: s.samples[0] ? sampleText(s.samples[0]) : null })) };
    case 'matrix':
      return { resultType: 'matrix', result: d.series.map((s) => ({ metric: s.labels, values: s.samples.map(sampleText) })) };
    case 'scalar':
      return { resultType: 'scalar', result: sampleText(d.sample) };
    case 'string':
      return { resultType: 'string', result: [d.t, d.value] };
  }
}

export function prometheusMetricSource(client: PrometheusClient, options: PrometheusMetricSourceOptions = {}): MetricSource {
  return async (request): Promise<MetricResponse> => {
    if (request.provider !== 'prometheus') {
      return options.otherProviders?.(request) ?? { error: `the test Prometheus answers only prometheus metrics, not "${request.provider}"` };
    }
    const timeSec = request.now.getTime() / 1000;
    options.onQuery?.(request, timeSec);
    const answer = await client.instant(request.query, timeSec);
    return answer.ok ? { data: wireData(answer.value) } : { error: answer.error.message };
  };
}
