import { strict as assert } from 'node:assert';
import { actualWeight, canaryStep, maxTrafficWeight, setWeight, stepText } from '../../../../src/core/rollout/canaryWeights';
import { weightText } from '../../../../src/core/rollout/rolloutSummary';
import { canaryRollout } from './builders';

const steps = [{ setWeight: 10 }, { pause: {} }, { setWeight: 30 }, { pause: { duration: '1m' } }, { analysis: { templates: [] } }];

describe('Canary step and weights (get rollout header)', () => {
  describe('Step', () => {
    it('prints the raw 0-based index over the step count', () => {
      assert.equal(stepText(canaryStep(canaryRollout({ steps, status: { currentStepIndex: 3 } }))), '3/5');
    });
    it('prints 5/5 once all steps are done', () => {
      assert.equal(stepText(canaryStep(canaryRollout({ steps, status: { currentStepIndex: 5 } }))), '5/5');
    });
    it('is empty before the first reconcile sets currentStepIndex', () => {
      assert.equal(stepText(canaryStep(canaryRollout({ steps }))), '');
    });
    it('is empty for a canary without steps', () => {
      assert.equal(stepText(canaryStep(canaryRollout({ status: { currentStepIndex: 0 } }))), '');
    });
  });

  describe('SetWeight', () => {
    it('is the setWeight of the current step', () => {
      assert.equal(setWeight(canaryRollout({ steps, status: { currentStepIndex: 2 } })), 30);
    });
    it('is the most recent setWeight before a pause or analysis step', () => {
      assert.equal(setWeight(canaryRollout({ steps, status: { currentStepIndex: 1 } })), 10);
      assert.equal(setWeight(canaryRollout({ steps, status: { currentStepIndex: 4 } })), 30);
    });
    it('is 0 when no setWeight comes at or before the current step', () => {
      assert.equal(setWeight(canaryRollout({ steps: [{ pause: {} }, { setWeight: 50 }], status: { currentStepIndex: 0 } })), 0);
    });
    it('is 100 past the last step', () => {
      assert.equal(setWeight(canaryRollout({ steps, status: { currentStepIndex: 5 } })), 100);
    });
    it('is 100 without steps', () => {
      assert.equal(setWeight(canaryRollout({ status: { currentStepIndex: 0 } })), 100);
    });
    it('is 0 when the rollout is aborted, whatever the step', () => {
      assert.equal(setWeight(canaryRollout({ steps, status: { currentStepIndex: 2, abort: true } })), 0);
    });
    it('reads a missing index as the first step', () => {
      assert.equal(setWeight(canaryRollout({ steps })), 10);
    });
  });

  describe('ActualWeight', () => {
    it('is 100 past the last step, and without steps', () => {
      assert.equal(actualWeight(canaryRollout({ steps, status: { currentStepIndex: 5, availableReplicas: 4 } }), 1), 100);
      assert.equal(actualWeight(canaryRollout({ status: { availableReplicas: 0 } }), undefined), 100);
    });
    it('is 0 while no replica is available', () => {
      assert.equal(actualWeight(canaryRollout({ steps, status: { currentStepIndex: 0, availableReplicas: 0 } }), 1), 0);
    });
    it('without traffic routing is the canary share of available pods, rounded down', () => {
      assert.equal(actualWeight(canaryRollout({ steps, status: { currentStepIndex: 0, availableReplicas: 3 } }), 1), 33);
    });
    it('without traffic routing is 0 when there is no canary ReplicaSet', () => {
      assert.equal(actualWeight(canaryRollout({ steps, status: { currentStepIndex: 0, availableReplicas: 3 } }), undefined), 0);
    });
    it('with traffic routing is the canary weight the controller reported', () => {
      const r = canaryRollout({ steps, canary: { trafficRouting: { istio: {} } }, status: { currentStepIndex: 2, availableReplicas: 4, canary: { weights: { canary: { weight: 25 }, stable: { weight: 75 } } } } });
      assert.equal(actualWeight(r, 1), 25);
    });
    it('with traffic routing falls back to SetWeight when no weights are reported', () => {
      const r = canaryRollout({ steps, canary: { trafficRouting: { istio: {} } }, status: { currentStepIndex: 2, availableReplicas: 4 } });
      assert.equal(actualWeight(r, 1), 30);
    });
  });

  describe('maxTrafficWeight (weightutil.MaxTrafficWeight)', () => {
    const scaled = (status: Record<string, unknown>, trafficRouting: Record<string, unknown> = { nginx: { stableIngress: 'web' }, maxTrafficWeight: 1000 }) =>
      canaryRollout({ steps: [{ setWeight: 300 }, { pause: {} }], canary: { trafficRouting }, status });

    it('is 100 unless the traffic routing sets it', () => {
      assert.equal(maxTrafficWeight(canaryRollout({ steps })), 100);
      assert.equal(maxTrafficWeight(scaled({})), 1000);
    });
    it('is the SetWeight and ActualWeight of a finished rollout, as the plugin prints them', () => {
      const done = scaled({ currentStepIndex: 2, availableReplicas: 4 });
      assert.deepEqual([setWeight(done), actualWeight(done, 4)], [1000, 1000]);
    });
    it('leaves mid-rollout weights in its units', () => {
      const mid = scaled({ currentStepIndex: 1, availableReplicas: 4, canary: { weights: { canary: { weight: 300 }, stable: { weight: 700 } } } });
      assert.deepEqual([setWeight(mid), actualWeight(mid, 1)], [300, 300]);
    });
    it('scales the available-pod share of a canary without traffic routing', () => {
      const basic = canaryRollout({ steps: [{ setWeight: 25 }, { pause: {} }], canary: { trafficRouting: null }, status: { currentStepIndex: 1, availableReplicas: 4 } });
      assert.equal(actualWeight(basic, 1), 25);
    });
    it('is shown as a fraction of itself when it is not 100, and as a percentage otherwise', () => {
      assert.equal(weightText(300, 1000), '300/1000');
      assert.equal(weightText(30, 100), '30%');
    });
  });
});
