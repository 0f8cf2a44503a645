import { strict as assert } from 'node:assert';
import { underlined } from '../../../../support/lintHelpers';
import { canary, none, only } from './rolloutFixtures';

function withStart(start: number): string {
  return canary('analysis:', `  startingStep: ${start}`, '  templates: [{templateName: t}]', 'steps:', '  - setWeight: 20', '  - pause: {}');
}

describe('startingStep rule', () => {
  it('warns about a startingStep past the last step', () => {
    const text = withStart(2);
    const f = only(text, 'starting-step-out-of-range');
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, "startingStep 2 is outside the steps (startingStep counts from 0: 0 to 1 for these 2 steps, the panel's steps 1 to 2): background analysis never starts while the canary progresses");
    assert.equal(f.path, 'spec.strategy.canary.analysis.startingStep');
    assert.equal(underlined(text, f), '2');
  });

  it('warns about a negative startingStep', () => {
    assert.match(only(withStart(-1), 'starting-step-out-of-range').message, /starts at once/);
  });

  it('accepts the index of a step', () => {
    none(withStart(0), 'starting-step-out-of-range');
    none(withStart(1), 'starting-step-out-of-range');
  });
});
