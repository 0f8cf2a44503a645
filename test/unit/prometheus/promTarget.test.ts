// What reaches the server a Prometheus target queries: credentials and custom headers (direct URL),
// custom headers but no credentials (service proxy), TLS verification on by default and off when the
// setting says so, and cancellation and the timeout setting of a slow query. The upstream is a small
// real server that records what arrives (recordingUpstream.ts).
import { strict as assert } from 'node:assert';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCerts } from '../../../testbed/apiDouble/certs';
import { startTestCluster, type TestCluster } from '../../../testbed/apiDouble/startTestCluster';
import { promTarget } from './promTargetKit';
import { startRecordingUpstream, type RecordingUpstream } from './recordingUpstream';

const NOW = 1_767_225_600;
const tenant = { 'X-Scope-OrgID': 'tenant-a' };

describe('What a Prometheus target sends', function () {
  this.timeout(20000);
  let cluster: TestCluster;
  let upstream: RecordingUpstream;
  let tlsUpstream: RecordingUpstream;
  let certDir = '';

  before(async () => {
    cluster = await startTestCluster({ contextName: 'kind-dev' });
    upstream = await startRecordingUpstream();
    certDir = await mkdtemp(join(tmpdir(), 'prom-tls-'));
    // A certificate from a throwaway CA nobody trusts, like a cluster-internal Prometheus behind TLS.
    tlsUpstream = await startRecordingUpstream(await generateCerts(certDir));
    cluster.proxyService('monitoring', 'prometheus', 9090, upstream.url);
  });

  after(async () => {
    await cluster.stop();
    await upstream.stop();
    await tlsUpstream.stop();
    await rm(certDir, { recursive: true, force: true });
  });

  afterEach(() => {
    upstream.hold = false;
  });

  it('sends a bearer token and the custom headers to a direct URL', async () => {
    const target = promTarget(cluster, undefined, { urls: { 'kind-*': upstream.url }, headers: tenant }, { kind: 'bearer', token: 's3cret-token' });
    const r = await target.client.instant('up', NOW);
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    const got = upstream.requests.at(-1)?.headers;
    assert.equal(got?.['authorization'], 'Bearer s3cret-token');
    assert.equal(got?.['x-scope-orgid'], 'tenant-a');
  });

  it('sends basic auth to a direct URL', async () => {
    const target = promTarget(cluster, undefined, { urls: { 'kind-dev': upstream.url } }, { kind: 'basic', username: 'grafana', password: 'pa:ss' });
    assert.ok((await target.client.instant('up', NOW)).ok);
    assert.equal(upstream.requests.at(-1)?.headers['authorization'], `Basic ${Buffer.from('grafana:pa:ss').toString('base64')}`);
  });

  it('sends the custom headers through the service proxy, but neither the Prometheus credentials nor the Kubernetes token', async () => {
    const target = promTarget(cluster, 'http://prometheus.monitoring:9090', { headers: tenant }, { kind: 'bearer', token: 's3cret-token' });
    const r = await target.client.instant('up', NOW);
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    const got = upstream.requests.at(-1);
    assert.match(got?.url ?? '', /^\/api\/v1\/query\?query=up&time=1767225600$/);
    assert.equal(got?.headers['x-scope-orgid'], 'tenant-a');
    assert.equal(got?.headers['authorization'], undefined);
  });

  it('verifies TLS certificates by default, and says which setting turns that off', async () => {
    const target = promTarget(cluster, `${tlsUpstream.url}/prom`, {});
    const before = tlsUpstream.requests.length;
    const r = await target.client.instant('up', NOW);
    assert.ok(!r.ok);
    assert.equal(r.error.kind, 'untrustedCertificate');
    assert.match(r.error.message, /certificate verification/);
    assert.match(r.error.message, /argoRollouts\.prometheus\.tlsVerify/);
    assert.equal(tlsUpstream.requests.length, before, 'no query reached the untrusted server');
  });

  it('skips certificate verification when tlsVerify is false', async () => {
    const target = promTarget(cluster, undefined, { urls: { 'kind-dev': `${tlsUpstream.url}/prom` }, tlsVerify: false });
    const r = await target.client.instant('up', NOW);
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    assert.match(tlsUpstream.requests.at(-1)?.url ?? '', /^\/prom\/api\/v1\/query\?/);
  });

  for (const way of ['direct', 'service proxy'] as const) {
    it(`stops a slow query when it is cancelled (${way}): the server sees the connection close`, async () => {
      upstream.hold = true;
      const target = way === 'direct' ? promTarget(cluster, undefined, { urls: { 'kind-dev': upstream.url } })
        : promTarget(cluster, 'http://prometheus.monitoring:9090');
      const controller = new AbortController();
      const arrived = upstream.nextRequest();
      const query = target.client.range('up', NOW - 3600, NOW, 15, controller.signal);
      await arrived;
      const closed = upstream.nextClose();
      const t0 = Date.now();
      controller.abort();
      const r = await query;
      assert.ok(!r.ok);
      assert.equal(r.error.kind, 'cancelled');
      assert.ok(Date.now() - t0 < 1000, 'the cancelled query returns at once');
      await closed;
    });
  }

  it('gives up on a slow query after the timeout setting, through the service proxy', async () => {
    upstream.hold = true;
    const target = promTarget(cluster, 'http://prometheus.monitoring:9090', { timeoutSeconds: 0.3 });
    const closed = upstream.nextClose();
    const r = await target.client.instant('up', NOW);
    assert.ok(!r.ok);
    assert.equal(r.error.kind, 'timeout');
    assert.match(r.error.message, /did not answer within 0\.3 s/);
    await closed;
  });
});
