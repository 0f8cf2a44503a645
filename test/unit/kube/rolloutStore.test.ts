import { strict as assert } from 'node:assert';
import { startTestCluster, type TestCluster } from '../../../testbed/apiDouble/startTestCluster';
import { rolloutInfo } from '../../../src/core/rollout/rolloutInfo';
import type { ClusterConnection } from '../../../src/kube/clusterConnection';
import { RolloutStore, WATCHED_KINDS } from '../../../src/kube/rolloutStore';
import { aReplicaSet, aRollout, connectTo, field, nextChange, until, untilStore } from './kubeTestKit';

const roPath = '/apis/argoproj.io/v1alpha1/namespaces/default/rollouts';

function names(store: RolloutStore, namespace = 'default'): string[] {
  return store.objects(namespace, 'rollouts').map((o) => String(field(o, 'metadata', 'name'))).sort();
}

describe('Rollout store over list and watch', function () {
  this.timeout(20000);
  let cluster: TestCluster;
  let conn: ClusterConnection;
  let store: RolloutStore;
  let release: () => void;

  beforeEach(async () => {
    cluster = await startTestCluster({ namespaces: ['default', 'other'] });
    conn = connectTo(cluster);
    store = new RolloutStore(conn, { initialBackoffMs: 20, maxBackoffMs: 100 });
    cluster.store.create('rollouts', aRollout('web'), { keepStatus: true });
  });
  afterEach(async () => {
    store.dispose();
    await cluster.stop();
  });

  async function watchDefault(): Promise<void> {
    release = store.watchNamespace('default');
    await cluster.watches.waitForCount(WATCHED_KINDS.length);
    await untilStore(store, () => store.isSynced('default'));
  }

  it('lists the namespace\'s rollouts with their related objects, ready for rolloutInfo', async () => {
    const ro = cluster.store.get({ resource: 'rollouts', namespace: 'default', name: 'web' });
    cluster.store.create('replicasets', aReplicaSet('web', String(field(ro, 'metadata', 'uid')), 1, 'nginx:1.25'));
    await watchDefault();
    const [entry, ...rest] = store.rollouts('default');
    assert.ok(entry);
    assert.equal(rest.length, 0);
    const info = rolloutInfo(entry.rollout, entry.related, Date.now());
    assert.equal(info.name, 'web');
    assert.deepEqual(info.replicaSets.map((rs) => rs.name), ['web-h1']);
  });

  it('gives each rollout only the objects it owns, and follows new and deleted ReplicaSets and their pods by watch', async () => {
    cluster.store.create('rollouts', aRollout('api'), { keepStatus: true });
    const uid = (name: string): string => String(field(cluster.store.get({ resource: 'rollouts', namespace: 'default', name }), 'metadata', 'uid'));
    cluster.store.create('replicasets', aReplicaSet('web', uid('web'), 1, 'nginx:1.25'));
    await watchDefault();
    const replicaSets = (name: string): string[] => {
      const entry = store.rollout('default', name);
      assert.ok(entry);
      return rolloutInfo(entry.rollout, entry.related, Date.now()).replicaSets.map((rs) => `${rs.name}:${rs.pods.map((p) => p.name).join(',')}`);
    };
    assert.deepEqual([replicaSets('web'), replicaSets('api')], [['web-h1:'], []]);

    const rs = cluster.store.create('replicasets', aReplicaSet('api', uid('api'), 1, 'api:1'));
    cluster.store.create('pods', {
      metadata: { name: 'api-h1-x', labels: { app: 'api' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'api-h1', uid: String(field(rs, 'metadata', 'uid')), controller: true }] },
      spec: { containers: [{ name: 'app', image: 'api:1' }] },
    });
    await untilStore(store, () => replicaSets('api').length === 1 && replicaSets('api')[0] === 'api-h1:api-h1-x');
    assert.deepEqual(replicaSets('web'), ['web-h1:']);

    cluster.store.delete({ resource: 'replicasets', namespace: 'default', name: 'web-h1' });
    await untilStore(store, () => replicaSets('web').length === 0);
    assert.deepEqual(store.rollouts('default').map((r) => (r.related.replicaSets ?? []).length), [1, 0], 'api, then web, by name');
  });

  it('opens list and watch for the five kinds with bookmarks allowed, from the list\'s resourceVersion', async () => {
    await watchDefault();
    const watches = cluster.requests.filter((r) => r.path.includes('watch=1'));
    assert.deepEqual(watches.map((r) => new URL(r.path, 'https://x').pathname).sort(),
      ['/api/v1/namespaces/default/pods', '/apis/apps/v1/namespaces/default/replicasets', '/apis/argoproj.io/v1alpha1/namespaces/default/analysisruns',
        '/apis/argoproj.io/v1alpha1/namespaces/default/experiments', `${roPath}`].sort());
    for (const w of watches) {
      const q = new URL(w.path, 'https://x').searchParams;
      assert.equal(q.get('allowWatchBookmarks'), 'true');
      assert.match(q.get('resourceVersion') ?? '', /^\d+$/);
    }
  });

  it('shows a status change the controller makes, through the watch', async () => {
    await watchDefault();
    const seen = nextChange(store, (c) => c.kind === 'rollouts' && c.changes.some((ch) => field(ch.object, 'status', 'phase') === 'Paused'));
    cluster.store.patchStatus({ resource: 'rollouts', namespace: 'default', name: 'web' }, { phase: 'Paused', currentStepIndex: 1 });
    const { change, ms } = await seen;
    console.log(`      watch latency from patchStatus to store change: ${ms.toFixed(1)} ms`);
    assert.deepEqual(change.changes.map((c) => [c.type, c.name]), [['modified', 'web']]);
    assert.equal(field(store.rollout('default', 'web')?.rollout, 'status', 'currentStepIndex'), 1);
  });

  it('reconnects after the server drops the watches, resuming from the last resourceVersion without re-listing', async () => {
    await watchDefault();
    const before = cluster.requests.length;
    const lists = (): number => cluster.requests.slice(before).filter((r) => r.method === 'GET' && r.path === roPath).length;
    cluster.faults.dropWatches('end');
    await cluster.watches.waitForCount(WATCHED_KINDS.length);
    const seen = nextChange(store, (c) => c.changes.some((ch) => ch.name === 'api'));
    cluster.store.create('rollouts', aRollout('api'));
    await seen;
    assert.deepEqual(names(store), ['api', 'web']);
    assert.equal(lists(), 0);
  });

  it('reconnects with backoff after the connection is cut', async () => {
    await watchDefault();
    cluster.faults.dropWatches('destroy');
    await cluster.watches.waitForCount(WATCHED_KINDS.length);
    const seen = nextChange(store, (c) => c.changes.some((ch) => ch.name === 'api'));
    cluster.store.create('rollouts', aRollout('api'));
    await seen;
    assert.deepEqual(names(store), ['api', 'web']);
  });

  it('resumes from a bookmark\'s resourceVersion', async () => {
    await watchDefault();
    // A change elsewhere moves the cluster's resourceVersion past anything this namespace saw.
    cluster.store.create('rollouts', { ...aRollout('elsewhere'), metadata: { name: 'elsewhere', namespace: 'other' } });
    const bookmarkRv = String(cluster.store.resourceVersion);
    assert.equal(cluster.watches.bookmarkAll(), WATCHED_KINDS.length);
    const before = cluster.requests.length;
    cluster.faults.dropWatches('end');
    await cluster.watches.waitForCount(WATCHED_KINDS.length);
    const rewatch = cluster.requests.slice(before).find((r) => r.path.startsWith(`${roPath}?`));
    assert.equal(new URL(rewatch?.path ?? '', 'https://x').searchParams.get('resourceVersion'), bookmarkRv);
  });

  it('re-lists after 410 Gone: an object deleted while disconnected disappears, one added appears once, none is duplicated', async () => {
    cluster.store.create('rollouts', aRollout('doomed'));
    await watchDefault();
    const changes: string[] = [];
    store.onChange((c) => {
      if (c.kind === 'rollouts') changes.push(...c.changes.map((ch) => `${ch.type} ${ch.name}`));
    });
    // Keep the watches from reconnecting while the cluster changes and compacts its history.
    cluster.faults.failWith500({ path: /[?&]watch=1/ });
    cluster.faults.dropWatches('end');
    cluster.store.delete({ resource: 'rollouts', namespace: 'default', name: 'doomed' });
    cluster.store.create('rollouts', aRollout('fresh'));
    cluster.store.patchStatus({ resource: 'rollouts', namespace: 'default', name: 'web' }, { phase: 'Healthy' });
    cluster.faults.compact();
    const before = cluster.requests.length;
    cluster.faults.clear();
    await untilStore(store, () => names(store).join() === 'fresh,web');
    assert.deepEqual(changes.sort(), ['added fresh', 'deleted doomed', 'modified web']);
    assert.equal(field(store.rollout('default', 'web')?.rollout, 'status', 'phase'), 'Healthy');
    assert.equal(store.objects('default', 'rollouts').length, 2);
    const relisted = cluster.requests.slice(before).filter((r) => r.method === 'GET' && r.path === roPath);
    assert.ok(relisted.length >= 1, 'a fresh list after the 410');
  });

  it('reports a failing list and recovers when the cluster answers again', async () => {
    cluster.faults.deny({ verb: 'list', resource: 'rollouts' });
    const errors: (string | undefined)[] = [];
    const failed = new Promise<void>((resolve) => store.onError((e) => {
      if (e.kind !== 'rollouts') return;
      errors.push(e.error?.kind);
      if (e.error === undefined) resolve();
      else cluster.faults.clear();
    }));
    release = store.watchNamespace('default');
    await failed;
    assert.equal(errors[0], 'forbidden');
    await untilStore(store, () => store.isSynced('default'));
    assert.deepEqual(names(store), ['web']);
    assert.equal(store.lastError('default'), undefined);
  });

  it('closes the watches when nobody holds the namespace any more', async () => {
    await watchDefault();
    const second = store.watchNamespace('default');
    release();
    assert.deepEqual(store.watchedNamespaces(), ['default']);
    second();
    assert.deepEqual(store.watchedNamespaces(), []);
    await until(() => cluster.watches.count === 0, 'the server to see the watches close');
  });
});
