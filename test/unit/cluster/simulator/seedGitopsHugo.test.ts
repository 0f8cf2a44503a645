import { strict as assert } from 'node:assert';
import { rolloutInfo } from '../../../../src/core/rollout/rolloutInfo';
import { rolloutPhase } from '../../../../src/core/rollout/rolloutPhase';
import { at } from '../../../../src/core/rollout/jsonFields';
import { ClusterStore } from '../../../../testbed/apiDouble/clusterStore';
import { seedGitopsHugo, gitopsHugoMetrics } from '../../../../testbed/canarySimulator/seedGitopsHugo';
import { SimClock } from '../../../../testbed/canarySimulator/simClock';

function seeded(metrics = gitopsHugoMetrics()): { store: ClusterStore; clock: SimClock; scenario: ReturnType<typeof seedGitopsHugo> } {
  const clock = new SimClock('2024-05-01T10:00:00Z');
  const store = new ClusterStore({ now: () => clock.now() });
  return { store, clock, scenario: seedGitopsHugo(store, clock, metrics) };
}

function view(store: ClusterStore, clock: SimClock): ReturnType<typeof rolloutInfo> {
  const rollout = store.get({ resource: 'rollouts', namespace: 'default', name: 'gitops-hugo' });
  const list = (r: string): unknown[] => store.list(r, { namespace: 'default' }).items;
  return rolloutInfo(rollout, { replicaSets: list('replicasets'), pods: list('pods'), analysisRuns: list('analysisruns') }, clock.nowMs());
}

describe('The gitops-hugo scenario', () => {
  it('seeds a Healthy NGINX canary with its templates and services', () => {
    const { store, clock, scenario } = seeded();
    const info = view(store, clock);
    assert.deepEqual({ phase: info.phase, step: info.step, setWeight: info.setWeight, actualWeight: info.actualWeight }, { phase: 'Healthy', step: '8/8', setWeight: 100, actualWeight: 100 });
    assert.deepEqual(store.list('analysistemplates').items.map((t) => at(t, 'metadata', 'name')), ['latency', 'success-rate']);
    assert.deepEqual(store.list('services', { namespace: 'default' }).items.map((t) => at(t, 'metadata', 'name')), ['gitops-hugo-canary', 'gitops-hugo-stable']);
    assert.deepEqual(scenario.simulator.errors, []);
  });

  it('walks 10/30/50/90 with one-minute pauses, runs background analysis from step 2 with resolved NGINX queries, and ends Healthy', () => {
    const { store, clock, scenario } = seeded();
    scenario.setImage('ghcr.io/example/gitops-hugo:1.1.0');
    const seen: [string, number | undefined][] = [];
    for (let minute = 0; minute < 4; minute++) {
      if (minute > 0) clock.tick(60_000);
      const info = view(store, clock);
      seen.push([info.step, info.actualWeight]);
    }
    assert.deepEqual(seen, [['1/8', 10], ['3/8', 30], ['5/8', 50], ['7/8', 90]]);
    const [run] = store.list('analysisruns').items;
    const results = at(run, 'status', 'metricResults');
    const latency = Array.isArray(results) ? results[0] : undefined;
    assert.equal(at(latency, 'metadata', 'ResolvedPrometheusQuery'),
      'histogram_quantile(0.95, sum(rate(nginx_ingress_controller_request_duration_seconds_bucket{exported_namespace="default", exported_service="gitops-hugo-canary"}[1m])) by (le))');
    assert.deepEqual([at(run, 'metadata', 'name'), at(run, 'status', 'phase'), at(latency, 'count')], [`gitops-hugo-${String(at(store.get({ resource: 'rollouts', name: 'gitops-hugo' }), 'status', 'currentPodHash'))}-2`, 'Running', 3]);
    clock.tick(60_000);
    assert.equal(view(store, clock).phase, 'Healthy');
    assert.deepEqual([at(store.list('analysisruns').items[0], 'spec', 'terminate'), at(store.list('analysisruns').items[0], 'status', 'phase')], [true, 'Successful']);
    assert.deepEqual(scenario.simulator.errors, []);
  });

  it('aborts when the canary\'s success rate drops', () => {
    let rate = 0.99;
    const { store, clock, scenario } = seeded(gitopsHugoMetrics({ successRate: () => rate }));
    scenario.setImage('ghcr.io/example/gitops-hugo:1.1.0');
    clock.tick(60_000);
    rate = 0.5;
    clock.tick(2 * 60_000);
    const rollout = store.get({ resource: 'rollouts', namespace: 'default', name: 'gitops-hugo' });
    assert.equal(rolloutPhase(rollout).phase, 'Degraded');
    assert.match(rolloutPhase(rollout).message, /^RolloutAborted: Rollout aborted update to revision 2: Background analysis phase error\/failed: Metric "success-rate" assessed Failed due to failed \(2\) > failureLimit \(1\)$/);
  });
});
