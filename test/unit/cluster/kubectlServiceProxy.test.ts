// Fidelity check of the double's service proxy: the real kubectl's `get --raw` through it reaches a
// real Prometheus, and reads its 503/403 Status answers as it reads a real API server's.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { startTestCluster, type TestCluster } from '../../../testbed/apiDouble/startTestCluster';
import { prometheusInstalled, startPrometheus, tempDir, type PromServer } from '../prometheus/promServer';
import { kubectl, kubectlPresent } from './kubectlKit';


describe('The test cluster\'s service proxy, read by the real kubectl', function () {
  this.timeout(60000);
  let cluster: TestCluster | undefined;
  let prometheus: PromServer | undefined;
  let dir = '';

  before(async function () {
    if (!kubectlPresent() || !prometheusInstalled()) {
      console.warn('    skipped: kubectl, prometheus or promtool is not installed');
      this.skip();
    }
    dir = tempDir();
    prometheus = await startPrometheus(join(dir, 'data'), true);
    cluster = await startTestCluster();
    cluster.proxyService('monitoring', 'prometheus', 9090, prometheus.url);
  });

  after(async () => {
    await cluster?.stop();
    await prometheus?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  afterEach(() => cluster?.faults.clear());

  function raw(path: string): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(kubectl, ['--kubeconfig', cluster!.kubeconfigPath, '--cache-dir', join(dir, 'cache'), 'get', '--raw', path], { env: { ...process.env, HOME: dir } },
        (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
    });
  }

  it('returns Prometheus\' own answer to `get --raw …/services/prometheus:9090/proxy/api/v1/query?query=up`', async () => {
    const [proxied, direct] = await Promise.all([
      raw('/api/v1/namespaces/monitoring/services/prometheus:9090/proxy/api/v1/query?query=up&time=1767225600'),
      fetch(`${prometheus!.url}/api/v1/query?query=up&time=1767225600`).then((r) => r.text()),
    ]);
    assert.equal(proxied.code, 0, proxied.stderr);
    assert.deepEqual(JSON.parse(proxied.stdout), JSON.parse(direct));
    assert.deepEqual(JSON.parse(proxied.stdout), { status: 'success', data: { resultType: 'vector', result: [] } });
  });

  it('makes kubectl report a Service without endpoints as ServiceUnavailable', async () => {
    cluster!.proxyService('monitoring', 'down', 9090, undefined);
    const r = await raw('/api/v1/namespaces/monitoring/services/down:9090/proxy/api/v1/query?query=up');
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /Error from server \(ServiceUnavailable\): no endpoints available for service "down"/);
  });

  it('makes kubectl report a missing services/proxy permission as Forbidden', async () => {
    cluster!.faults.deny({ verb: 'get', resource: 'services/proxy' });
    const r = await raw('/api/v1/namespaces/monitoring/services/http:prometheus:9090/proxy/api/v1/query?query=up');
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /Error from server \(Forbidden\): services "http:prometheus:9090" is forbidden: User "test-user" cannot get resource "services\/proxy" in API group "" in the namespace "monitoring"/);
  });
});
