import { strict as assert } from 'node:assert';
import { rolloutPhase } from '../../../../src/core/rollout/rolloutPhase';
import { isJsonObject, type JsonObject } from '../../../../testbed/apiDouble/jsonValue';
import { vectorData, type MetricSource } from '../../../../testbed/canarySimulator/metricSource';
import { aRollout, aSimulation, aTemplate, observe, patchStatus, setImage, statusOf, type Sim } from './simFixtures';

const analysisStep = { analysis: { templates: [{ templateName: 'success-rate' }], args: [{ name: 'service', value: 'web-canary' }] } };

function runs(s: Sim): JsonObject[] {
  return s.store.list('analysisruns', { namespace: 'default' }).items;
}

function run(s: Sim, name: string): JsonObject {
  const found = s.store.get({ resource: 'analysisruns', namespace: 'default', name });
  if (!found) throw new Error(`no run ${name}; have ${runs(s).map((r) => (isJsonObject(r.metadata) ? String(r.metadata.name) : '')).join(', ')}`);
  return found;
}

function field(obj: unknown, ...path: (string | number)[]): unknown {
  let node = obj;
  for (const k of path) node = Array.isArray(node) && typeof k === 'number' ? node[k] : isJsonObject(node) && typeof k === 'string' ? node[k] : undefined;
  return node;
}

/** A source whose answer the test changes; records the queries it was asked. */
function tunable(initial: number): { source: MetricSource; set(v: number): void; queries: string[] } {
  let value = initial;
  const queries: string[] = [];
  return {
    source: ({ query, now }) => {
      queries.push(query);
      return vectorData([value], now);
    },
    set: (v) => (value = v),
    queries,
  };
}

describe('Canary simulator analysis', () => {
  let s: Sim;
  afterEach(() => assert.deepEqual(s.sim.errors, []));

  function start(source: MetricSource, rollout: JsonObject, extra: JsonObject = {}): string {
    s = aSimulation(source);
    s.store.create('analysistemplates', aTemplate('success-rate', 'result[0] >= 0.95', extra));
    s.store.create('rollouts', rollout);
    s.sim.settle();
    setImage(s, 'example/web:2.0');
    return String(statusOf(observe(s).rollout).currentPodHash);
  }

  it('creates the step run with Argo\'s name, labels, revision annotation and owner, and moves on when it succeeds', () => {
    const metric = tunable(0.99);
    const hash = start(metric.source, aRollout({ steps: [{ setWeight: 20 }, analysisStep, { setWeight: 50 }, { pause: {} }] }));
    const r = run(s, `web-${hash}-2-1`);
    assert.deepEqual(field(r, 'metadata', 'labels'), { app: 'web', 'rollout-type': 'Step', 'step-index': '1', 'rollouts-pod-template-hash': hash });
    assert.deepEqual(field(r, 'metadata', 'annotations'), { 'rollout.argoproj.io/revision': '2' });
    assert.deepEqual(field(r, 'metadata', 'ownerReferences', 0, 'uid'), field(observe(s).rollout, 'metadata', 'uid'));
    assert.equal(field(r, 'status', 'phase'), 'Successful');
    assert.equal(field(r, 'status', 'metricResults', 0, 'measurements', 0, 'value'), '[0.99]');
    assert.deepEqual(metric.queries, ['success-rate{service="web-canary"}']);
    assert.equal(field(r, 'status', 'metricResults', 0, 'metadata', 'ResolvedPrometheusQuery'), 'success-rate{service="web-canary"}');
    const { info } = observe(s);
    assert.deepEqual({ phase: info.phase, step: info.step, setWeight: info.setWeight }, { phase: 'Paused', step: '3/4', setWeight: 50 });
    assert.deepEqual(info.revisions[0]?.analysisRuns.map((a) => [a.name, a.status, a.successful]), [[`web-${hash}-2-1`, 'Successful', 1]]);
  });

  it('waits for a counted run between measurements and continues when the count is reached', () => {
    const hash = start(tunable(0.99).source, aRollout({ steps: [analysisStep, { pause: {} }] }), { count: 3, interval: '30s' });
    assert.deepEqual({ ...rolloutPhase(observe(s).rollout), step: observe(s).info.step }, { phase: 'Progressing', message: 'more replicas need to be updated', step: '0/2' });
    assert.deepEqual(field(statusOf(observe(s).rollout), 'canary', 'currentStepAnalysisRunStatus'), { name: `web-${hash}-2-0`, status: 'Running' });
    s.clock.tick(30_000);
    assert.equal(field(run(s, `web-${hash}-2-0`), 'status', 'metricResults', 0, 'count'), 2);
    s.clock.tick(30_000);
    assert.equal(field(run(s, `web-${hash}-2-0`), 'status', 'phase'), 'Successful');
    assert.equal(observe(s).info.step, '1/2');
  });

  it('aborts the update when the step analysis fails, with the analysis reason in the message', () => {
    const hash = start(tunable(0.5).source, aRollout({ steps: [{ setWeight: 20 }, analysisStep, { pause: {} }] }));
    const { rollout, info } = observe(s);
    assert.deepEqual(rolloutPhase(rollout), {
      phase: 'Degraded',
      message: 'RolloutAborted: Rollout aborted update to revision 2: Step-based analysis phase error/failed: Metric "success-rate" assessed Failed due to failed (1) > failureLimit (0)',
    });
    assert.deepEqual({ step: info.step, setWeight: info.setWeight, actualWeight: info.actualWeight }, { step: '0/3', setWeight: 0, actualWeight: 0 });
    assert.equal(statusOf(rollout).abort, true);
    assert.deepEqual(field(statusOf(rollout), 'canary', 'currentStepAnalysisRunStatus'), {
      name: `web-${hash}-2-1`, status: 'Failed', message: 'Metric "success-rate" assessed Failed due to failed (1) > failureLimit (0)',
    });
    assert.deepEqual(info.replicaSets.map((rs) => [rs.revision, rs.replicas]), [[2, 0], [1, 5]]);
  });

  it('retries a failed analysis with a new run named with a .1 suffix', () => {
    const metric = tunable(0.5);
    const hash = start(metric.source, aRollout({ steps: [{ setWeight: 20 }, analysisStep, { pause: {} }] }));
    metric.set(0.99);
    patchStatus(s, { abort: false });
    assert.equal(field(run(s, `web-${hash}-2-1.1`), 'status', 'phase'), 'Successful');
    assert.equal(field(run(s, `web-${hash}-2-1`), 'status', 'phase'), 'Failed');
    assert.deepEqual(rolloutPhase(observe(s).rollout), { phase: 'Paused', message: 'CanaryPauseStep' });
  });

  it('reports an analysis error (no data) as an Error run and aborts', () => {
    const hash = start(({ now }) => vectorData([], now), aRollout({ steps: [analysisStep] }), { consecutiveErrorLimit: 0 });
    const r = run(s, `web-${hash}-2-0`);
    assert.equal(field(r, 'status', 'phase'), 'Error');
    assert.equal(field(r, 'status', 'metricResults', 0, 'measurements', 0, 'message'),
      'could not evaluate successCondition "result[0] >= 0.95": metric result is nil or empty: no data returned from the metric provider');
    assert.equal(rolloutPhase(observe(s).rollout).phase, 'Degraded');
  });

  it('pauses on an Inconclusive step run and continues after the plugin\'s promote patch', () => {
    const hash = start(tunable(0.9).source, aRollout({ steps: [analysisStep, { setWeight: 50 }, { pause: {} }] }), { failureCondition: 'result[0] < 0.5' });
    const { rollout } = observe(s);
    assert.deepEqual(rolloutPhase(rollout), { phase: 'Paused', message: 'InconclusiveAnalysisRun' });
    assert.equal(statusOf(rollout).controllerPause, true);
    assert.equal(field(run(s, `web-${hash}-2-0`), 'status', 'phase'), 'Inconclusive');
    // What `kubectl argo rollouts promote` sends for an inconclusive step.
    patchStatus(s, { pauseConditions: null, controllerPause: false, currentStepIndex: 1 });
    assert.deepEqual({ ...rolloutPhase(observe(s).rollout), step: observe(s).info.step }, { phase: 'Paused', message: 'CanaryPauseStep', step: '2/3' });
  });

  it('terminates a running step run when a promote skips its step', () => {
    const hash = start(tunable(0.99).source, aRollout({ steps: [analysisStep, { pause: {} }] }), { count: 5, interval: '1m' });
    patchStatus(s, { pauseConditions: null, currentStepIndex: 1 });
    const r = run(s, `web-${hash}-2-0`);
    assert.deepEqual([field(r, 'spec', 'terminate'), field(r, 'status', 'phase'), field(r, 'status', 'message')], [true, 'Successful', 'Run Terminated']);
    assert.equal(observe(s).info.step, '1/2');
  });

  it('starts background analysis at startingStep, keeps measuring on the interval, and terminates it on completion', () => {
    const metric = tunable(0.99);
    const background = { startingStep: 2, templates: [{ templateName: 'success-rate' }], args: [{ name: 'service', value: 'web-canary' }] };
    const hash = start(metric.source, aRollout({ analysis: background, steps: [{ setWeight: 20 }, { pause: { duration: '1m' } }, { setWeight: 50 }, { pause: { duration: '3m' } }] }), { interval: '1m' });
    assert.deepEqual(runs(s), []);
    s.clock.tick(60_000);
    const name = `web-${hash}-2`;
    assert.deepEqual(field(run(s, name), 'metadata', 'labels'), { app: 'web', 'rollout-type': 'Background', 'rollouts-pod-template-hash': hash });
    s.clock.tick(2 * 60_000);
    assert.equal(field(run(s, name), 'status', 'metricResults', 0, 'count'), 3);
    s.clock.tick(60_000);
    const done = run(s, name);
    assert.deepEqual([field(done, 'spec', 'terminate'), field(done, 'status', 'phase')], [true, 'Successful']);
    assert.equal(rolloutPhase(observe(s).rollout).phase, 'Healthy');
  });

  it('aborts when background analysis fails mid-update', () => {
    const metric = tunable(0.99);
    const background = { templates: [{ templateName: 'success-rate' }], args: [{ name: 'service', value: 'web-canary' }] };
    start(metric.source, aRollout({ analysis: background, steps: [{ setWeight: 20 }, { pause: { duration: '10m' } }] }), { interval: '1m' });
    metric.set(0.2);
    s.clock.tick(60_000);
    assert.deepEqual(rolloutPhase(observe(s).rollout), {
      phase: 'Degraded',
      message: 'RolloutAborted: Rollout aborted update to revision 2: Background analysis phase error/failed: Metric "success-rate" assessed Failed due to failed (1) > failureLimit (0)',
    });
  });

  it('makes the run Error when a template is missing', () => {
    s = aSimulation();
    s.store.create('rollouts', aRollout({ steps: [analysisStep] }));
    s.sim.settle();
    setImage(s, 'example/web:2.0');
    const [r] = runs(s);
    assert.equal(field(r, 'status', 'message'), 'AnalysisTemplate.argoproj.io "success-rate" not found');
    assert.equal(rolloutPhase(observe(s).rollout).phase, 'Degraded');
  });
});
