// The reference scenario as the rollout panel shows it: the gitops-hugo canary aborted by its
// background analysis against a real Prometheus, turned into the panel's state by the same functions
// the extension uses (buildPanelState, planSeries, the Prometheus client, seriesView).
import { strict as assert } from 'node:assert';
import { at } from '../../../src/core/untrustedJson';
import { buildPanelState, type PanelInput } from '../../../src/core/panel/buildPanelState';
import { planSeries } from '../../../src/core/panel/planSeries';
import { seriesView } from '../../../src/core/panel/seriesView';
import type { MetricView, PanelState, SeriesView } from '../../../src/shared/protocol';
import { ABORT_AT_SEC, ERRORS_FROM_SEC, UPDATE_AT_SEC } from '../../scenario/gitopsHugoOpenMetrics';
import { runGitopsHugoAbortScenario, type GitopsHugoAbortScenario } from '../../scenario/runGitopsHugoAbortScenario';
import { prometheusInstalled } from '../../scenario/startScenarioPrometheus';

const NS = 'default';

function panelInput(s: GitopsHugoAbortScenario, lastStepBeforeAbort?: number): PanelInput {
  const list = (resource: string): unknown[] => s.store.list(resource, { namespace: NS }).items;
  return {
    context: 'test', namespace: NS, name: 'gitops-hugo',
    rollout: s.store.get({ resource: 'rollouts', namespace: NS, name: 'gitops-hugo' }),
    related: { replicaSets: list('replicasets'), pods: list('pods'), analysisRuns: list('analysisruns'), experiments: list('experiments') },
    now: s.clock.nowMs(), readOnly: false,
    ...(lastStepBeforeAbort !== undefined ? { lastStepBeforeAbort } : {}),
  };
}

function metric(state: PanelState, name: string): MetricView {
  const m = state.analysisRuns[0]?.metrics.find((x) => x.name === name);
  assert.ok(m, `metric ${name}`);
  return m;
}

describe('The rollout panel of the gitops-hugo canary aborted by a real Prometheus', function () {
  this.timeout(60_000);
  let scenario: GitopsHugoAbortScenario | undefined;
  let state: PanelState;

  before(async function () {
    if (!prometheusInstalled()) this.skip();
    // Step 5 (setWeight 50) was where the panel last saw the canary: the step after the second pause.
    scenario = await runGitopsHugoAbortScenario({ untilSec: ABORT_AT_SEC - 1 });
    const before = scenario.store.get({ resource: 'rollouts', namespace: NS, name: 'gitops-hugo' });
    const stepBefore = Number(at(before, 'status', 'currentStepIndex'));
    await scenario.simulator.advance(1000);
    state = buildPanelState(panelInput(scenario, stepBefore));
  });

  after(async () => {
    await scenario?.stop();
  });

  it('shows the rollout Degraded with the controller’s abort message', () => {
    assert.equal(state.header.status, 'Degraded');
    assert.equal(
      state.header.message,
      'RolloutAborted: Rollout aborted update to revision 2: Background analysis phase error/failed: Metric "success-rate" assessed Failed due to failed (2) > failureLimit (1)',
    );
  });

  it('marks on the timeline the step the canary was on when it aborted, after the analysis start', () => {
    const aborted = state.timeline.filter((s) => s.abortedHere);
    assert.equal(aborted.length, 1);
    const start = state.timeline.find((s) => s.analysisStartsHere);
    assert.ok(start && aborted[0] && aborted[0].index >= start.index);
  });

  it('explains the failure with the measured value, the threshold and the limit', () => {
    const m = metric(state, 'success-rate');
    assert.equal(m.phase, 'Failed');
    assert.deepEqual(m.measurements.map((x) => x.phase), ['Successful', 'Failed', 'Failed']);
    assert.equal(m.threshold?.value, 0.95);
    assert.equal(
      m.explanation,
      'Failed: success-rate was 0.75 at 11:03:00, below 0.95 (successCondition result[0] >= 0.95); 2 failures > failureLimit 1, so the rollout was aborted.',
    );
    // Latency was still measuring when the run failed: Argo marks it Successful, the panel says it was not judged,
    // with its last value at four significant digits.
    assert.equal(metric(state, 'latency').phase, 'Not judged');
    assert.match(metric(state, 'latency').explanation, /^Not judged: the run was terminated while the metric was running; its last value, 0\.23\d{0,2} at 11:03:00, would have meant a success: below 0\.5 /);
  });

  it('plots canary and stable from Prometheus over the run’s window: the canary falls below the threshold, stable stays above', async () => {
    assert.ok(scenario);
    const input = panelInput(scenario);
    const plan = planSeries(input, metric(state, 'success-rate').key, 800);
    assert.ok(!('error' in plan), JSON.stringify(plan));
    assert.deepEqual(plan.lines.map((l) => l.role), ['canary', 'stable']);
    const answers = await Promise.all(plan.lines.map((l) => scenario!.client.range(l.query, plan.start, plan.end, plan.step)));
    const view: SeriesView = seriesView(plan, scenario.client.address, answers);
    assert.equal(view.status, 'ok', JSON.stringify(view));
    if (view.status !== 'ok') return;
    const [canary, stable] = view.lines;
    assert.ok(canary && stable);
    const valuesBetween = (line: typeof canary, from: number, to: number): number[] =>
      line.t.flatMap((t, i) => (t >= from && t <= to && line.v[i] !== null ? [line.v[i] as number] : []));
    assert.ok(Math.min(...valuesBetween(canary, ABORT_AT_SEC - 30, ABORT_AT_SEC)) < 0.95, 'canary below the threshold at the abort');
    assert.ok(Math.min(...valuesBetween(canary, UPDATE_AT_SEC + 30, ERRORS_FROM_SEC - 30)) >= 0.95, 'canary healthy before the errors');
    assert.ok(Math.min(...valuesBetween(stable, UPDATE_AT_SEC, ABORT_AT_SEC)) >= 0.99, 'stable healthy throughout');
  });
});
