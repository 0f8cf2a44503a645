import { strict as assert } from 'node:assert';
import { rolloutPhase } from '../../../../src/core/rollout/rolloutPhase';
import { isJsonObject, type JsonObject } from '../../../../testbed/apiDouble/jsonValue';
import { constantMetricSource } from '../../../../testbed/canarySimulator/metricSource';
import { appendObservation, formatObservation, observe as observeRollout, type Observation } from '../../../realCluster/rolloutSequence';
import { aRollout, aSimulation, aTemplate, observe, patchSpec, patchStatus, setImage, statusOf, type Sim } from './simFixtures';

// The v1.9.1 controller's semantics the simulator follows (issue 9 §3.5–3.8; rollout/canary.go,
// rollout/trafficrouting.go, rollout/restart.go, rollout/analysis.go, utils/replicaset/canary.go). The same
// sequence against the real controller is compared by test/realCluster/08-simulatorVsController.test.ts.

/** Every distinct observation of rollout `web` the store hands out from now on, as `get rollout` shows it. */
function record(s: Sim): Observation[] {
  const seen: Observation[] = [];
  s.store.onEvent((e) => {
    if (e.resource.plural === 'rollouts' && e.type !== 'DELETED') appendObservation(seen, observeRollout(e.object));
  });
  return seen;
}

const podNames = (s: Sim): string[] => s.store.list('pods').items.map((p) => String(isJsonObject(p.metadata) ? p.metadata.name : ''));

describe('Canary simulator, as the v1.9.1 controller', () => {
  let s: Sim;
  beforeEach(() => {
    s = aSimulation();
  });
  afterEach(() => assert.deepEqual(s.sim.errors, []));

  it('advances one step per reconcile: a setWeight completes once the canary has its pods, ActualWeight keeps the previous weight until then', () => {
    s.store.create('rollouts', aRollout({ trafficRouting: true, steps: [{ setWeight: 20 }, { pause: {} }, { setWeight: 60 }, { pause: {} }] }));
    s.sim.settle();
    const seen = record(s);
    setImage(s, 'example/web:2.0');
    patchStatus(s, { pauseConditions: null });
    assert.deepEqual(seen.map(formatObservation), [
      'Progressing · 4/4 · 100/0 · waiting for rollout spec update to be observed',
      'Progressing · 0/4 · 20/0 · more replicas need to be updated',
      'Progressing · 1/4 · 20/20 · more replicas need to be updated',
      'Paused · 1/4 · 20/20 · CanaryPauseStep',
      'Progressing · 1/4 · 20/20 · waiting for rollout to unpause',
      'Progressing · 2/4 · 60/20 · more replicas need to be updated',
      'Progressing · 3/4 · 60/60 · more replicas need to be updated',
      'Paused · 3/4 · 60/60 · CanaryPauseStep',
    ]);
  });

  it('restarts the canary from the first step when only the steps change: pause cleared, abort removed', () => {
    s.store.create('rollouts', aRollout({ trafficRouting: true }));
    s.sim.settle();
    setImage(s, 'example/web:2.0');
    patchStatus(s, { pauseConditions: null });
    assert.equal(observe(s).info.step, '3/4');
    patchStatus(s, { abort: true });
    assert.equal(rolloutPhase(observe(s).rollout).phase, 'Degraded');
    patchSpec(s, { strategy: { canary: { steps: [{ setWeight: 10 }, { pause: {} }, { setWeight: 40 }, { pause: {} }, { setWeight: 80 }] } } });
    const { rollout, info } = observe(s);
    assert.deepEqual({ phase: info.phase, message: info.message, step: info.step, setWeight: info.setWeight }, { phase: 'Paused', message: 'CanaryPauseStep', step: '1/5', setWeight: 10 });
    assert.equal(statusOf(rollout).abort, undefined);
    assert.equal(statusOf(rollout).abortedAt, undefined);
    assert.equal(info.replicaSets.filter((rs) => rs.revision === 2).length, 1, 'the same canary ReplicaSet: the template did not change');
  });

  it('goes Degraded with ProgressDeadlineExceeded when the canary\'s pods never become ready', () => {
    s.store.create('rollouts', { ...aRollout(), spec: { ...(aRollout().spec as JsonObject), progressDeadlineSeconds: 120 } });
    s.sim.settle();
    s.sim.setPodReadiness((rs) => !JSON.stringify(rs).includes('example/web:2.0'));
    setImage(s, 'example/web:2.0');
    assert.deepEqual(rolloutPhase(observe(s).rollout), { phase: 'Progressing', message: 'more replicas need to be updated' });
    s.clock.tick(119_000);
    assert.equal(rolloutPhase(observe(s).rollout).phase, 'Progressing');
    s.clock.tick(2_000);
    const { rollout, info } = observe(s);
    const canary = info.replicaSets.find((rs) => rs.revision === 2);
    assert.deepEqual(rolloutPhase(rollout), { phase: 'Degraded', message: `ProgressDeadlineExceeded: ReplicaSet "${canary?.name ?? ''}" has timed out progressing.` });
    assert.equal(info.step, '0/4', 'the setWeight step never completed');
  });

  it('keeps an aborted canary for abortScaleDownDelaySeconds, and for good when it is 0', () => {
    const rollout = aRollout({ trafficRouting: true });
    const canary = (rollout.spec as { strategy: { canary: JsonObject } }).strategy.canary;
    canary.abortScaleDownDelaySeconds = 5;
    s.store.create('rollouts', rollout);
    s.sim.settle();
    setImage(s, 'example/web:2.0');
    patchStatus(s, { abort: true });
    s.clock.tick(4_000);
    assert.equal(observe(s).info.replicaSets.find((rs) => rs.revision === 2)?.replicas, 1);
    s.clock.tick(1_000);
    assert.equal(observe(s).info.replicaSets.find((rs) => rs.revision === 2)?.replicas, 0);

    canary.abortScaleDownDelaySeconds = 0;
    s = aSimulation();
    s.store.create('rollouts', rollout);
    s.sim.settle();
    setImage(s, 'example/web:2.0');
    patchStatus(s, { abort: true });
    s.clock.tick(3_600_000);
    assert.equal(observe(s).info.replicaSets.find((rs) => rs.revision === 2)?.replicas, 1);
  });

  it('restarts pods at most maxUnavailable at a time and sets restartedAt only when every pod is newer', () => {
    s.store.create('rollouts', aRollout({ replicas: 4 }));
    s.sim.settle();
    const old = podNames(s);
    const events: string[] = [];
    s.store.onEvent((e) => {
      if (e.resource.plural === 'pods' && e.type !== 'MODIFIED') events.push(e.type);
    });
    patchSpec(s, { restartAt: '2024-05-01T10:00:10Z' });
    s.clock.tick(11_000);
    // maxUnavailable 25% of 4 = 1: each eviction is replaced before the next.
    assert.deepEqual(events, ['DELETED', 'ADDED', 'DELETED', 'ADDED', 'DELETED', 'ADDED', 'DELETED', 'ADDED']);
    assert.deepEqual(podNames(s).filter((n) => old.includes(n)), []);
    assert.equal(statusOf(observe(s).rollout).restartedAt, '2024-05-01T10:00:10Z');
  });

  it('does not evict past a PodDisruptionBudget, looks again every 30 s, and restarts once the budget allows', () => {
    s.store.create('rollouts', aRollout({ replicas: 2 }));
    s.store.create('poddisruptionbudgets', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web', namespace: 'default' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } } });
    s.sim.settle();
    const old = podNames(s);
    patchSpec(s, { restartAt: '2024-05-01T10:00:10Z' });
    s.clock.tick(60_000);
    assert.deepEqual(podNames(s), old, 'no pod was evicted');
    assert.deepEqual(rolloutPhase(observe(s).rollout), { phase: 'Progressing', message: 'rollout is restarting' });
    assert.equal(statusOf(observe(s).rollout).restartedAt, undefined);
    assert.equal(s.clock.nextDueMs(), Date.parse('2024-05-01T10:01:10.001Z'), 'the next look is 30 s after the last');
    s.store.delete({ resource: 'poddisruptionbudgets', namespace: 'default', name: 'web' });
    s.clock.tick(30_000);
    assert.deepEqual(podNames(s).filter((n) => old.includes(n)), []);
    assert.equal(statusOf(observe(s).rollout).restartedAt, '2024-05-01T10:00:10Z');
  });

  it('starts a new background run named ….1 when a client promotes past an Inconclusive one', () => {
    s = aSimulation(constantMetricSource(0.5));
    s.store.create('analysistemplates', aTemplate('success-rate', 'result[0] >= 0.95', { failureCondition: 'result[0] < 0.1', interval: '1m' }));
    s.store.create('rollouts', aRollout({ steps: [{ setWeight: 20 }, { pause: {} }, { setWeight: 50 }, { pause: {} }], analysis: { templates: [{ templateName: 'success-rate' }], args: [{ name: 'service', value: 'web-canary' }] } }));
    s.sim.settle();
    setImage(s, 'example/web:2.0');
    const hash = String(statusOf(observe(s).rollout).currentPodHash);
    const st = statusOf(observe(s).rollout);
    assert.deepEqual(st.pauseConditions && Array.isArray(st.pauseConditions) ? st.pauseConditions.map((c) => (isJsonObject(c) ? c.reason : '')) : [], ['InconclusiveAnalysisRun']);
    assert.deepEqual(isJsonObject(st.canary) ? st.canary.currentBackgroundAnalysisRunStatus : undefined, {
      name: `web-${hash}-2`, status: 'Inconclusive', message: 'Metric "success-rate" assessed Inconclusive due to inconclusive (1) > inconclusiveLimit (0)',
    });
    patchStatus(s, { pauseConditions: null });
    const after = statusOf(observe(s).rollout);
    assert.equal(isJsonObject(after.canary) && isJsonObject(after.canary.currentBackgroundAnalysisRunStatus) ? after.canary.currentBackgroundAnalysisRunStatus.name : '', `web-${hash}-2.1`);
    assert.ok(s.store.get({ resource: 'analysisruns', namespace: 'default', name: `web-${hash}-2` }), 'the Inconclusive run is kept');
  });
});
