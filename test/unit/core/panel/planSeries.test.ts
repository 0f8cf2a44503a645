import { strict as assert } from 'node:assert';
import { planRunBacktest, planSeries, WINDOW_MARGIN_SECONDS, type SeriesPlan } from '../../../../src/core/panel/planSeries';
import { pointsPerSeries } from '../../../../src/core/prometheus/chooseStep';
import { failedHugoRollout, failedHugoRuns } from './failedHugo';
import { CANARY_HASH, PROMETHEUS, STABLE_HASH, clock, hugoMetric, hugoRollout, hugoRun, panelInput, unix } from './panelBuilders';

const BG = `gitops-hugo-${CANARY_HASH}-2`;

function plan(result: SeriesPlan | { error: string }): SeriesPlan {
  if ('error' in result) assert.fail(result.error);
  return result;
}

function error(result: SeriesPlan | { error: string }): string {
  assert.ok('error' in result, 'expected an error');
  return result.error;
}

const hashQuery = 'sum(rate(http_requests_total{rollouts_pod_template_hash="{{args.hash}}", code=~"5.."}[1m]))';
const hashMetric = { name: 'errors', interval: '1m', failureCondition: 'result[0] > 1', provider: { prometheus: { address: PROMETHEUS, query: hashQuery } } };

describe('Planning a metric series', () => {
  it('covers a finished run from 5 minutes before its start to 5 minutes after its end', () => {
    const p = plan(planSeries(panelInput(failedHugoRollout(), failedHugoRuns()), `${BG}/success-rate`, 600));
    assert.equal(WINDOW_MARGIN_SECONDS, 300);
    assert.deepEqual([p.start, p.end], [unix('11:55:00'), unix('12:08:30')]);
    assert.equal(p.key, `${BG}/success-rate`);
    assert.equal(p.address, PROMETHEUS);
  });

  it('ends a running run window now, never in the future', () => {
    const p = plan(planSeries(panelInput(hugoRollout({ currentStepIndex: 3 }), [hugoRun()]), `${BG}/latency`, 600));
    assert.deepEqual([p.start, p.end], [unix('11:55:00'), unix('12:10:00')]);
    const recent = plan(planSeries(panelInput(hugoRollout(), [hugoRun({ phase: 'Successful', completedAt: clock('12:08:00') })]), `${BG}/latency`, 600));
    assert.equal(recent.end, unix('12:10:00'));
  });

  it('starts from the creation time of a run the controller has not started', () => {
    const run = hugoRun({ created: clock('12:04:00') });
    delete (run.status as Record<string, unknown>).startedAt;
    assert.equal(plan(planSeries(panelInput(hugoRollout(), [run]), `${BG}/latency`, 600)).start, unix('11:59:00'));
  });

  it('chooses a step that gives no more points than the chart is wide', () => {
    for (const width of [50, 300, 1200, 20_000]) {
      const p = plan(planSeries(panelInput(failedHugoRollout(), failedHugoRuns()), `${BG}/latency`, width));
      assert.ok(pointsPerSeries(p.start, p.end, p.step) <= Math.max(width, 2), `width ${width}: step ${p.step}`);
      assert.ok(p.step >= 1);
    }
    assert.equal(plan(planSeries(panelInput(failedHugoRollout(), failedHugoRuns()), `${BG}/latency`, 300)).step, 5);
  });

  it('marks the run itself inside the window, so the chart can shade what lies before and after it', () => {
    const p = plan(planSeries(panelInput(failedHugoRollout(), failedHugoRuns()), `${BG}/success-rate`, 600));
    assert.deepEqual(p.run, { start: unix('12:00:00'), end: unix('12:03:30') });
    const running = plan(planSeries(panelInput(hugoRollout({ currentStepIndex: 3 }), [hugoRun()]), `${BG}/latency`, 600));
    assert.deepEqual(running.run, { start: unix('12:00:00') });
  });

  it('names the release each line measures: the run\'s canary revision and hash, the stable ReplicaSet\'s', () => {
    const p = plan(planSeries(panelInput(failedHugoRollout(), failedHugoRuns()), `${BG}/latency`, 600));
    assert.deepEqual(p.lines.map((l) => l.label), [`canary (revision 2, ${CANARY_HASH})`, `stable (revision 1, ${STABLE_HASH})`]);
  });

  it('puts the canary ingress and the stable ingress side by side for gitops-hugo', () => {
    const p = plan(planSeries(panelInput(failedHugoRollout(), failedHugoRuns()), `${BG}/latency`, 600));
    assert.deepEqual(p.lines, [
      { label: `canary (revision 2, ${CANARY_HASH})`, role: 'canary', query: 'histogram_quantile(0.95, sum(rate(nginx_ingress_controller_request_duration_seconds_bucket{namespace="web", ingress="gitops-hugo-gitops-hugo-canary"}[1m])) by (le))' },
      { label: `stable (revision 1, ${STABLE_HASH})`, role: 'stable', query: 'histogram_quantile(0.95, sum(rate(nginx_ingress_controller_request_duration_seconds_bucket{namespace="web", ingress="gitops-hugo"}[1m])) by (le))' },
    ]);
  });

  it('puts the canary pod-template hash next to the stable one', () => {
    const run = hugoRun({ metrics: [hashMetric], args: [{ name: 'hash', value: CANARY_HASH }] });
    const p = plan(planSeries(panelInput(hugoRollout({ currentStepIndex: 3 }), [run]), `${BG}/errors`, 600));
    assert.deepEqual(p.lines.map((l) => [l.role, l.query]), [
      ['canary', `sum(rate(http_requests_total{rollouts_pod_template_hash="${CANARY_HASH}", code=~"5.."}[1m]))`],
      ['stable', `sum(rate(http_requests_total{rollouts_pod_template_hash="${STABLE_HASH}", code=~"5.."}[1m]))`],
    ]);
  });

  it('puts the canary service next to the stable service', () => {
    const metric = { ...hashMetric, provider: { prometheus: { query: 'sum(rate(requests{service="{{args.svc}}"}[1m]))' } } };
    const run = hugoRun({ metrics: [metric], args: [{ name: 'svc', value: 'gitops-hugo-canary' }] });
    const p = plan(planSeries(panelInput(hugoRollout(), [run]), `${BG}/errors`, 600));
    assert.deepEqual(p.lines.map((l) => l.query), ['sum(rate(requests{service="gitops-hugo-canary"}[1m]))', 'sum(rate(requests{service="gitops-hugo-stable"}[1m]))']);
    assert.equal(p.address, undefined);
  });

  it('draws one line when no arg names the canary, or there is no stable counterpart', () => {
    const plain = hugoRun({ metrics: [hashMetric], args: [{ name: 'hash', value: 'abc' }] });
    const one = plan(planSeries(panelInput(hugoRollout(), [plain]), `${BG}/errors`, 600));
    assert.deepEqual(one.lines, [{ label: 'errors', role: 'query', query: 'sum(rate(http_requests_total{rollouts_pod_template_hash="abc", code=~"5.."}[1m]))' }]);
    const promoted = hugoRun({ metrics: [hashMetric], args: [{ name: 'hash', value: CANARY_HASH }] });
    const settled = plan(planSeries(panelInput(hugoRollout({ stableRS: CANARY_HASH }), [promoted]), `${BG}/errors`, 600));
    assert.deepEqual(settled.lines.map((l) => l.role), ['query']);
  });

  it('refuses a key no run of the rollout has', () => {
    assert.equal(error(planSeries(panelInput(failedHugoRollout(), failedHugoRuns()), `${BG}/throughput`, 600)), `There is no metric ${BG}/throughput among the analysis runs of rollout web/gitops-hugo.`);
    const foreign = hugoRun({ owner: 'other' });
    assert.match(error(planSeries(panelInput(hugoRollout(), [foreign]), `${BG}/latency`, 600)), /^There is no metric/);
  });

  it('refuses a metric of another provider', () => {
    const run = hugoRun({ metrics: [{ name: 'smoke', provider: { web: { url: 'http://smoke/' } } }, { name: 'none' }] });
    const input = panelInput(hugoRollout(), [run]);
    assert.equal(error(planSeries(input, `${BG}/smoke`, 600)), `Metric smoke of run ${BG} uses the web provider; only Prometheus queries can be plotted.`);
    assert.equal(error(planSeries(input, `${BG}/none`, 600)), `Metric none of run ${BG} has no provider; only Prometheus queries can be plotted.`);
  });

  it('refuses a query with a placeholder the run does not resolve', () => {
    const run = hugoRun({ metrics: [hugoMetric('latency')], args: [{ name: 'namespace', value: 'web' }, { name: 'ingress' }] });
    assert.equal(error(planSeries(panelInput(hugoRollout(), [run]), `${BG}/latency`, 600)), `The query of metric latency still holds {{args.ingress}}, which run ${BG} does not resolve.`);
  });

  it('refuses a query that uses a secret, which the panel never reads', () => {
    const metric = { name: 'q', provider: { prometheus: { query: 'up{token="{{ args.token }}"}' } } };
    const run = hugoRun({ metrics: [metric], args: [{ name: 'token', valueFrom: { secretKeyRef: { name: 'prom', key: 'token' } } }] });
    assert.equal(error(planSeries(panelInput(hugoRollout(), [run]), `${BG}/q`, 600)), 'The query of metric q uses the secret argument token, which the panel does not read, so it cannot be run again.');
  });

  it('refuses when the rollout is gone', () => {
    assert.equal(error(planSeries(panelInput(undefined, failedHugoRuns()), `${BG}/latency`, 600)), 'Rollout web/gitops-hugo is no longer in the cluster.');
  });
});

describe('Planning the backtest of a metric of the panel', () => {
  it('takes the run\'s metric with the run\'s own arguments, and the stable version\'s query when they name the canary', () => {
    const p = planRunBacktest(panelInput(failedHugoRollout(), failedHugoRuns()), `${BG}/latency`);
    if ('error' in p) assert.fail(p.error);
    assert.equal(p.title, `${BG} / latency`);
    assert.equal(p.query, 'histogram_quantile(0.95, sum(rate(nginx_ingress_controller_request_duration_seconds_bucket{namespace="web", ingress="gitops-hugo-gitops-hugo-canary"}[1m])) by (le))');
    assert.equal(p.stableQuery, 'histogram_quantile(0.95, sum(rate(nginx_ingress_controller_request_duration_seconds_bucket{namespace="web", ingress="gitops-hugo"}[1m])) by (le))');
    assert.equal(p.address, PROMETHEUS);
    assert.equal(p.argsFrom, `args of AnalysisRun ${BG} (rollout web/gitops-hugo)`);
    // The conditions and limits the replay judges by, with the arguments in.
    assert.equal((p.metric as { name?: string }).name, 'latency');
    assert.doesNotMatch(JSON.stringify(p.metric), /\{\{\s*args\./);
  });

  it('has no stable query when no argument names the canary', () => {
    const run = hugoRun({ metrics: [hashMetric], args: [{ name: 'hash', value: 'abc' }] });
    const p = planRunBacktest(panelInput(hugoRollout(), [run]), `${BG}/errors`);
    if ('error' in p) assert.fail(p.error);
    assert.equal(p.stableQuery, undefined);
  });

  it('refuses what cannot be run again, saying why, as the series does', () => {
    const run = hugoRun({ metrics: [{ name: 'smoke', provider: { web: { url: 'http://smoke/' } } }] });
    assert.deepEqual(planRunBacktest(panelInput(hugoRollout(), [run]), `${BG}/smoke`), { error: `Metric smoke of run ${BG} uses the web provider; only Prometheus queries can be backtested.` });
    assert.deepEqual(planRunBacktest(panelInput(undefined, failedHugoRuns()), `${BG}/latency`), { error: 'Rollout web/gitops-hugo is no longer in the cluster.' });
  });
});
