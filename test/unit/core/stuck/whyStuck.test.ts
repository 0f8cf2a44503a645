// Why a live rollout waits, in one sentence with the next action: every cause the controller can block on.
import { strict as assert } from 'node:assert';
import { whyStuck } from '../../../../src/core/stuck/whyStuck';
import type { RelatedObjects } from '../../../../src/core/rollout/rolloutInfo';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const UID = 'ro-uid';
const HASH = '7d9f8c6b5';
const STEPS = [{ setWeight: 20 }, { pause: {} }, { setWeight: 50 }, { pause: { duration: '1m' } }];

function rollout(status: Record<string, unknown>, spec: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'web', namespace: 'shop', uid: UID, generation: 2, annotations: { 'rollout.argoproj.io/revision': '2' } },
    spec: {
      replicas: 4,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'shop/web:2.0' }] } },
      strategy: { canary: { steps: STEPS } },
      ...spec,
    },
    status: { observedGeneration: '2', currentPodHash: HASH, stableRS: 'aaaa1111', ...status },
  };
}

const canaryRS = { metadata: { name: `web-${HASH}`, namespace: 'shop', uid: 'rs-uid', labels: { 'rollouts-pod-template-hash': HASH }, ownerReferences: [{ uid: UID }] } };

function pod(containerStatus: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    metadata: { name: `web-${HASH}-x2k9p`, namespace: 'shop', labels: { 'rollouts-pod-template-hash': HASH }, ownerReferences: [{ uid: 'rs-uid' }] },
    spec: { containers: [{ name: 'app', image: 'shop/web:2.0' }] },
    status: { phase: 'Pending', containerStatuses: [{ name: 'app', ready: false, restartCount: 0, image: 'shop/web:2.0', ...containerStatus }], ...extra },
  };
}

const progressing = { conditions: [{ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' }], currentStepIndex: 0 };

function related(...pods: unknown[]): RelatedObjects {
  return { replicaSets: [canaryRS], pods };
}

describe('why a rollout is stuck', () => {
  it('says a rollout on an indefinite pause waits for promotion, and Promote goes to the next step', () => {
    const s = whyStuck(rollout({ currentStepIndex: 1, pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2026-03-02T09:50:00Z' }] }), {}, NOW);
    assert.deepEqual(s, { kind: 'waitingForPromotion', sentence: 'Waiting for promotion at step 2 of 4: the pause has no duration.', next: 'Promote to continue to step 3.', action: 'promote' });
  });

  it('gives the time left of a timed pause', () => {
    const s = whyStuck(rollout({ currentStepIndex: 3, pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2026-03-02T09:59:20Z' }] }), {}, NOW);
    assert.equal(s?.kind, 'timedPause');
    assert.equal(s?.sentence, 'Paused for 1m at step 4 of 4, 20s left.');
    assert.equal(s?.pauseEndsAt, Date.parse('2026-03-02T10:00:20Z'));
    assert.equal(s?.next, 'Nothing to do: it continues by itself. Promote to finish the update now.');
  });

  it('says why an aborted rollout aborted, and offers Retry', () => {
    const message = 'RolloutAborted: Rollout aborted update to revision 2: Metric "success-rate" assessed Failed due to failed (2) > failureLimit (1)';
    const s = whyStuck(rollout({ abort: true, phase: 'Degraded', message, currentStepIndex: 0 }), {}, NOW);
    assert.equal(s?.kind, 'aborted');
    assert.equal(s?.sentence, 'Aborted (revision 2): Metric "success-rate" assessed Failed due to failed (2) > failureLimit (1); traffic is back on the stable version.');
    assert.equal(s?.action, 'retry');
    const manual = whyStuck(rollout({ abort: true, phase: 'Degraded', message: 'RolloutAborted: Rollout aborted update to revision 2' }), {}, NOW);
    assert.equal(manual?.sentence, 'Aborted (revision 2) by hand (no analysis failed); traffic is back on the stable version.');
  });

  it('names the image a canary pod cannot pull', () => {
    const s = whyStuck(rollout(progressing), related(pod({ state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "shop/web:2.0"' } } })), NOW);
    assert.equal(s?.kind, 'podsNotReady');
    assert.equal(s?.sentence, `The new pods are not ready: pod web-${HASH}-x2k9p cannot pull image shop/web:2.0 (ImagePullBackOff: Back-off pulling image "shop/web:2.0").`);
    assert.equal(s?.action, 'setImage');
  });

  it('names the container that keeps crashing, its restarts and last exit', () => {
    const s = whyStuck(rollout(progressing), related(pod({ restartCount: 5, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { reason: 'Error', exitCode: 1 } } })), NOW);
    assert.equal(s?.sentence, `The new pods are not ready: container app of pod web-${HASH}-x2k9p keeps crashing (CrashLoopBackOff, 5 restarts; last exit Error, code 1).`);
    assert.match(s?.next ?? '', /kubectl logs web-7d9f8c6b5-x2k9p -c app --previous/);
  });

  it('calls a readiness probe failing only once the container has run for 30 s unready', () => {
    const running = (startedAt: string) => pod({ state: { running: { startedAt } } }, { phase: 'Running' });
    assert.equal(whyStuck(rollout(progressing), related(running('2026-03-02T09:59:50Z')), NOW), undefined);
    const s = whyStuck(rollout(progressing), related(running('2026-03-02T09:58:00Z')), NOW);
    assert.equal(s?.sentence, `The new pods are not ready: container app of pod web-${HASH}-x2k9p is running but fails its readiness probe.`);
  });

  it('ignores pods of other rollouts and of the stable version', () => {
    const other = { ...pod({ state: { waiting: { reason: 'ImagePullBackOff' } } }), metadata: { name: 'other', ownerReferences: [{ uid: 'someone-else' }] } };
    assert.equal(whyStuck(rollout(progressing), related(other), NOW), undefined);
  });

  it('says ProgressDeadlineExceeded with the pod reason behind it', () => {
    const status = { currentStepIndex: 0, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-7d9f8c6b5" has timed out progressing.' }] };
    const s = whyStuck(rollout(status, { progressDeadlineSeconds: 120 }), related(pod({ state: { waiting: { reason: 'ErrImagePull' } } })), NOW);
    assert.equal(s?.kind, 'progressDeadline');
    assert.equal(s?.sentence, `No progress for 120 s (ProgressDeadlineExceeded): pod web-${HASH}-x2k9p cannot pull image shop/web:2.0 (ErrImagePull).`);
    const bare = whyStuck(rollout(status), {}, NOW);
    assert.equal(bare?.sentence, 'No progress for 600 s (ProgressDeadlineExceeded) (ReplicaSet "web-7d9f8c6b5" has timed out progressing.).');
  });

  it('gives the controller\'s InvalidSpec message and the lint rule that explains it', () => {
    const message = 'The Rollout "web" is invalid: spec.strategy.steps[0].setWeight: Invalid value: 200: SetWeight needs to be between 0 and 100';
    const s = whyStuck(rollout({ conditions: [{ type: 'InvalidSpec', status: 'True', reason: 'InvalidSpec', message }] }, { strategy: { canary: { steps: [{ setWeight: 200 }] } } }), {}, NOW);
    assert.equal(s?.kind, 'invalidSpec');
    assert.equal(s?.sentence, 'The controller refuses the spec: spec.strategy.steps[0].setWeight: Invalid value: 200: SetWeight needs to be between 0 and 100.');
    assert.equal(s?.ruleId, 'step-set-weight-range');
    assert.equal(s?.action, undefined);
  });

  it('says which analysis was Inconclusive and that it waits for a decision', () => {
    const run = {
      metadata: { name: 'web-7d9f8c6b5-2-1', ownerReferences: [{ uid: UID }], annotations: { 'rollout.argoproj.io/revision': '2' } },
      status: { phase: 'Inconclusive', metricResults: [{ name: 'latency', phase: 'Inconclusive', message: 'inconclusive (2) > inconclusiveLimit (1)' }, { name: 'success-rate', phase: 'Successful' }] },
    };
    const s = whyStuck(rollout({ currentStepIndex: 2, pauseConditions: [{ reason: 'InconclusiveAnalysisRun' }] }), { analysisRuns: [run] }, NOW);
    assert.equal(s?.sentence, 'Analysis run web-7d9f8c6b5-2-1 was Inconclusive (latency: inconclusive (2) > inconclusiveLimit (1)): the rollout waits for you to decide.');
    assert.equal(s?.next, 'Promote to continue to step 4 if the results are good enough, or Abort.');
  });

  it('says the traffic weight waits for the load balancer to verify it', () => {
    const s = whyStuck(rollout({ currentStepIndex: 2, canary: { weights: { canary: { weight: 50 }, stable: { weight: 50 }, verified: false } } }), {}, NOW);
    assert.equal(s?.kind, 'weightNotVerified');
    assert.match(s?.sentence ?? '', /^The canary weight of 50% is not verified yet: .* step 3 of 4 waits\.$/);
  });

  it('offers Promote, the plugin\'s word, for a rollout a user paused', () => {
    const s = whyStuck(rollout({ currentStepIndex: 2 }, { paused: true }), {}, NOW);
    assert.equal(s?.kind, 'pausedByUser');
    assert.equal(s?.action, 'promote');
  });

  it('has nothing to say about a healthy or moving rollout, and never throws on junk', () => {
    assert.equal(whyStuck(rollout({ phase: 'Healthy', currentStepIndex: 4, stableRS: HASH }), related(), NOW), undefined);
    assert.equal(whyStuck(rollout(progressing), related(), NOW), undefined);
    for (const junk of [undefined, null, 3, 'x', [], { status: { conditions: 'x', pauseConditions: [null, 4] } }, rollout({ pauseConditions: [{ reason: 'CanaryPauseStep' }], currentStepIndex: 'z' })]) {
      assert.doesNotThrow(() => whyStuck(junk, { pods: [null, 1, 'x'] as unknown[], replicaSets: [undefined] as unknown[] }, NOW));
    }
  });
});
