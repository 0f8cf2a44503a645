import { strict as assert } from 'node:assert';
import { underlined } from '../../../../support/lintHelpers';
import { canary, none, only } from './rolloutFixtures';

const ROUTING = ['canaryService: c', 'stableService: s', 'trafficRouting:', '  smi: {}'];

describe('traffic routing option rules', () => {
  it('reports scaleDownDelaySeconds without trafficRouting', () => {
    const text = canary('scaleDownDelaySeconds: 30');
    const f = only(text, 'canary-scale-down-delay-needs-routing');
    assert.equal(f.message, 'Invalid value: 30: Canary scaleDownDelaySeconds can only be used with traffic routing');
    assert.equal(f.path, 'spec.strategy.scaleDownDelaySeconds');
    assert.equal(underlined(text, f), '30');
    none(canary(...ROUTING, 'scaleDownDelaySeconds: 30'), 'canary-scale-down-delay-needs-routing');
  });

  it('reports dynamicStableScale without trafficRouting', () => {
    const text = canary('dynamicStableScale: true');
    const f = only(text, 'dynamic-stable-scale-needs-routing');
    assert.equal(f.message, 'Invalid value: true: Canary dynamicStableScale can only be used with traffic routing');
    assert.equal(f.path, 'spec.strategy.dynamicStableScale');
    assert.equal(underlined(text, f), 'true');
    none(canary('dynamicStableScale: false'), 'dynamic-stable-scale-needs-routing');
  });

  it('reports dynamicStableScale together with scaleDownDelaySeconds', () => {
    const text = canary(...ROUTING, 'scaleDownDelaySeconds: 30', 'dynamicStableScale: true');
    const f = only(text, 'dynamic-stable-scale-with-scale-down-delay');
    assert.equal(f.message, 'Invalid value: true: Canary dynamicStableScale cannot be used with scaleDownDelaySeconds');
    assert.equal(f.path, 'spec.strategy.dynamicStableScale');
    none(canary(...ROUTING, 'dynamicStableScale: true'), 'dynamic-stable-scale-with-scale-down-delay');
  });

  it('reports maxTrafficWeight with a router other than nginx or plugins', () => {
    const text = canary(...ROUTING, '  maxTrafficWeight: 1000');
    const f = only(text, 'max-traffic-weight-unsupported');
    assert.equal(f.message, 'Invalid value: 1000: Canary maxTrafficWeight in traffic routing only supported in Nginx and Plugins');
    assert.equal(f.path, 'spec.strategy.trafficRouting.maxTrafficWeight');
    assert.equal(underlined(text, f), '1000');
  });

  it('accepts maxTrafficWeight with nginx or plugins', () => {
    none(canary('canaryService: c', 'stableService: s', 'trafficRouting:', '  nginx: {stableIngress: i}', '  maxTrafficWeight: 1000'), 'max-traffic-weight-unsupported');
    none(canary('trafficRouting:', '  plugins: {x/y: {}}', '  maxTrafficWeight: 1000'), 'max-traffic-weight-unsupported');
  });
});
