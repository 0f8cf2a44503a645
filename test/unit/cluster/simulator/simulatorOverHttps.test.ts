import { strict as assert } from 'node:assert';
import { CustomObjectsApi, KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { planPromote } from '../../../../src/core/actions/planPromote';
import { at, str } from '../../../../src/core/rollout/jsonFields';
import { rolloutPhase } from '../../../../src/core/rollout/rolloutPhase';
import { CanarySimulator } from '../../../../testbed/canarySimulator/canarySimulator';
import { constantMetricSource } from '../../../../testbed/canarySimulator/metricSource';
import { SimClock } from '../../../../testbed/canarySimulator/simClock';
import { startTestCluster, type TestCluster } from '../../../../testbed/apiDouble/startTestCluster';
import { aRollout } from './simFixtures';

const ro = { group: 'argoproj.io', version: 'v1alpha1', plural: 'rollouts', namespace: 'default' };

describe('Canary simulator behind the HTTPS double', function () {
  this.timeout(20000);
  let cluster: TestCluster;
  let sim: CanarySimulator;
  let custom: CustomObjectsApi;

  before(async () => {
    const clock = new SimClock('2024-05-01T10:00:00Z');
    cluster = await startTestCluster({ now: () => clock.now() });
    sim = new CanarySimulator(cluster.store, { clock, metricSource: constantMetricSource(1) });
    const kc = new KubeConfig();
    kc.loadFromFile(cluster.kubeconfigPath);
    custom = kc.makeApiClient(CustomObjectsApi);
  });
  after(async () => {
    sim.stop();
    await cluster.stop();
  });

  /** Re-reads the rollout until `done` holds (the simulator reacts on a microtask after the write). */
  async function until(done: (rollout: unknown) => boolean): Promise<unknown> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const rollout: unknown = await custom.getNamespacedCustomObject({ ...ro, name: 'web' });
      if (done(rollout)) return rollout;
      if (Date.now() > deadline) throw new Error(`gave up waiting; status is ${JSON.stringify(at(rollout, 'status'))}`);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  it('moves the rollout to the next step when the plugin\'s promote status patch arrives through @kubernetes/client-node', async () => {
    await custom.createNamespacedCustomObject({ ...ro, body: aRollout() });
    const healthy = await until((r) => rolloutPhase(r).phase === 'Healthy');
    const image = { ...aRollout({ image: 'example/web:2.0' }), metadata: at(healthy, 'metadata') };
    await custom.replaceNamespacedCustomObject({ ...ro, name: 'web', body: image });
    const paused = await until((r) => at(r, 'status', 'currentStepIndex') === 1);
    assert.deepEqual(rolloutPhase(paused), { phase: 'Paused', message: 'CanaryPauseStep' });

    const plan = planPromote({ namespace: 'default', name: 'web' }, paused, { full: false });
    const [request] = plan.requests;
    assert.ok(request && request.path.endsWith('/rollouts/web/status'), 'promote patches the status subresource');
    await custom.patchNamespacedCustomObjectStatus({ ...ro, name: 'web', body: request.body }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch));
    const next = await until((r) => at(r, 'status', 'currentStepIndex') === 3);
    assert.deepEqual(rolloutPhase(next), { phase: 'Paused', message: 'CanaryPauseStep' });
    assert.equal(str(at(next, 'status', 'observedGeneration')), '2');
    assert.deepEqual(sim.errors, []);
  });
});
