import { strict as assert } from 'node:assert';
import { findings, underlined } from '../../../../support/lintHelpers';
import { canaryRollout } from './fixtures';

const RULE = 'traffic-router-refs-config';
const base = ['canaryService: c', 'stableService: s', 'trafficRouting:'];

describe('traffic-router-refs-config', () => {
  it('reports nginx with both stableIngress and stableIngresses at nginx', () => {
    const r = canaryRollout([...base, '  nginx:', '    stableIngress: a', '    stableIngresses: [b]']);
    const fs = findings(r, RULE);
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.message, 'Internal error: Either StableIngress or StableIngresses must be configured. Both are configured.');
    assert.equal(fs[0]!.path, 'spec.strategy.canary.trafficRouting.nginx');
    assert.equal(underlined(r, fs[0]!), 'nginx');
  });

  it('reports ALB with neither ingress nor ingresses', () => {
    const r = canaryRollout([...base, '  alb:', '    servicePort: 80']);
    const fs = findings(r, RULE);
    assert.equal(fs[0]!.message, 'Internal error: Either Ingress or Ingresses must be configured. Neither are configured.');
    assert.equal(fs[0]!.path, 'spec.strategy.canary.trafficRouting.alb');
  });

  it('reports istio without a virtualService, ambassador without mappings and appMesh without virtualService', () => {
    const r = canaryRollout([...base, '  istio:', '    destinationRule:', '      name: d', '  ambassador:', '    mappings: []', '  appMesh:', '    virtualRouter:', '      name: vr']);
    const fs = findings(r, RULE);
    assert.deepEqual(
      fs.map((f) => [f.message, f.path]),
      [
        ['Internal error: either VirtualService or VirtualServices must be configured', 'spec.strategy.canary.trafficRouting.istio'],
        ['Invalid value: null: must provide at least one mapping', 'spec.strategy.canary.trafficRouting.ambassador.mappings'],
        ['Invalid value: null: must provide virtual-service', 'spec.strategy.canary.trafficRouting.appmesh.virtualService'],
      ],
    );
    assert.equal(underlined(r, fs[2]!), 'appMesh');
  });

  it('passes when each router names exactly one of its objects', () => {
    const r = canaryRollout([...base, '  nginx:', '    stableIngress: a', '  istio:', '    virtualServices:', '    - name: vs']);
    assert.deepEqual(findings(r, RULE), []);
  });
});
