import { strict as assert } from 'node:assert';
import { at } from '../../../src/core/rollout/jsonFields';
import { rolloutPhase } from '../../../src/core/rollout/rolloutPhase';
import type { JsonObject } from '../../../testbed/apiDouble/jsonValue';
import {
  ABORT_AT_SEC, ANALYSIS_START_SEC, DATA_END_SEC, DATA_START_SEC, ERRORS_FROM_SEC, UPDATE_AT_SEC,
} from '../../scenario/gitopsHugoOpenMetrics';
import { runGitopsHugoAbortScenario, type GitopsHugoAbortScenario } from '../../scenario/runGitopsHugoAbortScenario';
import { prometheusInstalled, startScenarioPrometheus, type ScenarioPrometheus } from '../../scenario/startScenarioPrometheus';

const iso = (sec: number): string => new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
const canary = 'exported_namespace="default", exported_service="gitops-hugo-canary"';
const stable = 'exported_namespace="default", exported_service="gitops-hugo-stable"';
const successRate = (sel: string): string =>
  `sum(rate(nginx_ingress_controller_requests{${sel}, status!~"5.."}[1m])) / sum(rate(nginx_ingress_controller_requests{${sel}}[1m]))`;
const p95 = (sel: string): string => `histogram_quantile(0.95, sum(rate(nginx_ingress_controller_request_duration_seconds_bucket{${sel}}[1m])) by (le))`;

/** A query straight to the HTTP API, bypassing the project's client: what the measurements must equal. */
async function direct(url: string, path: string, params: Record<string, string>): Promise<unknown> {
  const res = await fetch(`${url}${path}?${new URLSearchParams(params).toString()}`);
  const body: unknown = await res.json();
  assert.equal(res.status, 200, JSON.stringify(body));
  return at(body, 'data', 'result');
}

/** The first series of a result list (Prometheus keeps one here: every query sums). */
function firstSeries(result: unknown): unknown {
  return Array.isArray(result) ? result[0] : undefined;
}

async function instantText(url: string, query: string, timeSec: number): Promise<string> {
  const pair = at(firstSeries(await direct(url, '/api/v1/query', { query, time: String(timeSec) })), 'value');
  const value = Array.isArray(pair) ? pair[1] : undefined;
  assert.equal(typeof value, 'string', `no sample for ${query} at ${iso(timeSec)}`);
  return String(value);
}

async function rangeValues(url: string, query: string, startSec: number, endSec: number, stepSec: number): Promise<[number, number][]> {
  const values = at(firstSeries(await direct(url, '/api/v1/query_range', { query, start: String(startSec), end: String(endSec), step: String(stepSec) })), 'values');
  assert.ok(Array.isArray(values), `no series for ${query}`);
  return values.map((pair: unknown) => (Array.isArray(pair) ? [Number(pair[0]), Number(pair[1])] : [NaN, NaN]));
}

function theRun(s: GitopsHugoAbortScenario): JsonObject {
  const runs = s.store.list('analysisruns', { namespace: 'default' }).items;
  assert.equal(runs.length, 1, 'one background AnalysisRun');
  const [run] = runs;
  assert.ok(run);
  return run;
}

function metric(run: JsonObject, name: string): unknown {
  const results = at(run, 'status', 'metricResults');
  return Array.isArray(results) ? results.find((r) => at(r, 'name') === name) : undefined;
}

function measurements(run: JsonObject, name: string): { at: string; phase: string; value: string }[] {
  const list = at(metric(run, name), 'measurements');
  return (Array.isArray(list) ? list : []).map((m) => ({ at: String(at(m, 'startedAt')), phase: String(at(m, 'phase')), value: String(at(m, 'value')) }));
}

function rollout(s: GitopsHugoAbortScenario): JsonObject {
  const r = s.store.get({ resource: 'rollouts', namespace: 'default', name: 'gitops-hugo' });
  assert.ok(r);
  return r;
}

describe('The gitops-hugo reference scenario against a real Prometheus', function () {
  this.timeout(60_000);
  let prometheus: ScenarioPrometheus | undefined;
  const url = (): string => {
    assert.ok(prometheus);
    return prometheus.url;
  };

  before(async function () {
    if (!prometheusInstalled()) {
      console.warn('    skipped: Debian\'s prometheus/promtool are not installed (apt-get install --no-install-recommends prometheus)');
      this.skip();
    }
    prometheus = await startScenarioPrometheus();
  });
  after(async () => prometheus?.stop());

  it('holds NGINX data in which only the canary\'s success rate falls below 0.95, soon after the errors start, and latency stays under 0.5 s', async () => {
    const rates = await rangeValues(url(), successRate(canary), ANALYSIS_START_SEC, ABORT_AT_SEC, 15);
    const firstBad = rates.find(([, v]) => v < 0.95);
    assert.ok(firstBad, 'the canary\'s success rate falls below 0.95');
    assert.ok(firstBad[0] > ERRORS_FROM_SEC && firstBad[0] <= ERRORS_FROM_SEC + 30, `first below 0.95 at ${iso(firstBad[0])}`);
    assert.ok(rates.filter(([t]) => t < firstBad[0]).every(([, v]) => v >= 0.95 && v < 1), 'healthy but not perfect before');
    assert.ok(rates.filter(([t]) => t >= firstBad[0]).every(([, v]) => v < 0.95), 'and stays bad until the abort');
    const stableRates = await rangeValues(url(), successRate(stable), DATA_START_SEC + 60, DATA_END_SEC, 60);
    assert.equal(stableRates.length, 120);
    assert.ok(stableRates.every(([, v]) => v >= 0.99), 'stable stays healthy all along');
    for (const sel of [canary, stable]) {
      const latencies = (await rangeValues(url(), p95(sel), UPDATE_AT_SEC + 60, ABORT_AT_SEC, 15)).map(([, v]) => v);
      assert.ok(latencies.length > 0 && latencies.every((v) => v > 0.05 && v < 0.5), `p95 of ${sel}: ${latencies.join(', ')}`);
    }
  });

  it('measures background analysis from Prometheus at the simulated times, fails success-rate and aborts the rollout to stable', async () => {
    // Half a minute after the first failed measurement: failed (1) is within failureLimit (1).
    const s = await runGitopsHugoAbortScenario({ prometheus, untilSec: ANALYSIS_START_SEC + 90 });
    try {
      const before = theRun(s);
      assert.deepEqual(measurements(before, 'success-rate').map((m) => [m.at, m.phase]), [[iso(ANALYSIS_START_SEC), 'Successful'], [iso(ANALYSIS_START_SEC + 60), 'Failed']]);
      assert.deepEqual([at(before, 'status', 'phase'), at(metric(before, 'success-rate'), 'phase')], ['Running', 'Running']);
      assert.deepEqual([rolloutPhase(rollout(s)).phase, at(rollout(s), 'status', 'abort')], ['Paused', undefined]);

      await s.simulator.advance((ABORT_AT_SEC - (ANALYSIS_START_SEC + 90)) * 1000);
      const run = theRun(s);
      assert.deepEqual(measurements(run, 'success-rate').map((m) => [m.at, m.phase]), [
        [iso(ANALYSIS_START_SEC), 'Successful'], [iso(ANALYSIS_START_SEC + 60), 'Failed'], [iso(ABORT_AT_SEC), 'Failed'],
      ]);
      assert.deepEqual(measurements(run, 'latency').map((m) => m.phase), ['Successful', 'Successful', 'Successful']);
      assert.equal(at(metric(run, 'latency'), 'phase'), 'Successful');
      assert.deepEqual([at(run, 'status', 'phase'), at(run, 'status', 'message')], ['Failed', 'Metric "success-rate" assessed Failed due to failed (2) > failureLimit (1)']);

      // Every stored value is what Prometheus itself answers for the resolved query at that time.
      for (const name of ['latency', 'success-rate']) {
        const query = String(at(metric(run, name), 'metadata', 'ResolvedPrometheusQuery'));
        assert.equal(query, name === 'latency' ? p95(canary) : successRate(canary));
        for (const m of measurements(run, name)) {
          assert.equal(m.value, `[${await instantText(url(), query, Date.parse(m.at) / 1000)}]`, `${name} at ${m.at}`);
        }
      }

      const r = rollout(s);
      assert.deepEqual(rolloutPhase(r), {
        phase: 'Degraded',
        message: 'RolloutAborted: Rollout aborted update to revision 2: Background analysis phase error/failed: Metric "success-rate" assessed Failed due to failed (2) > failureLimit (1)',
      });
      assert.deepEqual([at(r, 'status', 'abort'), at(r, 'status', 'abortedAt'), at(r, 'status', 'currentStepIndex')], [true, iso(ABORT_AT_SEC), 0]);
      assert.equal(at(r, 'status', 'canary', 'currentBackgroundAnalysisRunStatus', 'status'), 'Failed');
      const stableHash = at(r, 'status', 'stableRS');
      assert.deepEqual(at(r, 'status', 'canary', 'weights', 'stable', 'weight'), 100);
      assert.deepEqual(at(r, 'status', 'canary', 'weights', 'stable', 'podTemplateHash'), stableHash);
      assert.deepEqual(at(r, 'status', 'canary', 'weights', 'canary', 'weight'), 0);
      const replicas = (): unknown[] => s.store.list('replicasets', { namespace: 'default' }).items
        .map((rs) => [at(rs, 'metadata', 'labels', 'rollouts-pod-template-hash') === stableHash ? 'stable' : 'canary', at(rs, 'spec', 'replicas'),
          at(rs, 'metadata', 'annotations', 'scale-down-deadline') ?? '']).sort();
      // With traffic routing the controller keeps the aborted canary for abortScaleDownDelaySeconds (30 s).
      assert.deepEqual(replicas(), [['canary', 3, iso(ABORT_AT_SEC + 30)], ['stable', 5, '']]);
      await s.simulator.advance(30_000);
      assert.deepEqual(replicas(), [['canary', 0, iso(ABORT_AT_SEC + 30)], ['stable', 5, '']]);
      assert.deepEqual(s.simulator.errors, []);
    } finally {
      await s.stop();
    }
  });

  it('builds the same aborted state every time it runs', async () => {
    const statusOf = async (): Promise<unknown[]> => {
      const s = await runGitopsHugoAbortScenario({ prometheus });
      try {
        return [at(theRun(s), 'status'), at(rollout(s), 'status')];
      } finally {
        await s.stop();
      }
    };
    const first = await statusOf();
    assert.deepEqual(await statusOf(), first);
    assert.equal(at(first[1], 'phase'), 'Degraded');
  });
});
