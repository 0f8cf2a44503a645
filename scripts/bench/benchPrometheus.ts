// `npm run bench` (part): a Prometheus query round trip from the extension's client to Debian's
// Prometheus on loopback, direct and through the test cluster's service proxy (the way an in-cluster
// template address is reached), for the instant query a preview sends and the range query a panel
// chart sends. Prints a Markdown table; numbers are never asserted.
import { PrometheusClient } from '../../src/prometheus/prometheusClient';
import { startTestCluster } from '../../testbed/apiDouble/startTestCluster';
import { ABORT_AT_SEC, UPDATE_AT_SEC } from '../../test/scenario/gitopsHugoOpenMetrics';
import { prometheusInstalled, startScenarioPrometheus } from '../../test/scenario/startScenarioPrometheus';
import { promTarget } from '../../test/unit/prometheus/promTargetKit';
import { fmt, percentile } from './stats';

const RUNS = Number(process.env.BENCH_PROM_RUNS ?? 200);
const SUCCESS_RATE = 'sum(rate(nginx_ingress_controller_requests{exported_namespace="default", exported_service="gitops-hugo-canary", status!~"5.."}[1m])) / sum(rate(nginx_ingress_controller_requests{exported_namespace="default", exported_service="gitops-hugo-canary"}[1m]))';

async function timeQueries(run: () => Promise<{ ok: boolean }>): Promise<number[]> {
  for (let i = 0; i < 10; i++) await run(); // warm up: connections, Prometheus' caches
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const r = await run();
    times.push(performance.now() - t);
    if (!r.ok) throw new Error('a query failed during the benchmark');
  }
  return times;
}

async function main(): Promise<void> {
  if (!prometheusInstalled()) {
    console.log('Prometheus round trip: skipped, prometheus is not installed (bash scripts/installTestDeps.sh)');
    return;
  }
  const prometheus = await startScenarioPrometheus();
  const cluster = await startTestCluster({ contextName: 'bench' });
  cluster.proxyService('monitoring', 'prometheus', 9090, prometheus.url);
  try {
    const direct = new PrometheusClient({ baseUrl: prometheus.url });
    const proxied = promTarget(cluster, 'http://prometheus.monitoring:9090').client;
    const start = UPDATE_AT_SEC - 300;
    const end = ABORT_AT_SEC + 300;
    const rows: [string, number[]][] = [
      ['instant, direct', await timeQueries(() => direct.instant(SUCCESS_RATE, ABORT_AT_SEC))],
      ['instant, service proxy', await timeQueries(() => proxied.instant(SUCCESS_RATE, ABORT_AT_SEC))],
      ['range 13 min at 1 s (781 points), direct', await timeQueries(() => direct.range(SUCCESS_RATE, start, end, 1))],
      ['range 13 min at 1 s (781 points), service proxy', await timeQueries(() => proxied.range(SUCCESS_RATE, start, end, 1))],
    ];
    console.log(`\nPrometheus query round trip (${RUNS} queries each, after 10 warm-up; ms)\n`);
    console.log('| query | p50 | p95 |');
    console.log('|---|---:|---:|');
    for (const [name, times] of rows) console.log(`| ${name} | ${fmt(percentile(times, 50))} | ${fmt(percentile(times, 95))} |`);
  } finally {
    await cluster.stop();
    await prometheus.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
