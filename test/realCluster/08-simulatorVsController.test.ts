// The canary simulator kept honest (issue 9 §4): the real Argo Rollouts controller on the real cluster
// (namespace sim-vs-real) and the simulator on the API double (its own clock driven forward) run the same
// gitops-hugo release — the manifests realcluster/gitopsHugoOnRealCluster.ts builds from the simulator's
// seed, with 5 s pauses and intervals, both analyses asking the real Prometheus. Every version of the
// Rollout each one writes is watched; the de-duplicated sequences of (status, message, step, setWeight,
// actualWeight, AnalysisRun phases) must be equal, in order. Timings may differ. Differences the simulator
// keeps on purpose are in testbed/canarySimulator/README.md.
import { strict as assert } from 'node:assert';
import { gitopsHugoManifests } from '../../realcluster/gitopsHugoOnRealCluster';
import { PrometheusClient } from '../../src/prometheus/prometheusClient';
import { isJsonObject, type JsonObject } from '../../testbed/apiDouble/jsonValue';
import { startTestCluster, type TestCluster } from '../../testbed/apiDouble/startTestCluster';
import { CanarySimulator } from '../../testbed/canarySimulator/canarySimulator';
import { prometheusMetricSource } from '../../testbed/canarySimulator/prometheusMetricSource';
import { GITOPS_HUGO } from '../../testbed/canarySimulator/seedGitopsHugo';
import { SimClock } from '../../testbed/canarySimulator/simClock';
import { realWorld } from './hooks';
import { createNamespace, eventually, getJson, kubectlOk } from './realClusterKit';
import { formatObservation, recordRollout, type Observation } from './rolloutSequence';

const NS = 'sim-vs-real';
const OLD_IMAGE = 'ghcr.io/example/gitops-hugo:1.0.0';
const NEW_IMAGE = 'ghcr.io/example/gitops-hugo:1.1.0';

/**
 * The scenario's objects for namespace sim-vs-real. The cluster's exporter serves NGINX traffic for the
 * `default` namespace's gitops-hugo only, so here both metrics ask Prometheus for a constant a good
 * release would show (success rate 0.99 ≥ 0.95, p95 latency 0.12 s ≤ 0.5): the same answer to both.
 */
function scenario(prometheusUrl: string): JsonObject {
  const list = JSON.parse(gitopsHugoManifests({ namespace: NS, prometheusUrl, pause: '5s', interval: '5s' })) as { items: JsonObject[] };
  for (const item of list.items) {
    if (item.kind !== 'AnalysisTemplate') continue;
    const metrics = (item.spec as { metrics: { name: string; provider: { prometheus: { query: string } } }[] }).metrics;
    for (const m of metrics) m.provider.prometheus.query = m.name === 'latency' ? 'vector(0.12)' : 'vector(0.99)';
  }
  return list as unknown as JsonObject;
}

/** The release is over: Healthy on the last step, traffic back on the (new) stable, the background run gone. */
const done = (o: Observation | undefined): boolean => o?.phase === 'Healthy' && o.step === '8/8' && o.actualWeight === 0 && o.runs === '';
const print = (title: string, seen: readonly Observation[]): string => `${title}:\n${seen.map((o, i) => `  ${i + 1}. ${formatObservation(o)}`).join('\n')}`;

describe('The canary simulator and the real Argo Rollouts controller', function () {
  this.timeout(300_000);
  let real: Observation[] = [];
  let simulated: Observation[] = [];
  let double: TestCluster | undefined;
  let simulator: CanarySimulator | undefined;

  before(async () => {
    const { cluster, prometheus } = realWorld();
    const objects = scenario(prometheus.url);

    // The real controller: first deploy to Healthy, then the release, recorded from the set image on.
    await createNamespace(cluster, NS);
    await kubectlOk(cluster, ['apply', '-f', '-'], JSON.stringify(objects));
    await eventually('the first deploy Healthy on the real controller', async () => {
      const ro = await getJson(cluster, ['rollout', GITOPS_HUGO, '-n', NS]) as { status?: { phase?: string } };
      return ro.status?.phase === 'Healthy' ? true : undefined;
    });
    const realWatch = recordRollout({ url: cluster.url, caPem: cluster.caPem, token: cluster.adminToken }, NS, GITOPS_HUGO);
    await eventually('the watch\'s first event', async () => (realWatch.seen.length > 0 ? true : undefined), 10_000);
    const r = await cluster.plugin(['set', 'image', GITOPS_HUGO, `hugo=${NEW_IMAGE}`, '-n', NS]);
    assert.equal(r.code, 0, r.stderr);
    await eventually('the release Healthy on the real controller', async () => (realWatch.seen.length > 1 && done(realWatch.seen.at(-1)) ? true : undefined), 240_000);
    realWatch.stop();
    real = realWatch.seen;

    // The simulator on the API double, the same objects (the double serves no Ingress: the simulator needs none).
    double = await startTestCluster({ namespaces: ['default', NS] });
    const clock = new SimClock(new Date());
    simulator = new CanarySimulator(double.store, { clock, metricSource: prometheusMetricSource(new PrometheusClient({ baseUrl: prometheus.url })) });
    for (const item of (objects.items as JsonObject[])) {
      if (item.kind === 'Ingress') continue;
      const resource = item.kind === 'Service' ? 'services' : item.kind === 'AnalysisTemplate' ? 'analysistemplates' : 'rollouts';
      double.store.create(resource, item);
    }
    await simulator.settled();
    const simWatch = recordRollout({ url: double.url, caPem: double.caPem, token: double.token }, NS, GITOPS_HUGO);
    await eventually('the double\'s watch\'s first event', async () => (simWatch.seen.length > 0 ? true : undefined), 10_000);
    const rollout = double.store.get({ resource: 'rollouts', namespace: NS, name: GITOPS_HUGO });
    assert.ok(rollout && isJsonObject(rollout.spec));
    const containers = (rollout.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers;
    assert.equal(containers[0]?.image, OLD_IMAGE);
    containers[0]!.image = NEW_IMAGE;
    double.store.update('rollouts', rollout);
    for (let i = 0; i < 600 && !(simWatch.seen.length > 1 && done(simWatch.seen.at(-1))); i++) {
      await simulator.advance(1000);
      // Let the watch deliver what the step wrote before the clock moves on.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await eventually('the double\'s watch to catch up', async () => (done(simWatch.seen.at(-1)) ? true : undefined), 10_000);
    simWatch.stop();
    simulated = simWatch.seen;
  });
  after(async () => {
    simulator?.stop();
    await double?.stop();
  });

  it('reports no reconcile errors in the simulator', () => {
    assert.deepEqual(simulator?.errors.map((e) => e.message), []);
  });

  it('take a good release through the same sequence of status, step, weights, message and analysis phases', () => {
    assert.deepEqual(simulated.map(formatObservation), real.map(formatObservation), `${print('real controller', real)}\n${print('simulator', simulated)}`);
  });
});
