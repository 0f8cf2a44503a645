import { strict as assert } from 'node:assert';
import { findings, underlined, yaml } from '../../../../support/lintHelpers';

const RULE = 'prometheus-provider';
const TAIL = ' — every measurement of this metric ends in phase Error';

function prom(...lines: string[]): string {
  return yaml('apiVersion: argoproj.io/v1alpha1', 'kind: ClusterAnalysisTemplate', 'metadata:', '  name: t', 'spec:', '  metrics:', '  - name: m', '    provider:', '      prometheus:', ...lines.map((l) => `        ${l}`));
}

describe('the prometheus-provider rule', () => {
  it('accepts a full, valid provider and templated addresses', () => {
    const text = prom('address: https://user@prom.example.com:9090/prefix', 'timeout: 10', 'query: up', 'authentication:', '  oauth2:', '    tokenUrl: https://t', '    clientId: a', '    clientSecret: b', 'rangeQuery:', '    start: now() - duration("5m")', '    end: now()', '    step: 1m');
    assert.deepEqual(findings(text, RULE), []);
    assert.deepEqual(findings(prom('address: "{{args.prometheus}}"', 'query: up'), RULE), []);
  });

  it('reports an address without scheme with Argo\'s (sic) message', () => {
    const text = prom('address: prometheus.monitoring:9090', 'query: up');
    const [f] = findings(text, RULE);
    assert.equal(f!.message, `prometheus address is not is url format${TAIL}`);
    assert.equal(f!.path, 'spec.metrics[0].provider.prometheus.address');
    assert.equal(underlined(text, f!), 'prometheus.monitoring:9090');
  });

  it('reports a negative timeout, incomplete OAuth2 and basic auth, and a bad step', () => {
    const text = prom('address: http://p', 'timeout: -1', 'query: up', 'authentication:', '  oauth2:', '    tokenUrl: https://t', '    clientId: a', '  basicAuth:', '    username: u', 'rangeQuery:', '    step: 1d');
    assert.deepEqual(
      findings(text, RULE).map((f) => [f.message, f.path, underlined(text, f)]),
      [
        [`prometheus timeout should not be negative${TAIL}`, 'spec.metrics[0].provider.prometheus.timeout', '-1'],
        [`missing mandatory parameter in metric for OAuth2 setup${TAIL}`, 'spec.metrics[0].provider.prometheus.authentication.oauth2.clientSecret', 'oauth2'],
        [`missing mandatory parameter in metric for basic auth setup: password${TAIL}`, 'spec.metrics[0].provider.prometheus.authentication.basicAuth.password', 'basicAuth'],
        [`failed to parse rangeQuery.step as duration: time: unknown unit "d" in duration "1d"${TAIL}`, 'spec.metrics[0].provider.prometheus.rangeQuery.step', '1d'],
      ],
    );
  });
});
