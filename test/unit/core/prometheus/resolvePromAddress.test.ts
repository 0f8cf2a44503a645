import { strict as assert } from 'node:assert';
import { resolvePromAddress, serviceProxyPath } from '../../../../src/core/prometheus/resolvePromAddress';

const ctx = { contextName: 'kind-dev' };

describe('Deciding where Prometheus queries go', () => {
  it('sends an in-cluster svc.ns:port address through the API server\'s service proxy and says why', () => {
    const a = resolvePromAddress('http://prometheus.monitoring:9090', ctx);
    assert.deepEqual(a, {
      kind: 'serviceProxy', namespace: 'monitoring', service: 'prometheus', port: 9090, scheme: 'http', path: '',
      reason: 'in-cluster address http://prometheus.monitoring:9090 → through the API server\'s service proxy of context kind-dev',
    });
    assert.ok(a.kind === 'serviceProxy');
    assert.equal(serviceProxyPath(a, '/api/v1/query'), '/api/v1/namespaces/monitoring/services/http:prometheus:9090/proxy/api/v1/query');
  });
  it('recognises .svc and .svc.cluster.local names, default ports and path prefixes', () => {
    const a = resolvePromAddress('https://thanos-query.obs.svc.cluster.local/prometheus/', ctx);
    assert.ok(a.kind === 'serviceProxy');
    assert.deepEqual([a.service, a.namespace, a.port, a.scheme, a.path], ['thanos-query', 'obs', 443, 'https', '/prometheus']);
    const b = resolvePromAddress('http://prom.mon.svc:9090', ctx);
    assert.ok(b.kind === 'serviceProxy' && b.namespace === 'mon');
  });
  it('sends a public address directly', () => {
    assert.deepEqual(resolvePromAddress('https://prometheus.example.com', ctx),
      { kind: 'direct', url: 'https://prometheus.example.com', reason: 'the template\'s address https://prometheus.example.com, sent directly' });
    assert.equal(resolvePromAddress('https://grafana.net', ctx).kind, 'direct');
  });
  it('prefers the URL setting of the context and mentions the template address it replaces', () => {
    assert.deepEqual(resolvePromAddress('http://prometheus.monitoring:9090', { contextName: 'kind-dev', urlSetting: 'http://localhost:9090/' }), {
      kind: 'direct', url: 'http://localhost:9090',
      reason: 'http://localhost:9090/ from the Prometheus URL setting for context kind-dev instead of the template\'s http://prometheus.monitoring:9090',
    });
  });
  it('explains why an empty, malformed or short address cannot be used', () => {
    assert.match(resolvePromAddress('', ctx).reason, /ARGO_ROLLOUTS_PROMETHEUS_ADDRESS/);
    assert.match(resolvePromAddress('prometheus:9090', ctx).reason, /prometheus address is not is url format/);
    const short = resolvePromAddress('http://prometheus:9090', ctx);
    assert.equal(short.kind, 'unusable');
    assert.match(short.reason, /short in-cluster name/);
    assert.equal(resolvePromAddress('x', { contextName: 'c', urlSetting: 'not a url' }).kind, 'unusable');
  });
});
