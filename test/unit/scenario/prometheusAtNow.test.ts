// Prometheus data at "now": the scenario backfilled to end at the current time, and the live NGINX
// exporter continuing its counters, scraped every second. Queries here pass no explicit time.
import { strict as assert } from 'node:assert';
import { at } from '../../../src/core/rollout/jsonFields';
import { gitopsHugoEndCounters, scenarioTimes } from '../../scenario/gitopsHugoOpenMetrics';
import { latencyShares, startNginxIngressExporter, type NginxIngressExporter } from '../../scenario/nginxIngressExporter';
import { pollInstant } from '../../scenario/pollInstant';
import { prometheusInstalled, startScenarioPrometheus, type ScenarioPrometheus } from '../../scenario/startScenarioPrometheus';

const canary = 'exported_namespace="default", exported_service="gitops-hugo-canary"';
const stable = 'exported_namespace="default", exported_service="gitops-hugo-stable"';
const successRate = (sel: string, range: string): string =>
  `sum(rate(nginx_ingress_controller_requests{${sel}, status!~"5.."}[${range}])) / sum(rate(nginx_ingress_controller_requests{${sel}}[${range}]))`;
const p95 = (sel: string): string => `histogram_quantile(0.95, sum(rate(nginx_ingress_controller_request_duration_seconds_bucket{${sel}}[1m])) by (le))`;

/** An instant query at the current time (no `time` parameter): the first series' value. */
async function atNow(url: string, query: string): Promise<number | undefined> {
  const res = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query }).toString()}`);
  const body: unknown = await res.json();
  assert.equal(res.status, 200, JSON.stringify(body));
  const result = at(body, 'data', 'result');
  const value = at(Array.isArray(result) ? result[0] : undefined, 'value');
  return Array.isArray(value) && typeof value[1] === 'string' ? Number(value[1]) : undefined;
}

describe('Prometheus data at the current time', function () {
  this.timeout(60_000);
  before(function () {
    if (!prometheusInstalled()) {
      console.warn('    skipped: Debian\'s prometheus/promtool are not installed');
      this.skip();
    }
  });

  it('latencyShares rise to 1 and put the 95th percentile inside the bucket that holds the p95', () => {
    for (const p of [0.01, 0.12, 0.5, 0.75, 0.9, 1.05, 7]) {
      const shares = latencyShares(p);
      shares.forEach((s, i) => assert.ok(s >= (shares[i - 1] ?? 0) && s <= 1, `p95 ${p}: ${shares.join(' ')}`));
      assert.ok(shares.some((s) => s >= 0.95) && shares.some((s) => s < 0.95), `p95 ${p}: ${shares.join(' ')}`);
    }
  });

  describe('the scenario backfilled to end now', () => {
    let prometheus: ScenarioPrometheus;
    before(async () => {
      prometheus = await startScenarioPrometheus({ endAtSec: Date.now() / 1000 });
    });
    after(() => prometheus.stop());

    it('answers the canary\'s success rate over the two hours at now without an explicit time', async () => {
      // The whole canary lies in the window: 1762 of its 2160 requests were not 5xx.
      const value = await atNow(prometheus.url, successRate(canary, '2h'));
      assert.ok(value !== undefined, 'a sample at now');
      assert.ok(Math.abs(value - 1762 / 2160) < 1e-9, `${value}`);
    });

    it('tells where the shifted update and abort lie: the canary had traffic then and none since', async () => {
      const t = prometheus.times;
      assert.ok(Date.now() / 1000 - t.dataEndSec < 60 && t.dataEndSec <= Date.now() / 1000);
      const q = encodeURIComponent(successRate(canary, '1m'));
      const during = await (await fetch(`${prometheus.url}/api/v1/query?query=${q}&time=${t.abortAtSec}`)).json();
      assert.match(JSON.stringify(during), /"value":\[\d+,"0\.\d+"\]/);
      assert.equal(Number.isNaN(await atNow(prometheus.url, successRate(canary, '1m'))), true, 'no canary traffic since the abort: NaN');
    });
  });

  describe('the live exporter continuing the backfill', () => {
    let prometheus: ScenarioPrometheus;
    let exporter: NginxIngressExporter;
    before(async () => {
      const times = scenarioTimes(Date.now() / 1000);
      exporter = await startNginxIngressExporter({
        start: gitopsHugoEndCounters(times), startMs: times.dataEndSec * 1000,
        traffic: () => ({ canaryWeight: 20, canary: { successRate: 0.8, latency: 0.9 }, stable: { successRate: 0.99, latency: 0.12 } }),
      });
      prometheus = await startScenarioPrometheus({ endAtSec: times.dataEndSec, scrapeTargets: [exporter.target] });
    });
    after(async () => {
      await prometheus?.stop();
      await exporter?.stop();
    });

    it('answers the live canary\'s success rate and p95 at now once the first scrape is in', async () => {
      const rate = await pollInstant(prometheus.url, successRate(canary, '1m'), (v) => !Number.isNaN(v), 30_000);
      assert.ok(Math.abs(rate - 0.8) < 1e-9, `${rate}`);
      assert.ok(Math.abs((await pollInstant(prometheus.url, p95(canary), (v) => !Number.isNaN(v), 5_000)) - 0.9) < 1e-9);
      assert.ok(exporter.scrapes > 0);
    });

    it('continues the backfilled series: same label sets, no counter reset at the seam, the backfill\'s rate of requests', async () => {
      const times = prometheus.times;
      await pollInstant(prometheus.url, `max(timestamp(nginx_ingress_controller_requests{${stable}}))`, (t) => t > times.dataEndSec, 30_000);
      assert.equal(await atNow(prometheus.url, 'count(nginx_ingress_controller_requests)'), 4, 'two services × two statuses, no second series');
      assert.equal(await atNow(prometheus.url, `count(nginx_ingress_controller_requests{${stable}} offset 5m)`), 2, 'the 5-minute window reaches into the backfill');
      assert.equal(await atNow(prometheus.url, 'sum(resets(nginx_ingress_controller_requests[5m]))'), 0);
      // 40 req/s: all of it on stable in the backfill's last minutes, 80 % live. A reset would read ~20,000/s.
      const stableRate = await atNow(prometheus.url, `sum(rate(nginx_ingress_controller_requests{${stable}}[1m]))`);
      assert.ok(stableRate !== undefined && stableRate > 30 && stableRate < 41, `${stableRate}`);
    });
  });
});
