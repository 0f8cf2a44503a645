// Backtesting an analysis metric against a real Prometheus (Debian's package) loaded with 6 hours of
// backfilled NGINX counters: a canary that served errors for 20 minutes and a stable that never did.
// The points must be what an instant query at each time answers, the replay must count the runs an
// independent rule finds, and windows past 11,000 points must be cut into chunks without a seam.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { metricStepSeconds, planWindow, pointsOf, summarize, type BacktestPoint } from '../../../src/core/backtest/backtest';
import { measureQueryData } from '../../../src/core/analysis/shapeQueryData';
import { backtestQueries } from '../../../src/prometheus/backtestQueries';
import { PrometheusClient } from '../../../src/prometheus/prometheusClient';
import { backfill, prometheusInstalled, startPrometheus, tempDir, type PromServer } from './promServer';

const END = 1_767_225_600; // 2026-01-01T00:00:00Z
const HOURS = 6;
const BAD_FROM = END - 3 * 3600;
const BAD_TO = BAD_FROM + 20 * 60;

/** Scraped every 30 s: the canary answers 1 error in 100 requests, 1 in 4 between BAD_FROM and BAD_TO; the stable never errs. */
function openMetrics(): string {
  const lines = ['# TYPE nginx_ingress_controller_requests unknown'];
  const series = [
    { labels: 'exported_service="web-canary",status="200"', per: (t: number) => (t >= BAD_FROM && t < BAD_TO ? 75 : 99) },
    { labels: 'exported_service="web-canary",status="500"', per: (t: number) => (t >= BAD_FROM && t < BAD_TO ? 25 : 1) },
    { labels: 'exported_service="web-stable",status="200"', per: () => 200 },
  ];
  for (const s of series) {
    let total = 1000;
    for (let t = END - (HOURS + 1) * 3600; t <= END; t += 30) {
      total += s.per(t);
      lines.push(`nginx_ingress_controller_requests{${s.labels}} ${total} ${t}`);
    }
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}

const query = (service: string): string =>
  `sum(rate(nginx_ingress_controller_requests{exported_service="${service}",status!~"5.."}[5m])) / sum(rate(nginx_ingress_controller_requests{exported_service="${service}"}[5m]))`;
const metric = { name: 'success-rate', interval: '5m', count: 3, failureLimit: 1, successCondition: 'result[0] >= 0.95', provider: { prometheus: { query: '…' } } };
const utcClock = (sec: number): string => new Date(sec * 1000).toISOString().slice(11, 16);

describe('backtest of an analysis metric against a real Prometheus', function () {
  this.timeout(60_000);
  let server: PromServer | undefined;
  let client: PrometheusClient;

  before(async function () {
    if (!prometheusInstalled()) {
      if (process.env['CI'] === 'true') throw new Error('prometheus/promtool are required under CI=true');
      console.log('    skipped: `prometheus`/`promtool` are not installed (run scripts/installTestDeps.sh)');
      this.skip();
    }
    const data = path.join(tempDir(), 'data');
    backfill(openMetrics(), data);
    server = await startPrometheus(data, true);
    client = new PrometheusClient({ baseUrl: server.url });
  });
  after(async () => server?.stop());

  async function backtest(service: string, stepSec: number, windowSec = HOURS * 3600): Promise<{ points: BacktestPoint[]; progress: string[] }> {
    const plan = planWindow(END, windowSec, stepSec);
    assert.ok(plan.ok, JSON.stringify(plan));
    const progress: string[] = [];
    const answers = await backtestQueries(client, query(service), plan.window, (d, t) => progress.push(`${d}/${t}`));
    assert.ok(answers.ok, JSON.stringify(answers));
    return { points: pointsOf(metric, plan.window, answers.value), progress };
  }

  it('measures every 5 minutes of the last 6 h exactly as an instant query at that time would', async () => {
    const step = metricStepSeconds(metric);
    assert.deepEqual(step, { ok: true, seconds: 300 });
    const { points, progress } = await backtest('web-canary', 300);
    assert.equal(points.length, 73);
    assert.deepEqual(progress, ['0/1', '1/1']);
    for (const p of points.filter((_, i) => i % 6 === 0)) {
      const instant = await client.instant(query('web-canary'), p.t);
      assert.ok(instant.ok);
      const m = measureQueryData(metric, instant.value);
      assert.deepEqual([p.t, p.phase, p.text], [p.t, m.phase, m.value]);
    }
    // The errors of the bad 20 minutes show as Failed points, the rest as Successful.
    assert.ok(points.filter((p) => p.phase === 'Failed').every((p) => p.t > BAD_FROM && p.t < BAD_TO + 300), JSON.stringify(points.filter((p) => p.phase === 'Failed')));
    assert.ok(points.filter((p) => p.phase === 'Failed').length >= 4);
  });

  it('says in one sentence how often a run started in the window would have failed, and when first', async () => {
    const { points } = await backtest('web-canary', 300);
    const plan = planWindow(END, HOURS * 3600, 300);
    assert.ok(plan.ok);
    const s = summarize(metric, points, plan.window, utcClock);
    // Independent rule for count 3, failureLimit 1: a run fails when 2 of its 3 measurements fail.
    const starts = points.length - 3 + 1;
    const failing = [...Array(starts).keys()].filter((i) => points.slice(i, i + 3).filter((p) => p.phase === 'Failed').length >= 2);
    assert.equal(s.runs.length, starts);
    assert.equal(s.counts.Failed, failing.length);
    assert.ok(failing.length > 0);
    const firstRun = failing[0] ?? 0;
    const decided = points.slice(firstRun).findIndex((p, j, arr) => arr.slice(0, j + 1).filter((q) => q.phase === 'Failed').length === 2) + firstRun;
    assert.equal(s.sentence, `started any time in the last 6 h, this analysis would have failed ${failing.length} of ${starts} times (first at ${utcClock(points[decided]?.t ?? 0)}: 2 failures > failureLimit 1)`);
  });

  it('says the stable service would have passed every run', async () => {
    const { points } = await backtest('web-stable', 300);
    const plan = planWindow(END, HOURS * 3600, 300);
    assert.ok(plan.ok);
    assert.equal(summarize(metric, points, plan.window, utcClock).sentence, 'started any time in the last 6 h, this analysis would have passed all 71 times');
  });

  it('cuts a window of more than 11,000 points into range queries Prometheus accepts, with no seam between them', async () => {
    const { points, progress } = await backtest('web-stable', 1);
    assert.equal(points.length, 6 * 3600 + 1);
    assert.deepEqual(progress, ['0/2', '1/2', '2/2']);
    const seam = points.findIndex((p) => p.t === END - 6 * 3600 + 11_000);
    assert.ok(points.slice(seam - 2, seam + 2).every((p) => p.phase === 'Successful' && p.v === 1), JSON.stringify(points.slice(seam - 2, seam + 2)));
  });

  it('stops at once when cancelled, and refuses a window of more than 100,000 points', async () => {
    const plan = planWindow(END, HOURS * 3600, 1);
    assert.ok(plan.ok);
    const controller = new AbortController();
    const progress: string[] = [];
    const answers = await backtestQueries(client, query('web-stable'), plan.window, (d, t) => {
      progress.push(`${d}/${t}`);
      if (d === 1) controller.abort();
    }, controller.signal);
    assert.equal(answers.ok, false);
    assert.equal(!answers.ok && answers.error.kind, 'cancelled');
    assert.deepEqual(progress, ['0/2', '1/2']);
    assert.deepEqual(planWindow(END, 30 * 86400, 15), { ok: false, error: '172,801 points at one per 15 s: choose a window of at most 416 h' });
  });
});
