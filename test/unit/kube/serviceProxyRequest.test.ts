// Prometheus queries through the API server's service proxy: the real client and connection against
// the test cluster, which forwards to a real Prometheus (Debian's package) with backfilled data.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PrometheusClient } from '../../../src/prometheus/prometheusClient';
import { startTestCluster, type TestCluster } from '../../../testbed/apiDouble/startTestCluster';
import { END, fixtureOpenMetrics, START } from '../prometheus/fixture';
import { backfill, prometheusInstalled, startPrometheus, tempDir, type PromServer } from '../prometheus/promServer';
import { promTarget } from '../prometheus/promTargetKit';

const ratio = 'sum(rate(nginx_ingress_controller_requests{exported_service="canary",status!~"5.."}[5m])) / sum(rate(nginx_ingress_controller_requests{exported_service="canary"}[5m]))';
const TEMPLATE_ADDRESS = 'http://prometheus.monitoring:9090';
const FIX = 'or run `kubectl port-forward` to the service and set `argoRollouts.prometheus.urls` for this context to the forwarded URL (e.g. http://localhost:9090).';

describe('Prometheus queries through the API server\'s service proxy', function () {
  this.timeout(30000);
  let prometheus: PromServer | undefined;
  let cluster: TestCluster | undefined;
  let direct: PrometheusClient;
  let dir = '';

  before(async function () {
    if (!prometheusInstalled()) {
      console.log('    skipped: `prometheus`/`promtool` are not installed (run scripts/installTestDeps.sh)');
      this.skip();
    }
    dir = tempDir();
    backfill(fixtureOpenMetrics(), path.join(dir, 'data'));
    prometheus = await startPrometheus(path.join(dir, 'data'), true);
    direct = new PrometheusClient({ baseUrl: prometheus.url });
    cluster = await startTestCluster({ contextName: 'kind-dev' });
    cluster.proxyService('monitoring', 'prometheus', 9090, prometheus.url);
  });

  after(async () => {
    await cluster?.stop();
    await prometheus?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  afterEach(() => cluster?.faults.clear());

  it('answers an instant query exactly as Prometheus answers it directly, and says which way it went', async () => {
    const target = promTarget(cluster!, TEMPLATE_ADDRESS);
    assert.equal(target.where, 'service proxy of the API server of context kind-dev to monitoring/prometheus:9090');
    const [proxied, straight] = await Promise.all([target.client.instant(ratio, END), direct.instant(ratio, END)]);
    assert.ok(proxied.ok, proxied.ok ? '' : proxied.error.message);
    assert.ok(straight.ok);
    assert.equal(proxied.value.resultType, 'vector');
    assert.deepEqual(proxied.value, straight.value);
    const sent = cluster!.requests.filter((r) => r.path.includes('/proxy/')).at(-1);
    assert.match(sent?.path ?? '', /^\/api\/v1\/namespaces\/monitoring\/services\/http:prometheus:9090\/proxy\/api\/v1\/query\?query=sum/);
  });

  it('answers a range query exactly as Prometheus answers it directly', async () => {
    const target = promTarget(cluster!, 'http://prometheus.monitoring.svc.cluster.local:9090');
    const [proxied, straight] = await Promise.all([target.client.range(ratio, START + 300, END, 60), direct.range(ratio, START + 300, END, 60)]);
    assert.ok(proxied.ok, proxied.ok ? '' : proxied.error.message);
    assert.ok(straight.ok && straight.value.resultType === 'matrix');
    assert.equal(straight.value.series[0]?.samples.length, (END - START - 300) / 60 + 1);
    assert.deepEqual(proxied.value, straight.value);
  });

  it('passes on Prometheus\' own 400 for a bad query', async () => {
    const r = await promTarget(cluster!, TEMPLATE_ADDRESS).client.instant('sum(rate(x[5m]', END);
    assert.ok(!r.ok);
    assert.equal(r.error.kind, 'badQuery');
    assert.match(r.error.message, /^Prometheus at http:\/\/prometheus\.monitoring:9090 \(via the API server of context kind-dev\) rejected the query \(400\)/);
  });

  it('explains a Service without ready pods (503 no endpoints) and how to get around the proxy', async () => {
    cluster!.proxyService('monitoring', 'prometheus-down', 9090, undefined);
    const r = await promTarget(cluster!, 'http://prometheus-down.monitoring:9090').client.instant('up', END);
    assert.ok(!r.ok);
    assert.equal(r.error.message, 'Prometheus at http://prometheus-down.monitoring:9090 (via the API server of context kind-dev) has no ready pods behind its service '
      + `(503): no endpoints available for service "prometheus-down". Check that Prometheus is running, ${FIX}`);
  });

  it('explains a missing services/proxy permission (403) and how to get around the proxy', async () => {
    cluster!.faults.deny({ verb: 'get', resource: 'services/proxy', namespace: 'monitoring' });
    const r = await promTarget(cluster!, TEMPLATE_ADDRESS).client.instant('up', END);
    assert.ok(!r.ok);
    assert.equal(r.error.message, 'The API server refuses to proxy queries to Prometheus at http://prometheus.monitoring:9090 (via the API server of context kind-dev) '
      + '(403): services "http:prometheus:9090" is forbidden: User "test-user" cannot get resource "services/proxy" in API group "" in the namespace "monitoring". '
      + `Ask your cluster admin for \`get\` on \`services/proxy\` in that namespace, ${FIX}`);
  });

  it('explains a Service that does not exist (404)', async () => {
    const r = await promTarget(cluster!, 'http://thanos.monitoring:9090').client.instant('up', END);
    assert.ok(!r.ok && r.error.kind === 'proxyError');
    assert.match(r.error.message, /does not exist \(404\): services "thanos" not found\. Check the template's address/);
  });
});
