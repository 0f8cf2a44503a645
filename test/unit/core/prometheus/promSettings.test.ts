import { strict as assert } from 'node:assert';
import { parsePromSettings, urlForContext } from '../../../../src/core/prometheus/promSettings';

const settings = (over: Partial<Record<'urls' | 'headers' | 'tlsVerify' | 'timeoutSeconds', unknown>> = {}) =>
  parsePromSettings({ urls: undefined, headers: undefined, tlsVerify: undefined, timeoutSeconds: undefined, ...over });

describe('Prometheus settings', () => {
  it('verify TLS, wait 30 s and send no extra header when nothing is set', () => {
    const s = settings();
    assert.deepEqual({ urls: s.urls, headers: s.headers, tlsVerify: s.tlsVerify, timeoutMs: s.timeoutMs, problems: s.problems },
      { urls: {}, headers: {}, tlsVerify: true, timeoutMs: 30_000, problems: [] });
  });

  it('turn TLS verification off only for an explicit false', () => {
    assert.equal(settings({ tlsVerify: false }).tlsVerify, false);
    assert.equal(settings({ tlsVerify: 'false' }).tlsVerify, true);
  });

  it('take the timeout in seconds, capped at ten minutes, and fall back to 30 s for nonsense', () => {
    assert.equal(settings({ timeoutSeconds: 2.5 }).timeoutMs, 2500);
    assert.equal(settings({ timeoutSeconds: 99_999 }).timeoutMs, 600_000);
    assert.equal(settings({ timeoutSeconds: -1 }).timeoutMs, 30_000);
    assert.equal(settings({ timeoutSeconds: '10' }).timeoutMs, 30_000);
  });

  it('keep a tenant header and refuse credentials and malformed headers, saying why', () => {
    const s = settings({ headers: { 'X-Scope-OrgID': 'tenant-a', Authorization: 'Bearer abc', 'bad header': 'x', 'X-Num': 3, 'X-Split': 'a\r\nb' } });
    assert.deepEqual(s.headers, { 'X-Scope-OrgID': 'tenant-a' });
    assert.equal(s.problems.length, 4);
    assert.ok(s.problems.some((p) => /Authorization.*Set Prometheus Credentials/.test(p)), s.problems.join('\n'));
    assert.ok(!s.problems.some((p) => p.includes('abc')), 'the refused secret is not repeated in the log');
  });

  it('drop a URL that is not http(s) and a setting that is not an object', () => {
    const s = settings({ urls: { 'kind-dev': 'localhost:9090', prod: 'https://prom.example.com' }, headers: ['X-A'] });
    assert.deepEqual(s.urls, { prod: 'https://prom.example.com' });
    assert.deepEqual(s.problems, [
      'argoRollouts.prometheus.urls["kind-dev"] is not an http(s) URL; ignored',
      'argoRollouts.prometheus.headers is not an object; ignored',
    ]);
  });
});

describe('The Prometheus URL of a context', () => {
  const urls = { '*': 'http://any:9090', 'kind-*': 'http://kind:9090', 'kind-dev': 'http://localhost:9090', 'gke_acme_*_prod': 'https://prod.example.com' };

  it('is the entry named exactly after the context', () => {
    assert.deepEqual(urlForContext(urls, 'kind-dev'), { pattern: 'kind-dev', url: 'http://localhost:9090' });
  });

  it('else comes from the most specific matching pattern, whatever the order', () => {
    assert.equal(urlForContext(urls, 'kind-staging')?.url, 'http://kind:9090');
    assert.equal(urlForContext({ 'kind-*': 'http://kind:9090', '*': 'http://any:9090' }, 'kind-x')?.url, 'http://kind:9090');
    assert.equal(urlForContext(urls, 'gke_acme_europe-west1_prod')?.url, 'https://prod.example.com');
    assert.equal(urlForContext(urls, 'minikube')?.url, 'http://any:9090');
  });

  it('matches patterns in any case but the whole name', () => {
    assert.equal(urlForContext({ 'KIND-*': 'http://kind:9090' }, 'kind-dev')?.url, 'http://kind:9090');
    assert.equal(urlForContext({ 'kind': 'http://kind:9090' }, 'kind-dev'), undefined);
  });

  it('is undefined when nothing matches', () => {
    assert.equal(urlForContext({ 'kind-*': 'http://kind:9090' }, 'docker-desktop'), undefined);
  });
});
