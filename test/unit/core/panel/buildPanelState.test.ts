import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { buildPanelState } from '../../../../src/core/panel/buildPanelState';
import type { MetricView } from '../../../../src/shared/protocol';
import { FAILED_RUN_MESSAGE, failedHugoRollout, failedHugoRuns } from './failedHugo';
import { CANARY_HASH, NOW, PROMETHEUS, clock, hugoMetric, hugoRollout, hugoRun, measurement, metricResult, panelInput, unix } from './panelBuilders';

function metric(state: ReturnType<typeof buildPanelState>, key: string): MetricView {
  const m = state.analysisRuns.flatMap((r) => r.metrics).find((x) => x.key === key);
  assert.ok(m, `no metric ${key}`);
  return m;
}

const BG = `gitops-hugo-${CANARY_HASH}-2`;

describe('Rollout panel state', () => {
  describe('gitops-hugo aborted by a failed background analysis', () => {
    const state = buildPanelState(panelInput(failedHugoRollout(), failedHugoRuns(), { lastStepBeforeAbort: 3 }));

    it('shows the header as kubectl argo rollouts get does', () => {
      assert.deepEqual(state.header, {
        context: 'kind-demo',
        namespace: 'web',
        name: 'gitops-hugo',
        status: 'Degraded',
        message: `RolloutAborted: Rollout aborted update to revision 2: Background analysis phase error/failed: ${FAILED_RUN_MESSAGE}`,
        strategy: 'Canary',
        step: '0/8',
        setWeight: 0,
        actualWeight: 0,
        images: ['hugo:0.120 (stable)', 'hugo:0.121 (canary)'],
        replicas: { desired: 5, current: 6, updated: 1, ready: 6, available: 6 },
      });
    });

    it('lists the runs newest first with where they come from and their window', () => {
      assert.deepEqual(state.analysisRuns.map((r) => [r.name, r.origin, r.phase, r.startedAt, r.finishedAt]), [
        [BG, 'background', 'Failed', unix('12:00:00'), unix('12:03:30')],
        ['gitops-hugo-5d8c7b6f9-1', 'background', 'Successful', unix('10:00:00'), unix('10:06:00')],
      ]);
      assert.equal(state.analysisRuns[0]?.message, FAILED_RUN_MESSAGE);
    });

    it('explains the failed metric in one exact sentence', () => {
      assert.equal(
        metric(state, `${BG}/success-rate`).explanation,
        'Failed: success-rate was 0.71 at 12:03:30, below 0.95 (successCondition result[0] >= 0.95); 2 failures > failureLimit 1, so the rollout was aborted.',
      );
    });

    it('says a metric Argo marked Successful only because the run was terminated was not judged, and what its last value would have meant', () => {
      const m = metric(state, `${BG}/latency`);
      assert.equal(m.phase, 'Not judged');
      assert.equal(
        m.explanation,
        'Not judged: the run was terminated while the metric was running; its last value, 0.12 at 12:03:30, would have meant a success: below 0.5 (successCondition result[0] <= 0.5).',
      );
    });

    it('gives the counts with the limits they are compared with, using Argo defaults for the unset ones', () => {
      const m = metric(state, `${BG}/success-rate`);
      assert.deepEqual(m.counts, { count: 3, successful: 1, failed: 2, inconclusive: 0, error: 0, consecutiveError: 0 });
      // interval without count: unbounded, so no count to compare with.
      assert.deepEqual(m.limits, { failureLimit: 1, inconclusiveLimit: 0, consecutiveErrorLimit: 4 });
    });

    it('shows the query with the run args substituted, and offers the series', () => {
      const m = metric(state, `${BG}/success-rate`);
      assert.equal(m.provider, 'prometheus');
      assert.equal(
        m.query,
        'sum(rate(nginx_ingress_controller_requests{namespace="web", ingress="gitops-hugo-gitops-hugo-canary", status!~"5.."}[1m])) / sum(rate(nginx_ingress_controller_requests{namespace="web", ingress="gitops-hugo-gitops-hugo-canary"}[1m]))',
      );
      assert.equal(m.hasSeries, true);
    });

    it('draws the threshold of the success condition', () => {
      assert.deepEqual(metric(state, `${BG}/success-rate`).threshold, { value: 0.95, op: '>=', side: 'success', condition: 'result[0] >= 0.95' });
      assert.deepEqual(metric(state, `${BG}/latency`).threshold, { value: 0.5, op: '<=', side: 'success', condition: 'result[0] <= 0.5' });
    });

    it('plots the measurements oldest first at their finish times', () => {
      assert.deepEqual(metric(state, `${BG}/success-rate`).measurements, [
        { t: unix('12:01:30'), v: 0.99, phase: 'Successful', text: '[0.99]' },
        { t: unix('12:02:30'), v: 0.71, phase: 'Failed', text: '[0.71]' },
        { t: unix('12:03:30'), v: 0.71, phase: 'Failed', text: '[0.71]' },
      ]);
    });

    it('marks the aborted step on the timeline: the step the panel saw before the abort', () => {
      assert.deepEqual(state.timeline.filter((s) => s.abortedHere).map((s) => s.text), ['pause: 1m']);
    });

    it('marks no step when nobody saw where a background analysis aborted it', () => {
      const unseen = buildPanelState(panelInput(failedHugoRollout(), failedHugoRuns()));
      assert.deepEqual(unseen.timeline.filter((s) => s.abortedHere), []);
    });

    it('gives the step plan of the live spec, each row marked like its step on the timeline', () => {
      const plan = state.stepPlan;
      assert.ok(plan, 'a canary with steps has a plan');
      assert.equal(plan.rows.length, state.timeline.length + 1);
      assert.deepEqual(
        plan.rows.slice(0, -1).map((r) => r.state),
        state.timeline.map((s) => s.state),
      );
      assert.match(plan.summary, /^5 replicas/);
    });

    it('dates the state and carries no problem', () => {
      assert.equal(state.asOf, NOW);
      assert.equal(state.problem, undefined);
    });
  });

  describe('metrics', () => {
    const run = (metrics: Record<string, unknown>[], results: Record<string, unknown>[], extra: Parameters<typeof hugoRun>[0] = {}) =>
      buildPanelState(panelInput(hugoRollout({ currentStepIndex: 3 }), [hugoRun({ metrics, results, ...extra })]));

    it('says when the first measurement of a metric waiting for its initialDelay is taken', () => {
      const s = run([hugoMetric('latency', { initialDelay: '2m' })], []);
      assert.equal(metric(s, `${BG}/latency`).phase, 'Pending');
      assert.equal(metric(s, `${BG}/latency`).explanation, 'Pending: no measurement yet; the first is taken at 12:02:00, initialDelay 2m after the run started.');
    });

    it('says a metric without initialDelay is measured as soon as the run starts', () => {
      assert.equal(metric(run([hugoMetric('latency')], []), `${BG}/latency`).explanation, 'Pending: no measurement yet; the first is taken as soon as the controller starts the run.');
    });

    it('says a metric was never measured when its run ended first', () => {
      const s = run([hugoMetric('latency')], [], { phase: 'Error', message: 'Unable to resolve metric arguments: key \'token\' does not exist in secret \'prom\'' });
      assert.equal(metric(s, `${BG}/latency`).explanation, 'Error: latency was never measured; the run ended Error (Unable to resolve metric arguments: key \'token\' does not exist in secret \'prom\').');
    });

    it('says how far a running metric is while a measurement is in flight', () => {
      const web = { name: 'smoke', count: 5, interval: '30s', successCondition: 'result == "ok"', provider: { web: { url: 'http://smoke/' } } };
      const results = [metricResult('smoke', 'Running', [measurement('Successful', 'ok', '12:00:00'), measurement('Successful', 'ok', '12:00:30'), { phase: 'Running', startedAt: clock('12:01:00') }], { count: 2, successful: 2 })];
      const m = metric(run([web], results), `${BG}/smoke`);
      assert.equal(m.explanation, 'Running: a measurement of smoke is in progress since 12:01:00; 2 of 5 measurements successful so far.');
      assert.deepEqual([m.provider, m.hasSeries, m.query, m.limits.count], ['web', false, undefined, 5]);
    });

    it('explains a measurement that is still within the limits', () => {
      const results = [metricResult('success-rate', 'Running', [measurement('Successful', '[0.99]', '12:01:30')])];
      assert.equal(
        metric(run([hugoMetric('success-rate', { count: 5 })], results), `${BG}/success-rate`).explanation,
        'Successful: success-rate was 0.99 at 12:01:30, above 0.95 (successCondition result[0] >= 0.95); measurement 1 of 5, so the analysis continues.',
      );
    });

    it('draws a failure-condition threshold when there is no success condition', () => {
      const m = metric(run([{ name: 'errors', failureCondition: 'result[0] > 0.05', provider: { prometheus: { query: 'x' } } }], []), `${BG}/errors`);
      assert.deepEqual(m.threshold, { value: 0.05, op: '>', side: 'failure', condition: 'result[0] > 0.05' });
      assert.equal(m.successCondition, undefined);
      assert.equal(m.failureCondition, 'result[0] > 0.05');
    });

    it('substitutes args in the conditions and limits too', () => {
      const spec = hugoMetric('success-rate', { successCondition: 'result[0] >= {{args.min}}', failureLimit: '{{args.failures}}' });
      const s = run([spec], [], { args: [{ name: 'namespace', value: 'web' }, { name: 'ingress', value: 'i' }, { name: 'min', value: '0.9' }, { name: 'failures', value: '3' }] });
      const m = metric(s, `${BG}/success-rate`);
      assert.equal(m.successCondition, 'result[0] >= 0.9');
      assert.equal(m.threshold?.value, 0.9);
      assert.equal(m.limits.failureLimit, 3);
    });

    it('masks a secret argument and does not offer a series it could not run', () => {
      const spec = hugoMetric('success-rate', { provider: { prometheus: { address: PROMETHEUS, query: 'up{token="{{args.token}}", ns="{{args.namespace}}"}' } } });
      const args = [{ name: 'namespace', value: 'web' }, { name: 'ingress', value: 'i' }, { name: 'token', valueFrom: { secretKeyRef: { name: 'prom', key: 'token' } } }];
      const m = metric(run([spec], [], { args }), `${BG}/success-rate`);
      assert.equal(m.query, 'up{token="*****", ns="web"}');
      assert.equal(m.hasSeries, false);
    });

    it('keeps an arg without a value as its tag, so the query shows what is missing and offers no series', () => {
      const m = metric(run([hugoMetric('latency')], [], { args: [{ name: 'namespace', value: 'web' }, { name: 'ingress' }] }), `${BG}/latency`);
      assert.match(m.query ?? '', /ingress="\{\{args\.ingress\}\}"/);
      assert.equal(m.hasSeries, false);
    });

    it('plots only single finite numbers', () => {
      const values = ['0.5', '[0.71]', '[1e-05]', '[]', '[0.7,0.8]', 'NaN', '[NaN]', '+Inf', '[-Inf]', '', 'ok'];
      const results = [metricResult('latency', 'Running', values.map((v) => measurement('Successful', v, '12:01:00')))];
      const m = metric(run([hugoMetric('latency')], results), `${BG}/latency`);
      assert.deepEqual(m.measurements.map((p) => p.v), [0.5, 0.71, 1e-5, null, null, null, null, null, null, null, null]);
    });

    it('keeps the measurement message next to its value', () => {
      const results = [metricResult('latency', 'Running', [measurement('Error', '', '12:01:00', 'prometheus address is not configured')])];
      const m = metric(run([hugoMetric('latency')], results), `${BG}/latency`);
      assert.deepEqual(m.measurements, [{ t: unix('12:01:00'), v: null, phase: 'Error', text: 'prometheus address is not configured' }]);
    });

    it('marks dry-run metrics, from the result or from the run spec', () => {
      const s = run([hugoMetric('latency'), hugoMetric('success-rate')], [metricResult('latency', 'Running', [], { dryRun: true })], { spec: { dryRun: [{ metricName: 'success' }] } });
      assert.deepEqual(s.analysisRuns[0]?.metrics.map((m) => [m.name, m.dryRun]), [['latency', true], ['success-rate', true]]);
    });

    it('names step runs by their 1-based step and leaves out runs of other owners', () => {
      const step = hugoRun({ name: `gitops-hugo-${CANARY_HASH}-2-4`, labels: { 'rollout-type': 'Step', 'step-index': '4' }, created: clock('12:05:00') });
      const foreign = hugoRun({ name: 'other-run', owner: 'someone-else' });
      const s = buildPanelState(panelInput(hugoRollout(), [hugoRun(), step, foreign]));
      assert.deepEqual(s.analysisRuns.map((r) => [r.name, r.origin]), [[`gitops-hugo-${CANARY_HASH}-2-4`, 'step 5'], [BG, 'background']]);
    });
  });

  describe('when the rollout is gone or the cluster unreachable', () => {
    it('says the rollout is gone and offers no action', () => {
      const s = buildPanelState(panelInput(undefined, failedHugoRuns()));
      assert.equal(s.problem, 'Rollout web/gitops-hugo is no longer in the cluster.');
      assert.deepEqual([s.header.name, s.header.namespace, s.header.context, s.timeline.length, s.analysisRuns.length], ['gitops-hugo', 'web', 'kind-demo', 0, 0]);
      assert.ok(s.actions.length > 0 && s.actions.every((a) => !a.enabled && a.reason === s.problem));
    });

    it('shows the given problem instead, for a gone rollout too', () => {
      assert.equal(buildPanelState(panelInput(undefined, [], { problem: 'Cannot reach the cluster.' })).problem, 'Cannot reach the cluster.');
    });

    it('keeps the data next to a problem while the rollout is known', () => {
      const s = buildPanelState(panelInput(failedHugoRollout(), failedHugoRuns(), { problem: 'Cannot reach the cluster.' }));
      assert.equal(s.problem, 'Cannot reach the cluster.');
      assert.equal(s.analysisRuns.length, 2);
      assert.equal(s.header.status, 'Degraded');
    });
  });

  it('never throws, whatever the objects hold', function () {
    this.timeout(20_000); // a few hundred full builds on a shared, loaded machine
    const obj = fc.anything({ maxDepth: 4, withObjectString: false });
    const related = fc.record({ replicaSets: fc.array(obj, { maxLength: 3 }), pods: fc.array(obj, { maxLength: 3 }), experiments: fc.array(obj, { maxLength: 2 }), analysisRuns: fc.array(obj, { maxLength: 3 }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(obj, related, fc.boolean(), fc.integer({ min: 0, max: 4e12 }), (rollout, rel, readOnly, now) => {
        const s = buildPanelState({ context: 'c', namespace: 'n', name: 'r', rollout, related: rel, now, readOnly });
        assert.equal(s.asOf, now);
        JSON.stringify(s);
      }),
      { numRuns: 100 },
    );
  });

  it('never throws on real-looking objects with fields of the wrong types', function () {
    this.timeout(20_000);
    // Arbitrary values spliced into the gitops-hugo objects reach the deep readers fuzzing from scratch rarely does.
    const value = fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }), fc.dictionary(fc.string(), fc.anything({ maxDepth: 2 })));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), value), { minLength: 1, maxLength: 6 }), (edits) => {
        const rollout = failedHugoRollout();
        const runs = failedHugoRuns();
        for (const [which, depth, v] of edits) spliceAt([rollout, ...runs][which % 3], depth, v);
        buildPanelState(panelInput(rollout, runs));
      }),
      { numRuns: 100 },
    );
  });
});

/** Replaces the value `depth` levels down a path picked by depth through the object. */
function spliceAt(root: unknown, depth: number, v: unknown): void {
  let cur: unknown = root;
  for (let d = 0; d < 8; d++) {
    const obj = cur;
    if (typeof obj !== 'object' || obj === null) return;
    const keys = Object.keys(obj);
    if (keys.length === 0) return;
    const key = keys[(depth + d * 7) % keys.length]!;
    if (d === depth % 6) {
      (obj as Record<string, unknown>)[key] = v;
      return;
    }
    cur = (obj as Record<string, unknown>)[key];
  }
}
