import { strict as assert } from 'node:assert';
import { applyFix, underlined } from '../../../../support/lintHelpers';
import { canary, none, only } from './rolloutFixtures';

const MESSAGE = 'Step must have one of the following set: experiment, setWeight, setCanaryScale, plugin or pause';

describe('step kind rules', () => {
  it('reports a step with setWeight and pause at spec.strategy.steps[i]', () => {
    const text = canary('steps:', '  - setWeight: 10', '  - setWeight: 20', '    pause: {}');
    const f = only(text, 'step-one-kind');
    assert.equal(f.message, `Invalid value: "step.Experiment: false step.Pause: true step.SetWeight: true step.Analysis: false": ${MESSAGE} — a step does one thing, and this one sets pause and setWeight: split it into one step each`);
    assert.equal(f.path, 'spec.strategy.steps[1]');
    assert.equal(underlined(text, f), 'setWeight');
  });

  it('accepts setWeight with setCanaryScale in one step', () => {
    none(canary('steps:', '  - setWeight: 10', '    setCanaryScale: {replicas: 1}'), 'step-one-kind');
  });

  it('reports a step with no kind', () => {
    const text = canary('steps:', '  - setWeight: 10', '  - {}');
    const f = only(text, 'step-empty');
    assert.equal(
      f.message,
      'Invalid value: "step.Experiment: true step.Pause: true step.SetWeight: true step.Analysis: true step.SetCanaryScale: true ' +
        `step.SetHeaderRoute: true step.SetMirrorRoutes: true step.Plugin: true": ${MESSAGE} — this step sets none of them`,
    );
    assert.equal(f.path, 'spec.strategy.steps[1]');
    assert.equal(underlined(text, f), '{}');
  });

  it('explains a bare pause and fixes it to pause: {}', () => {
    const text = canary('steps:', '  - setWeight: 10', '  - pause:', '  - setWeight: 50');
    const f = only(text, 'step-empty');
    assert.ok(f.message.startsWith(`Invalid value: "step.Experiment: true`));
    assert.ok(f.message.endsWith(`${MESSAGE} — \`pause:\` with no value is read as no pause at all; write \`pause: {}\` to pause until the rollout is promoted`));
    assert.equal(underlined(text, f), 'pause:');
    const fixed = applyFix(text, f);
    assert.match(fixed, /- pause: \{\}\n/);
    none(fixed, 'step-empty');
  });

  it('fixes pause: null to pause: {}', () => {
    const text = canary('steps:', '  - pause: null');
    const fixed = applyFix(text, only(text, 'step-empty'));
    assert.match(fixed, /- pause: \{\}\n/);
  });

  it('accepts pause: {} and every single step kind', () => {
    none(
      canary(
        'steps:',
        '  - pause: {}',
        '  - setWeight: 10',
        '  - analysis: {templates: [{templateName: t}]}',
        '  - experiment: {templates: []}',
        '  - setCanaryScale: {replicas: 1}',
        '  - plugin: {name: p}',
      ),
      'step-empty',
    );
  });

  it('says in words after Argo\'s text when a step sets nothing Argo reads, naming the keys it ignores', () => {
    const text = canary('steps:', '  - setweight: 20', '  - pause: {}');
    const f = only(text, 'step-empty');
    assert.ok(f.message.startsWith('Invalid value: "step.Experiment: true '), 'Argo\'s own text first');
    assert.match(f.message, / — this step sets none of them: Argo does not read `setweight` \(misspelt\?\)$/);
  });
});
