import { strict as assert } from 'node:assert';
import { underlined } from '../../../../support/lintHelpers';
import { canary, none, only } from './rolloutFixtures';

describe('step weight rules', () => {
  it('reports setWeight above 100 at spec.strategy.steps[i].setWeight', () => {
    const text = canary('steps:', '  - setWeight: 120');
    const f = only(text, 'step-set-weight-range');
    assert.equal(f.message, 'Invalid value: 120: SetWeight needs to be between 0 and 100');
    assert.equal(f.path, 'spec.strategy.steps[0].setWeight');
    assert.equal(underlined(text, f), '120');
  });

  it('reports a negative setWeight', () => {
    assert.equal(only(canary('steps:', '  - setWeight: -1'), 'step-set-weight-range').message, 'Invalid value: -1: SetWeight needs to be between 0 and 100');
  });

  it('uses trafficRouting.maxTrafficWeight as the upper bound', () => {
    const routing = ['canaryService: c', 'stableService: s', 'trafficRouting:', '  nginx: {stableIngress: i}', '  maxTrafficWeight: 1000'];
    none(canary(...routing, 'steps:', '  - setWeight: 500'), 'step-set-weight-range');
    assert.equal(only(canary(...routing, 'steps:', '  - setWeight: 1001'), 'step-set-weight-range').message, 'Invalid value: 1001: SetWeight needs to be between 0 and 1000');
  });

  it('accepts weights from 0 to 100', () => {
    none(canary('steps:', '  - setWeight: 0', '  - setWeight: 100'), 'step-set-weight-range');
  });

  it('reports setCanaryScale without trafficRouting once per step at spec.strategy.trafficRouting', () => {
    const text = canary('steps:', '  - setCanaryScale: {replicas: 1}', '  - setWeight: 10');
    const f = only(text, 'set-canary-scale-needs-routing');
    assert.equal(f.message, 'Required value: SetCanaryScale requires TrafficRouting to be set');
    assert.equal(f.path, 'spec.strategy.trafficRouting');
    assert.equal(underlined(text, f), 'setCanaryScale');
  });

  it('accepts setCanaryScale with trafficRouting', () => {
    none(canary('trafficRouting: {plugins: {x/y: {}}}', 'steps:', '  - setCanaryScale: {replicas: 1}'), 'set-canary-scale-needs-routing');
  });
});
