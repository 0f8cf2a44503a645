import { strict as assert } from 'node:assert';
import { rolloutPhase } from '../../../../src/core/rollout/rolloutPhase';
import { blueGreenRollout, canaryRollout } from './builders';

// A canary that finished its steps: every rule below changes one thing about it.
const done = { replicas: 4, updatedReplicas: 4, availableReplicas: 4, readyReplicas: 4, currentPodHash: 'abc', stableRS: 'abc', currentStepIndex: 1 };
const steps = [{ setWeight: 20 }, { pause: {} }];

function phaseOf(r: unknown): string {
  const { phase, message } = rolloutPhase(r);
  return message === '' ? phase : `${phase}: ${message}`;
}

describe('Rollout status (GetRolloutPhase)', () => {
  describe('before the controller has caught up', () => {
    it('is Progressing while a numeric observedGeneration is behind metadata.generation', () => {
      const r = canaryRollout({ steps, status: { ...done, observedGeneration: '1', phase: 'Healthy' } });
      assert.equal(phaseOf(r), 'Progressing: waiting for rollout spec update to be observed');
    });
    it('ignores an observedGeneration that is an old pod-template hash', () => {
      assert.equal(phaseOf(canaryRollout({ steps, status: { ...done, observedGeneration: '5d8f7c9b' } })), 'Healthy');
    });
    it('counts a newer observedGeneration as observed', () => {
      assert.equal(phaseOf(canaryRollout({ steps, status: { ...done, observedGeneration: '7' } })), 'Healthy');
    });
    it('is Progressing while unpausing: controllerPause set but no pause conditions left', () => {
      const r = canaryRollout({ steps, status: { ...done, controllerPause: true, pauseConditions: [], phase: 'Paused', message: 'CanaryPauseStep' } });
      assert.equal(phaseOf(r), 'Progressing: waiting for rollout to unpause');
    });
    it('is Progressing while the referenced workload generation is not observed', () => {
      const r = canaryRollout({ steps, spec: { templateResolvedFromRef: true }, status: { ...done, workloadObservedGeneration: '3', phase: 'Healthy' } });
      (r.metadata as Record<string, unknown>).annotations = { 'rollout.argoproj.io/workload-generation': '4' };
      assert.equal(phaseOf(r), 'Progressing: waiting for rollout spec update to be observed for the reference workload');
    });
  });

  describe('from the controller', () => {
    it('uses status.phase and status.message when the controller (1.0+) sets them', () => {
      const r = canaryRollout({ steps, status: { ...done, phase: 'Paused', message: 'CanaryPauseStep' } });
      assert.equal(phaseOf(r), 'Paused: CanaryPauseStep');
    });
  });

  describe('computed client-side when status.phase is empty', () => {
    it('is Degraded with the InvalidSpec condition message', () => {
      const r = canaryRollout({ steps, status: { ...done, conditions: [{ type: 'InvalidSpec', status: 'True', reason: 'InvalidSpec', message: 'The Rollout "demo" is invalid: x' }] } });
      assert.equal(phaseOf(r), 'Degraded: InvalidSpec: The Rollout "demo" is invalid: x');
    });
    it('is Degraded on an aborted rollout, with the condition reason in front', () => {
      const r = canaryRollout({ steps, status: { ...done, conditions: [{ type: 'Progressing', status: 'False', reason: 'RolloutAborted', message: 'Rollout aborted update to revision 2' }] } });
      assert.equal(phaseOf(r), 'Degraded: RolloutAborted: Rollout aborted update to revision 2');
    });
    it('is Degraded when the progress deadline is exceeded', () => {
      const r = canaryRollout({ steps, status: { ...done, conditions: [{ type: 'Progressing', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "x" has timed out progressing.' }] } });
      assert.equal(phaseOf(r), 'Degraded: ProgressDeadlineExceeded: ReplicaSet "x" has timed out progressing.');
    });
    it('is Paused when paused by hand', () => {
      assert.equal(phaseOf(canaryRollout({ steps, spec: { paused: true }, status: done })), 'Paused: manually paused');
    });
    it('is Paused with the first pause condition as message', () => {
      const r = canaryRollout({ steps, status: { ...done, pauseConditions: [{ reason: 'CanaryPauseStep' }, { reason: 'InconclusiveAnalysisRun' }] } });
      assert.equal(phaseOf(r), 'Paused: CanaryPauseStep');
    });
    it('is Progressing while a requested restart has not happened', () => {
      assert.equal(phaseOf(canaryRollout({ steps, spec: { restartAt: '2026-01-15T10:00:00Z' }, status: done })), 'Progressing: rollout is restarting');
    });
    it('is not restarting once restartedAt equals restartAt', () => {
      const r = canaryRollout({ steps, spec: { restartAt: '2026-01-15T10:00:00Z' }, status: { ...done, restartedAt: '2026-01-15T10:00:00Z' } });
      assert.equal(phaseOf(r), 'Healthy');
    });
    it('is Progressing while fewer replicas are updated than desired', () => {
      assert.equal(phaseOf(canaryRollout({ steps, status: { ...done, updatedReplicas: 3 } })), 'Progressing: more replicas need to be updated');
    });
    it('defaults the desired replicas to 1', () => {
      const r = canaryRollout({ steps, spec: { replicas: undefined }, status: { ...done, replicas: 0, updatedReplicas: 0, availableReplicas: 0 } });
      assert.equal(phaseOf(r), 'Progressing: more replicas need to be updated');
    });
    it('is Progressing while updated replicas are still becoming available', () => {
      assert.equal(phaseOf(canaryRollout({ steps, status: { ...done, availableReplicas: 3 } })), 'Progressing: updated replicas are still becoming available');
    });
    it('is Progressing while a basic canary still has old replicas', () => {
      assert.equal(phaseOf(canaryRollout({ steps, status: { ...done, replicas: 5 } })), 'Progressing: old replicas are pending termination');
    });
    it('lets a traffic-routed canary keep old replicas (scale-down delay)', () => {
      const r = canaryRollout({ steps, canary: { trafficRouting: { nginx: { stableIngress: 'x' } } }, status: { ...done, replicas: 5 } });
      assert.equal(phaseOf(r), 'Healthy');
    });
    it('is Progressing while the canary is not fully promoted', () => {
      assert.equal(phaseOf(canaryRollout({ steps, status: { ...done, stableRS: 'old' } })), 'Progressing: waiting for all steps to complete');
    });
    it('is Progressing for a canary without a stable ReplicaSet yet', () => {
      assert.equal(phaseOf(canaryRollout({ steps, status: { ...done, stableRS: '', currentPodHash: '' } })), 'Progressing: waiting for all steps to complete');
    });
    it('is Healthy for a fully promoted canary', () => {
      assert.equal(phaseOf(canaryRollout({ steps, status: done })), 'Healthy');
    });

    const bgDone = { replicas: 2, updatedReplicas: 2, availableReplicas: 2, currentPodHash: 'new', stableRS: 'new', blueGreen: { activeSelector: 'new' } };
    it('is Progressing while the blueGreen active service still points at the old pods', () => {
      assert.equal(phaseOf(blueGreenRollout({ status: { ...bgDone, blueGreen: { activeSelector: 'old' } } })), 'Progressing: active service cutover pending');
    });
    it('is Progressing while blueGreen post-promotion analysis runs', () => {
      const r = blueGreenRollout({ blueGreen: { postPromotionAnalysis: { templates: [{ templateName: 't' }] } }, status: { ...bgDone, stableRS: 'old', blueGreen: { activeSelector: 'new', postPromotionAnalysisRunStatus: { name: 'r', status: 'Running' } } } });
      assert.equal(phaseOf(r), 'Progressing: waiting for analysis to complete');
    });
    it('is Progressing in post-promotion verification once that analysis completed', () => {
      const r = blueGreenRollout({ blueGreen: { postPromotionAnalysis: { templates: [] } }, status: { ...bgDone, stableRS: 'old', blueGreen: { activeSelector: 'new', postPromotionAnalysisRunStatus: { status: 'Successful' } } } });
      assert.equal(phaseOf(r), 'Progressing: waiting for post-promotion verification to complete');
    });
    it('is Healthy for a promoted blueGreen rollout', () => {
      assert.equal(phaseOf(blueGreenRollout({ status: bgDone })), 'Healthy');
    });
  });

  describe('on objects that are not what they should be', () => {
    for (const [what, value] of [['null', null], ['a string', 'rollout'], ['an empty object', {}], ['an array', []]] as const) {
      it(`does not throw on ${what}`, () => assert.doesNotThrow(() => rolloutPhase(value)));
    }
    it('treats fields of the wrong type as absent', () => {
      const r = { metadata: { generation: 'x' }, spec: { replicas: '3', strategy: { canary: [] } }, status: { conditions: 'none', pauseConditions: {}, updatedReplicas: '3' } };
      assert.equal(phaseOf(r), 'Progressing: more replicas need to be updated');
    });
  });
});
