import { strict as assert } from 'node:assert';
import { planPromTarget } from '../../../../src/core/prometheus/planPromTarget';
import { parsePromSettings } from '../../../../src/core/prometheus/promSettings';

const settings = (urls: Record<string, string> = {}) =>
  parsePromSettings({ urls, headers: { 'X-Scope-OrgID': 'tenant-a' }, tlsVerify: false, timeoutSeconds: 5 });
const token = { kind: 'bearer' as const, token: 's3cret' };

describe('Planning where a template\'s Prometheus queries go', () => {
  it('sends an in-cluster address through the service proxy of the current context, without the credentials', () => {
    const plan = planPromTarget('http://prometheus.monitoring:9090', 'kind-dev', settings(), token);
    assert.ok(plan.ok);
    assert.equal(plan.value.address.kind, 'serviceProxy');
    assert.equal(plan.value.where, 'service proxy of the API server of context kind-dev to monitoring/prometheus:9090');
    assert.equal(plan.value.credentials, undefined);
    assert.match(plan.value.note ?? '', /not sent through the API server's service proxy/);
    assert.deepEqual(plan.value.headers, { 'X-Scope-OrgID': 'tenant-a' });
  });

  it('prefers the URL setting of the context and sends the credentials, TLS choice and timeout there', () => {
    const plan = planPromTarget('http://prometheus.monitoring:9090', 'kind-dev', settings({ 'kind-*': 'https://localhost:9443/prom/' }), token);
    assert.ok(plan.ok);
    assert.equal(plan.value.address.kind === 'direct' && plan.value.address.url, 'https://localhost:9443/prom');
    assert.equal(plan.value.where, 'https://localhost:9443/prom (URL setting "kind-*" for context kind-dev)');
    assert.deepEqual(plan.value.credentials, token);
    assert.equal(plan.value.tlsVerify, false);
    assert.equal(plan.value.timeoutMs, 5000);
    assert.equal(plan.value.note, undefined);
  });

  it('names an exact-name setting without its pattern', () => {
    const plan = planPromTarget(undefined, 'kind-dev', settings({ 'kind-dev': 'http://localhost:9090' }), undefined);
    assert.ok(plan.ok);
    assert.equal(plan.value.where, 'http://localhost:9090 (URL setting for context kind-dev)');
  });

  it('sends a public template address directly', () => {
    const plan = planPromTarget('https://prometheus.example.com', 'prod', settings(), undefined);
    assert.ok(plan.ok);
    assert.equal(plan.value.where, 'https://prometheus.example.com (the template\'s address)');
  });

  it('explains a template without an address and points to the URL setting', () => {
    const plan = planPromTarget(undefined, 'kind-dev', settings(), undefined);
    assert.ok(!plan.ok);
    assert.match(plan.error, /^Cannot query Prometheus: the template has no address.*set `argoRollouts\.prometheus\.urls` for context kind-dev\.$/);
  });
});
