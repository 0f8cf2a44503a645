import { strict as assert } from 'node:assert';
import { underlined } from '../../../../support/lintHelpers';
import { canary, none, only } from './rolloutFixtures';

const STEPS = ['steps:', '  - setWeight: 10', '  - experiment:', '      templates:', '        - name: exp', '          specRef: canary', '          weight: 20'];
const SERVICES = ['canaryService: c', 'stableService: s'];

describe('experiment weight rule', () => {
  it('reports a template weight without trafficRouting', () => {
    const text = canary(...STEPS);
    const f = only(text, 'experiment-weight-routing');
    assert.equal(f.message, 'Invalid value: 20: Experiment template weight cannot be set unless TrafficRouting is enabled');
    assert.equal(f.path, 'spec.strategy.steps[1].experiment.templates[0].weight');
    assert.equal(underlined(text, f), '20');
  });

  it('reports a template weight with nginx routing', () => {
    const text = canary(...SERVICES, 'trafficRouting:', '  nginx: {stableIngress: i}', ...STEPS);
    assert.equal(
      only(text, 'experiment-weight-routing').message,
      'Invalid value: 20: Experiment template weight is only available for TrafficRouting with SMI, ALB, Istio and Plugins at this time',
    );
  });

  it('accepts a template weight with SMI, and templates without weight', () => {
    none(canary(...SERVICES, 'trafficRouting:', '  smi: {}', ...STEPS), 'experiment-weight-routing');
    none(canary('steps:', '  - experiment: {templates: [{name: exp, specRef: canary}]}'), 'experiment-weight-routing');
  });
});
