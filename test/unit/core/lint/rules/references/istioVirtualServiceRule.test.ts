import { strict as assert } from 'node:assert';
import { findingsIn, underlined, yaml } from '../../../../support/lintHelpers';
import { canaryRollout } from './fixtures';

const RULE = 'istio-virtual-service-routes';

function vs(name: string, lines: string[]): string {
  return yaml('apiVersion: networking.istio.io/v1beta1', 'kind: VirtualService', 'metadata:', `  name: ${name}`, 'spec:', ...lines.map((l) => `  ${l}`));
}

const routed = (extra: string[] = []) => canaryRollout(['canaryService: c', 'stableService: s', 'trafficRouting:', '  istio:', '    virtualService:', '      name: vs', ...extra]);

describe('istio-virtual-service-routes', () => {
  it('reports a named HTTP route that the VirtualService does not have', () => {
    const r = routed(['      routes: [primary]']);
    const fs = findingsIn([{ path: 'r.yaml', text: r }, { path: 'v.yaml', text: vs('vs', ['http:', '- name: other', '  route:', '  - destination: {host: s}']) }], 'r.yaml', RULE);
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.message, `Invalid value: "vs": Istio VirtualService has invalid HTTP routes. Error: HTTP Route 'primary' is not found in the defined Virtual Service.`);
    assert.equal(fs[0]!.path, 'spec.strategy.canary.trafficRouting.istio.virtualService.name');
    assert.equal(underlined(r, fs[0]!), 'vs');
  });

  it('reports a route without the canary host', () => {
    const fs = findingsIn([{ path: 'r.yaml', text: routed() }, { path: 'v.yaml', text: vs('vs', ['http:', '- route:', '  - destination: {host: s.ns.svc.cluster.local}']) }], 'r.yaml', RULE);
    assert.equal(fs[0]!.message, `Invalid value: "vs": Istio VirtualService has invalid HTTP routes. Error: Canary Service 'c' not found in route`);
  });

  it('reports a VirtualService without any routes, and a TCP route that does not match the port', () => {
    const none = findingsIn([{ path: 'r.yaml', text: routed() }, { path: 'v.yaml', text: vs('vs', ['hosts: [x]']) }], 'r.yaml', RULE);
    assert.equal(none[0]!.message, 'Invalid value: "vs": Unable to get any of the HTTP, TCP or TLS routes for the Istio VirtualService');
    const tcp = findingsIn([{ path: 'r.yaml', text: routed(['      tcpRoutes:', '      - port: 3000']) }, { path: 'v.yaml', text: vs('vs', ['tcp:', '- match:', '  - port: 4000', '  route:', '  - destination: {host: s}', '  - destination: {host: c}']) }], 'r.yaml', RULE);
    assert.equal(tcp[0]!.message, 'Invalid value: "vs": Istio VirtualService has invalid TCP routes. Error: No matching TCP routes found in the defined Virtual Service.');
  });

  it('passes a route splitting stable and canary, ignoring managed routes', () => {
    const r = routed().replace('  istio:', '  managedRoutes:\n        - name: header\n        istio:');
    const v = vs('vs', ['http:', '- name: header', '  route:', '  - destination: {host: c}', '- route:', '  - destination: {host: s}', '  - destination: {host: c}']);
    assert.deepEqual(findingsIn([{ path: 'r.yaml', text: r }, { path: 'v.yaml', text: v }], 'r.yaml', RULE), []);
  });
});
