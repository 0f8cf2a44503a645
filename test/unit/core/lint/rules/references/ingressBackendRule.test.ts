import { strict as assert } from 'node:assert';
import { findingsIn, underlined, yaml } from '../../../../support/lintHelpers';
import { canaryRollout } from './fixtures';

const RULE = 'ingress-stable-service-backend';

function ingressV1(name: string, backend: string): string {
  return yaml('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', `  name: ${name}`, 'spec:', '  rules:', '  - http:', '      paths:', '      - path: /', '        backend:', '          service:', `            name: ${backend}`);
}

function ingressV1beta1(name: string, backend: string): string {
  return yaml('apiVersion: extensions/v1beta1', 'kind: Ingress', 'metadata:', `  name: ${name}`, 'spec:', '  rules:', '  - http:', '      paths:', '      - backend:', `          serviceName: ${backend}`);
}

describe('ingress-stable-service-backend', () => {
  it('reports an nginx Ingress that does not route to the stable Service', () => {
    const r = canaryRollout(['canaryService: c', 'stableService: s', 'trafficRouting:', '  nginx:', '    stableIngress: web']);
    const fs = findingsIn([{ path: 'r.yaml', text: r }, { path: 'i.yaml', text: ingressV1('web', 'root') }], 'r.yaml', RULE);
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.message, 'Invalid value: "web": ingress `web` has no rules using service s backend');
    assert.equal(fs[0]!.path, 'spec.strategy.canary.trafficRouting.nginx.stableIngress');
    assert.equal(underlined(r, fs[0]!), 'web');
  });

  it('checks ALB ingresses against rootService, also for extensions/v1beta1 backends', () => {
    const r = canaryRollout(['canaryService: c', 'stableService: s', 'trafficRouting:', '  alb:', '    rootService: root', '    ingresses:', '    - a', '    - b']);
    const fs = findingsIn([{ path: 'r.yaml', text: r }, { path: 'i.yaml', text: ingressV1beta1('a', 'root') + '---\n' + ingressV1('b', 's') }], 'r.yaml', RULE);
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.message, 'Invalid value: "b": ingress `b` has no rules using service root backend');
    assert.equal(fs[0]!.path, 'spec.strategy.canary.trafficRouting.alb.ingresses');
    assert.equal(underlined(r, fs[0]!), 'b');
  });

  it('passes when the Ingress routes to the stable Service', () => {
    const r = canaryRollout(['canaryService: c', 'stableService: s', 'trafficRouting:', '  nginx:', '    stableIngresses: [web]']);
    assert.deepEqual(findingsIn([{ path: 'r.yaml', text: r }, { path: 'i.yaml', text: ingressV1('web', 's') }], 'r.yaml', RULE), []);
  });
});
