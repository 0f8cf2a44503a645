import { strict as assert } from 'node:assert';
import { measureResponse } from '../../../../src/core/analysis/measurementOutcome';
import { PrometheusClient } from '../../../../src/prometheus/prometheusClient';
import type { MetricRequest, MetricResponse } from '../../../../testbed/canarySimulator/metricSource';
import { prometheusMetricSource } from '../../../../testbed/canarySimulator/prometheusMetricSource';
import { ANALYSIS_START_SEC, UPDATE_AT_SEC } from '../../../scenario/gitopsHugoOpenMetrics';
import { prometheusInstalled, startScenarioPrometheus, type ScenarioPrometheus } from '../../../scenario/startScenarioPrometheus';

const canary = 'exported_namespace="default", exported_service="gitops-hugo-canary"';
const successRate = `sum(rate(nginx_ingress_controller_requests{${canary}, status!~"5.."}[1m])) / sum(rate(nginx_ingress_controller_requests{${canary}}[1m]))`;

function request(query: string, timeSec: number, provider = 'prometheus'): MetricRequest {
  return { run: 'r', namespace: 'default', metric: 'm', provider, query, now: new Date(timeSec * 1000) };
}

/** What Argo would store for `successCondition` over the source's answer. */
function measured(answer: MetricResponse, successCondition = 'result[0] >= 0.95'): { phase: string; value: string; message: string } {
  if ('error' in answer) return { phase: 'Error', value: '', message: answer.error };
  const m = measureResponse({ successCondition }, answer.data);
  return { phase: m.phase, value: m.value, message: m.message };
}

describe('A metric source backed by a real Prometheus', function () {
  this.timeout(30_000);
  let prometheus: ScenarioPrometheus | undefined;
  let client: PrometheusClient | undefined;
  const source = (): ReturnType<typeof prometheusMetricSource> => {
    assert.ok(client);
    return prometheusMetricSource(client);
  };

  before(async function () {
    if (!prometheusInstalled()) {
      console.warn('    skipped: Debian\'s prometheus/promtool are not installed');
      this.skip();
    }
    prometheus = await startScenarioPrometheus();
    client = new PrometheusClient({ baseUrl: prometheus.url });
  });
  after(async () => prometheus?.stop());

  it('answers at the simulated time, so the same request always gets the same measurement', async () => {
    const a = measured(await source()(request(successRate, ANALYSIS_START_SEC)));
    const b = measured(await source()(request(successRate, ANALYSIS_START_SEC)));
    assert.deepEqual(a, { phase: 'Successful', value: '[0.9833333333333333]', message: '' });
    assert.deepEqual(b, a);
  });

  it('passes NaN through as Argo sees it: no canary traffic before the update fails result[0] >= 0.95', async () => {
    assert.deepEqual(measured(await source()(request(successRate, UPDATE_AT_SEC - 600))), { phase: 'Failed', value: '[NaN]', message: '' });
  });

  it('passes scalars and empty vectors through in Prometheus\' shapes', async () => {
    assert.deepEqual(measured(await source()(request('scalar(vector(0.5)) * 2', ANALYSIS_START_SEC)), 'result == 1'), { phase: 'Successful', value: '1', message: '' });
    assert.deepEqual(measured(await source()(request('no_such_metric', ANALYSIS_START_SEC))), {
      phase: 'Error', value: '', message: 'could not evaluate successCondition "result[0] >= 0.95": metric result is nil or empty: no data returned from the metric provider',
    });
  });

  it('turns a rejected query into an Error answer naming the server and its reason', async () => {
    const answer = await source()(request('sum(rate(x[1m])', ANALYSIS_START_SEC));
    assert.ok('error' in answer);
    assert.match(answer.error, /rejected the query \(400\): .*unclosed left parenthesis/);
    assert.ok(prometheus && answer.error.includes(prometheus.url));
  });

  it('leaves other providers to the fallback source', async () => {
    assert.deepEqual(await source()(request('', ANALYSIS_START_SEC, 'web')), { error: 'the test Prometheus answers only prometheus metrics, not "web"' });
    assert.ok(client);
    const withFallback = prometheusMetricSource(client, { otherProviders: () => ({ data: { resultType: 'scalar', result: [0, '1'] } }) });
    assert.deepEqual(await withFallback(request('', ANALYSIS_START_SEC, 'web')), { data: { resultType: 'scalar', result: [0, '1'] } });
  });
});
