import { strict as assert } from 'node:assert';
import { rolloutPhase } from '../../../../src/core/rollout/rolloutPhase';
import { isJsonObject } from '../../../../testbed/apiDouble/jsonValue';
import { aRollout, aSimulation, observe, patchSpec, patchStatus, setImage, statusOf, type Sim } from './simFixtures';

function stage(s: Sim): { phase: string; message: string; step: string; setWeight: number | undefined; actualWeight: number | undefined } {
  const { info } = observe(s);
  return { phase: info.phase, message: info.message, step: info.step, setWeight: info.setWeight, actualWeight: info.actualWeight };
}

function replicaSetsByRevision(s: Sim): { revision: number; replicas: number; tags: string[] }[] {
  return observe(s).info.replicaSets.map((rs) => ({
    revision: rs.revision, replicas: rs.replicas, tags: [rs.stable ? 'stable' : '', rs.canary ? 'canary' : ''].filter((t) => t !== ''),
  }));
}

describe('Canary simulator through the store API', () => {
  let s: Sim;
  beforeEach(() => {
    s = aSimulation();
  });
  // Every test's simulator must have settled without internal errors.
  afterEach(() => assert.deepEqual(s.sim.errors, []));

  it('deploys a new rollout straight to Healthy with a ReplicaSet of ready pods owned by it', () => {
    s.store.create('rollouts', aRollout());
    s.sim.settle();
    const { rollout, info } = observe(s);
    const st = statusOf(rollout);
    assert.deepEqual(rolloutPhase(rollout), { phase: 'Healthy', message: '' });
    assert.equal(st.stableRS, st.currentPodHash);
    assert.match(String(st.currentPodHash), /^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    assert.equal(st.observedGeneration, '1');
    assert.equal(st.currentStepIndex, 4);
    assert.deepEqual([st.replicas, st.updatedReplicas, st.readyReplicas, st.availableReplicas], [5, 5, 5, 5]);
    assert.deepEqual({ step: info.step, setWeight: info.setWeight, actualWeight: info.actualWeight }, { step: '4/4', setWeight: 100, actualWeight: 100 });
    const [rs] = info.replicaSets;
    assert.equal(info.replicaSets.length, 1);
    assert.deepEqual({ name: rs?.name, revision: rs?.revision, status: rs?.status, stable: rs?.stable }, { name: `web-${String(st.currentPodHash)}`, revision: 1, status: 'Healthy', stable: true });
    assert.deepEqual(rs?.pods.map((p) => [p.status, p.ready]), Array(5).fill(['Running', '1/1']));
    const meta = observe(s).rollout.metadata;
    assert.equal(isJsonObject(meta) && isJsonObject(meta.annotations) ? meta.annotations['rollout.argoproj.io/revision'] : undefined, '1');
  });

  it('walks an image change through setWeight and a timed pause as the clock moves', () => {
    s.store.create('rollouts', aRollout({ steps: [{ setWeight: 20 }, { pause: { duration: '1m' } }, { setWeight: 60 }, { pause: { duration: '30s' } }] }));
    s.sim.settle();
    setImage(s, 'example/web:2.0');
    assert.deepEqual(stage(s), { phase: 'Paused', message: 'CanaryPauseStep', step: '1/4', setWeight: 20, actualWeight: 20 });
    const st = statusOf(observe(s).rollout);
    assert.deepEqual(st.pauseConditions, [{ reason: 'CanaryPauseStep', startTime: '2024-05-01T10:00:00Z' }]);
    assert.equal(st.controllerPause, true);
    assert.equal(st.observedGeneration, '2');
    assert.deepEqual(replicaSetsByRevision(s), [{ revision: 2, replicas: 1, tags: ['canary'] }, { revision: 1, replicas: 4, tags: ['stable'] }]);

    s.clock.tick(59_000);
    assert.equal(stage(s).step, '1/4');
    s.clock.tick(1_000);
    assert.deepEqual(stage(s), { phase: 'Paused', message: 'CanaryPauseStep', step: '3/4', setWeight: 60, actualWeight: 60 });
    assert.deepEqual(statusOf(observe(s).rollout).pauseConditions, [{ reason: 'CanaryPauseStep', startTime: '2024-05-01T10:01:00Z' }]);

    s.clock.tick(30_000);
    assert.deepEqual(stage(s), { phase: 'Healthy', message: '', step: '4/4', setWeight: 100, actualWeight: 100 });
    assert.deepEqual(replicaSetsByRevision(s), [{ revision: 2, replicas: 5, tags: ['stable'] }, { revision: 1, replicas: 0, tags: [] }]);
    assert.equal(observe(s).info.replicaSets[1]?.status, 'ScaledDown');
  });

  it('walks several timed pauses in one long tick, each starting when the previous ended', () => {
    s.store.create('rollouts', aRollout({ steps: [{ setWeight: 10 }, { pause: { duration: '1m' } }, { setWeight: 30 }, { pause: { duration: '1m' } }, { setWeight: 50 }, { pause: {} }] }));
    s.sim.settle();
    setImage(s, 'example/web:2.0');
    s.clock.tick(10 * 60_000);
    assert.deepEqual(stage(s), { phase: 'Paused', message: 'CanaryPauseStep', step: '5/6', setWeight: 50, actualWeight: 50 });
    assert.deepEqual(statusOf(observe(s).rollout).pauseConditions, [{ reason: 'CanaryPauseStep', startTime: '2024-05-01T10:02:00Z' }]);
  });

  it('moves to the next step when a client clears the pause conditions (promote)', () => {
    s.store.create('rollouts', aRollout());
    s.sim.settle();
    setImage(s, 'example/web:2.0');
    assert.equal(stage(s).step, '1/4');
    patchStatus(s, { pauseConditions: null });
    assert.deepEqual(stage(s), { phase: 'Paused', message: 'CanaryPauseStep', step: '3/4', setWeight: 50, actualWeight: 50 });
    assert.equal(statusOf(observe(s).rollout).controllerPause, true);
  });

  it('aborts on status.abort: Degraded with Argo\'s message, SetWeight 0, the canary kept for abortScaleDownDelaySeconds (30 s) with traffic routing', () => {
    s.store.create('rollouts', aRollout({ trafficRouting: true }));
    s.sim.settle();
    setImage(s, 'example/web:2.0');
    patchStatus(s, { abort: true });
    const { rollout, info } = observe(s);
    assert.deepEqual(rolloutPhase(rollout), { phase: 'Degraded', message: 'RolloutAborted: Rollout aborted update to revision 2' });
    assert.deepEqual({ step: info.step, setWeight: info.setWeight, actualWeight: info.actualWeight }, { step: '0/4', setWeight: 0, actualWeight: 0 });
    const st = statusOf(rollout);
    assert.equal(st.abortedAt, '2024-05-01T10:00:00Z');
    assert.equal(st.pauseConditions, undefined);
    const weights = isJsonObject(st.canary) ? st.canary.weights : undefined;
    assert.deepEqual(isJsonObject(weights) && isJsonObject(weights.canary) ? weights.canary.weight : undefined, 0);
    assert.deepEqual(replicaSetsByRevision(s), [{ revision: 2, replicas: 1, tags: ['canary'] }, { revision: 1, replicas: 5, tags: ['stable'] }]);
    assert.equal(observe(s).info.replicaSets[0]?.scaleDownDeadline, '2024-05-01T10:00:30Z');
    s.clock.tick(29_000);
    assert.equal(replicaSetsByRevision(s)[0]?.replicas, 1);
    s.clock.tick(1_000);
    assert.deepEqual(replicaSetsByRevision(s), [{ revision: 2, replicas: 0, tags: ['canary'] }, { revision: 1, replicas: 5, tags: ['stable'] }]);
  });

  it('scales an aborted basic canary (no traffic routing) down at once', () => {
    s.store.create('rollouts', aRollout());
    s.sim.settle();
    setImage(s, 'example/web:2.0');
    patchStatus(s, { abort: true });
    assert.deepEqual(replicaSetsByRevision(s), [{ revision: 2, replicas: 0, tags: ['canary'] }, { revision: 1, replicas: 5, tags: ['stable'] }]);
  });

  it('retries an aborted update from the first step when status.abort goes back to false', () => {
    s.store.create('rollouts', aRollout());
    s.sim.settle();
    setImage(s, 'example/web:2.0');
    patchStatus(s, { abort: true });
    patchStatus(s, { abort: false });
    assert.deepEqual(stage(s), { phase: 'Paused', message: 'CanaryPauseStep', step: '1/4', setWeight: 20, actualWeight: 20 });
    const st = statusOf(observe(s).rollout);
    assert.equal(st.abort, undefined);
    assert.equal(st.abortedAt, undefined);
  });

  it('jumps to the end on promoteFull and makes the canary stable', () => {
    s.store.create('rollouts', aRollout());
    s.sim.settle();
    setImage(s, 'example/web:2.0');
    patchStatus(s, { promoteFull: true });
    assert.deepEqual(stage(s), { phase: 'Healthy', message: '', step: '4/4', setWeight: 100, actualWeight: 100 });
    const st = statusOf(observe(s).rollout);
    assert.equal(st.promoteFull, undefined);
    assert.equal(st.stableRS, st.currentPodHash);
  });

  it('stays manually paused while spec.paused is set and resumes when it is cleared', () => {
    s.store.create('rollouts', aRollout({ steps: [{ setWeight: 20 }, { pause: { duration: '10s' } }, { setWeight: 50 }, { pause: {} }] }));
    s.sim.settle();
    setImage(s, 'example/web:2.0');
    patchSpec(s, { paused: true });
    s.clock.tick(60_000);
    assert.deepEqual(stage(s), { phase: 'Paused', message: 'manually paused', step: '1/4', setWeight: 20, actualWeight: 20 });
    patchSpec(s, { paused: false });
    assert.deepEqual(stage(s), { phase: 'Paused', message: 'CanaryPauseStep', step: '3/4', setWeight: 50, actualWeight: 50 });
  });

  it('shows an unpausing rollout as Progressing until it has reconciled', () => {
    s.store.create('rollouts', aRollout());
    s.sim.settle();
    setImage(s, 'example/web:2.0');
    s.store.patchStatus({ resource: 'rollouts', namespace: 'default', name: 'web' }, { pauseConditions: null });
    assert.deepEqual(rolloutPhase(observe(s).rollout), { phase: 'Progressing', message: 'waiting for rollout to unpause' });
    s.sim.settle();
    assert.equal(rolloutPhase(observe(s).rollout).phase, 'Paused');
  });

  it('replaces every pod at spec.restartAt and records status.restartedAt', () => {
    s.store.create('rollouts', aRollout({ replicas: 2 }));
    s.sim.settle();
    const before = s.store.list('pods').items.map((p) => (isJsonObject(p.metadata) ? p.metadata.name : ''));
    patchSpec(s, { restartAt: '2024-05-01T10:00:30Z' });
    assert.deepEqual(rolloutPhase(observe(s).rollout), { phase: 'Progressing', message: 'rollout is restarting' });
    s.clock.tick(30_000);
    assert.equal(rolloutPhase(observe(s).rollout).message, 'rollout is restarting', 'only after restartAt, not at it');
    s.clock.tick(1_000);
    assert.deepEqual(rolloutPhase(observe(s).rollout), { phase: 'Healthy', message: '' });
    const after = s.store.list('pods').items.map((p) => (isJsonObject(p.metadata) ? p.metadata.name : ''));
    assert.equal(after.length, 2);
    assert.deepEqual(after.filter((n) => before.includes(n)), []);
    assert.equal(statusOf(observe(s).rollout).restartedAt, '2024-05-01T10:00:30Z');
  });

  it('keeps the old stable ReplicaSet until its scale-down deadline when traffic is routed', () => {
    s.store.create('rollouts', aRollout({ trafficRouting: true, steps: [{ setWeight: 50 }] }));
    s.sim.settle();
    setImage(s, 'example/web:2.0');
    const old = observe(s).info.replicaSets.find((rs) => rs.revision === 1);
    assert.deepEqual({ replicas: old?.replicas, deadline: old?.scaleDownDeadline, delay: old?.scaleDownDelay }, { replicas: 5, deadline: '2024-05-01T10:00:30Z', delay: '30s' });
    assert.deepEqual(rolloutPhase(observe(s).rollout), { phase: 'Healthy', message: '' });
    s.clock.tick(30_000);
    const gone = observe(s).info.replicaSets.find((rs) => rs.revision === 1);
    assert.deepEqual({ replicas: gone?.replicas, deadline: gone?.scaleDownDeadline, status: gone?.status }, { replicas: 0, deadline: '', status: 'ScaledDown' });
  });

  it('going back to the stable template skips the steps', () => {
    s.store.create('rollouts', aRollout());
    s.sim.settle();
    setImage(s, 'example/web:2.0');
    setImage(s, 'example/web:1.0');
    assert.deepEqual(stage(s), { phase: 'Healthy', message: '', step: '4/4', setWeight: 100, actualWeight: 100 });
    assert.deepEqual(replicaSetsByRevision(s).map((r) => [r.revision, r.replicas]), [[3, 5], [2, 0]]);
  });

  it('survives rollouts whose fields are missing or of the wrong type', () => {
    s.store.create('rollouts', { metadata: { name: 'odd' }, spec: { replicas: 'three', template: null, strategy: { canary: { steps: 'x', analysis: { templates: 7 } } } } });
    s.store.create('rollouts', { metadata: { name: 'bare' }, spec: { strategy: { canary: {} } } });
    s.sim.settle();
    assert.equal(rolloutPhase(observe(s, 'odd').rollout).phase, 'Healthy');
    assert.equal(observe(s, 'bare').info.replicaSets[0]?.pods.length, 1);
  });
});
