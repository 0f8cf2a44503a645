import { strict as assert } from 'node:assert';
import { startTestCluster, type TestCluster } from '../../../testbed/apiDouble/startTestCluster';
import { RolloutNamespaces } from '../../../src/kube/rolloutNamespaces';
import { RolloutStore } from '../../../src/kube/rolloutStore';
import { aRollout, connectTo, until } from './kubeTestKit';

/** Resolves at the next announcement of `namespaces` that `ok` accepts; rejects after `timeoutMs`. */
function announced(namespaces: RolloutNamespaces, ok: () => boolean, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no matching announcement within ${timeoutMs} ms; namespaces ${JSON.stringify(namespaces.namespaces())}`));
    }, timeoutMs);
    const off = namespaces.onChange(() => {
      if (!ok()) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

describe('the namespaces that hold rollouts, followed by one watch across the cluster', function () {
  this.timeout(20000);
  let cluster: TestCluster;
  let store: RolloutStore;

  beforeEach(async () => {
    cluster = await startTestCluster({ namespaces: ['default', 'other', 'fresh'] });
    store = new RolloutStore(connectTo(cluster), { initialBackoffMs: 20, maxBackoffMs: 100 });
    cluster.store.create('rollouts', aRollout('web'));
    cluster.store.create('rollouts', aRollout('api'), { namespace: 'other' });
  });
  afterEach(async () => {
    store.dispose();
    await cluster.stop();
  });

  it('lists them with one watch of rollouts in all namespaces, and announces the first list', async () => {
    const namespaces = store.rolloutNamespaces;
    const listed = announced(namespaces, () => namespaces.hasSynced);
    const release = namespaces.hold();
    await listed;
    assert.deepEqual(namespaces.namespaces(), ['default', 'other']);
    await cluster.watches.waitForCount(1);
    const watches = cluster.requests.filter((r) => r.path.includes('watch=1')).map((r) => new URL(r.path, 'https://x').pathname);
    assert.deepEqual(watches, ['/apis/argoproj.io/v1alpha1/rollouts']);
    release();
  });

  it('adds a namespace when its first rollout is created and drops it when its last one is deleted, quiet on status changes', async () => {
    const namespaces = store.rolloutNamespaces;
    const listed = announced(namespaces, () => namespaces.hasSynced);
    namespaces.hold();
    await listed;
    await cluster.watches.waitForCount(1);
    const heard: string[] = [];
    namespaces.onChange(() => heard.push(namespaces.namespaces().join()));

    const added = announced(namespaces, () => namespaces.namespaces().includes('fresh'));
    cluster.store.create('rollouts', aRollout('late'), { namespace: 'fresh' });
    await added;
    cluster.store.create('rollouts', aRollout('second'), { namespace: 'fresh' });
    cluster.store.patchStatus({ resource: 'rollouts', namespace: 'fresh', name: 'late' }, { phase: 'Paused' });
    cluster.store.delete({ resource: 'rollouts', namespace: 'fresh', name: 'second' });
    const dropped = announced(namespaces, () => !namespaces.namespaces().includes('fresh'));
    cluster.store.delete({ resource: 'rollouts', namespace: 'fresh', name: 'late' });
    await dropped;
    assert.deepEqual(heard, ['default,fresh,other', 'default,other'], 'one announcement per change of the set, none for rollouts that leave it as it was');
  });

  it('keeps its watch open only while held, and the store closes it on dispose', async () => {
    const namespaces = store.rolloutNamespaces;
    const first = namespaces.hold();
    const second = namespaces.hold();
    await cluster.watches.waitForCount(1);
    first();
    first();
    assert.equal(cluster.watches.count, 1, 'a second holder keeps it open, and releasing twice counts once');
    second();
    await until(() => cluster.watches.count === 0, 'the watch to close after the last release');
    namespaces.hold();
    await cluster.watches.waitForCount(1);
    store.dispose();
    await until(() => cluster.watches.count === 0, 'the watch to close with the store');
  });
});
