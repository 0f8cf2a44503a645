// The confirmation of Promote says what promoting does to this rollout now: end the pause it waits in,
// skip the step it is on, or switch the active Service — numbered as the panel numbers steps.
import { strict as assert } from 'node:assert';
import { confirmationText } from '../../../../src/core/actions/confirmationText';
import { promoteEffect } from '../../../../src/core/actions/promoteEffect';

const steps = [{ setWeight: 10 }, { pause: {} }, { setWeight: 30 }, { pause: { duration: '30s' } }, { analysis: { templates: [{ templateName: 'success-rate' }] } }];
const canary = (status: Record<string, unknown>, spec: Record<string, unknown> = {}) => ({ spec: { ...spec, strategy: { canary: { steps } } }, status });

describe('what Promote does, as its confirmation says', () => {
  it('ends a pause without duration and names the next step', () => {
    assert.equal(promoteEffect(canary({ currentStepIndex: 1, pauseConditions: [{ reason: 'CanaryPauseStep' }] }), { full: false }), 'The pause at step 2 (pause (until promoted)) ends and the rollout goes on with step 3 (setWeight 30).');
  });

  it('skips the rest of a timed pause', () => {
    assert.equal(promoteEffect(canary({ currentStepIndex: 3, pauseConditions: [{ reason: 'CanaryPauseStep' }] }), { full: false }), 'The rest of the pause at step 4 (pause 30s) is skipped and the rollout goes on with step 5 (analysis (success-rate)).');
  });

  it('skips the step it is on when nothing is paused, and finishes after the last one', () => {
    assert.equal(promoteEffect(canary({ currentStepIndex: 2 }), { full: false }), 'Step 3 (setWeight 30) is skipped and the rollout goes on with step 4 (pause 30s).');
    assert.equal(promoteEffect(canary({ currentStepIndex: 4 }), { full: false }), 'Step 5 (analysis (success-rate)) is skipped and the rollout finishes: the new version becomes stable.');
  });

  it('ends a pause a user set', () => {
    assert.equal(promoteEffect(canary({ currentStepIndex: 2 }, { paused: true }), { full: false }), 'The pause a user set (spec.paused) ends and the rollout continues at step 3 (setWeight 30).');
  });

  it('switches a blue-green rollout waiting before the switch', () => {
    assert.equal(promoteEffect({ spec: { strategy: { blueGreen: {} } }, status: { pauseConditions: [{ reason: 'BlueGreenPause' }] } }, { full: false }), 'The pause before the switch ends: the active Service switches to the new version.');
  });

  it('says the same in the confirmation, after the question naming context, namespace and rollout', () => {
    const effect = promoteEffect(canary({ currentStepIndex: 1, pauseConditions: [{ reason: 'CanaryPauseStep' }] }), { full: false });
    assert.equal(
      confirmationText('promote', { context: 'demo', namespace: 'default', rollout: 'gitops-hugo', effect }),
      'Promote rollout "gitops-hugo" in namespace "default" on context "demo"? The pause at step 2 (pause (until promoted)) ends and the rollout goes on with step 3 (setWeight 30).',
    );
  });

  it('never throws on junk', () => {
    for (const junk of [undefined, null, 3, 'x', [], { spec: { strategy: { canary: { steps: 'x' } } }, status: { currentStepIndex: 'y', pauseConditions: 7 } }]) {
      assert.equal(typeof promoteEffect(junk, { full: false }), 'string');
    }
  });
});
