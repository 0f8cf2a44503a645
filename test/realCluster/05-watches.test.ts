// The tree's watches on the real API server: they reconnect after the API server restarts, and when the
// resourceVersion they resume from was compacted away (410 Gone) they list again — no missed object,
// no ghost.
import { strict as assert } from 'node:assert';
import type { KubeTransport, WatchHandlers } from '../../src/kube/clusterConnection';
import { Informer } from '../../src/kube/informer';
import { RolloutStore } from '../../src/kube/rolloutStore';
import { realWorld } from './hooks';
import { connectReal, createNamespace, eventually, kubectlOk } from './realClusterKit';

const NS = 'watching';
const rollout = (name: string): string => JSON.stringify({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name, namespace: NS },
  spec: {
    replicas: 1, selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'ghcr.io/example/web:1.0' }] } },
    strategy: { canary: { steps: [{ setWeight: 50 }, { pause: {} }] } },
  },
});

describe('Watches on the real API server', function () {
  it('reconnect after the API server restarts and list again after 410 Gone, following every change', async () => {
    const { cluster } = realWorld();
    await createNamespace(cluster, NS);
    await kubectlOk(cluster, ['apply', '-f', '-'], rollout('first'));
    const conn = connectReal(cluster);
    // Count the lists of rollouts the store sends over the real connection.
    let rolloutLists = 0;
    const counting: KubeTransport = new Proxy(conn, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (prop !== 'send' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
        return (call: { method: string; path: string; query?: Record<string, string> }) => {
          if (call.method === 'GET' && call.path.endsWith(`/namespaces/${NS}/rollouts`) && call.query?.watch !== 'true') rolloutLists++;
          return (value as (c: unknown) => unknown).call(target, call);
        };
      },
    });
    const store = new RolloutStore(counting, { initialBackoffMs: 100, maxBackoffMs: 1000 });
    const release = store.watchNamespace(NS);
    const names = (): string => store.objects(NS, 'rollouts').map((o) => (o as { metadata: { name: string } }).metadata.name).sort().join(',');
    try {
      await eventually('the store to list the namespace', async () => (store.isSynced(NS) && names() === 'first' ? true : undefined), 20_000);
      const listsBefore = rolloutLists;

      await cluster.restartApiServer();
      await kubectlOk(cluster, ['apply', '-f', '-'], rollout('second'));
      await eventually('the store to see the rollout created after the restart', async () => (names() === 'first,second' ? true : undefined), 60_000);

      await cluster.restartApiServer({ compactWhileDown: true });
      await kubectlOk(cluster, ['delete', 'rollout', 'first', '-n', NS]);
      await kubectlOk(cluster, ['apply', '-f', '-'], rollout('third'));
      await eventually('the store to follow a delete and a create after 410 Gone', async () => (names() === 'second,third' ? true : undefined), 60_000);
      assert.ok(rolloutLists > listsBefore, 'the store listed again after its resourceVersion was compacted away');
    } finally {
      release();
      store.dispose();
      conn.dispose();
    }
  });

  it('keep their place by the server\'s bookmarks: a reconnect resumes at a newer resourceVersion without listing again', async function () {
    this.timeout(180_000);
    const { cluster } = realWorld();
    const ns = 'bookmarks';
    await createNamespace(cluster, ns);
    await kubectlOk(cluster, ['apply', '-f', '-'], rollout('quiet').replace(`"namespace":"${NS}"`, `"namespace":"${ns}"`));
    const conn = connectReal(cluster);
    const watchedFrom: number[] = [];
    let bookmarks = 0;
    let lists = 0;
    const recording: KubeTransport = new Proxy(conn, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (prop === 'send' && typeof value === 'function') {
          return (call: { method: string; path: string; query?: Record<string, string> }) => {
            if (call.method === 'GET' && call.path.endsWith(`/namespaces/${ns}/rollouts`)) lists++;
            return (value as (c: unknown) => unknown).call(target, call);
          };
        }
        if (prop === 'watch' && typeof value === 'function') {
          return (path: string, query: Record<string, string>, handlers: WatchHandlers) => {
            watchedFrom.push(Number(query.resourceVersion ?? 0));
            return (value as (...a: unknown[]) => unknown).call(target, path, query, {
              onEvent: (e: { type: string; object: unknown }) => {
                if (e.type === 'BOOKMARK') bookmarks++;
                handlers.onEvent(e);
              },
              onEnd: (e: Parameters<WatchHandlers['onEnd']>[0]) => handlers.onEnd(e),
            });
          };
        }
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    // The server's watch cache sends a bookmark about once a minute (and not for watches much shorter than that,
    // as measured here): a watch it ends after 65 s gets one, and the next watch resumes from it.
    const informer = new Informer(recording, 'rollouts', ns, { watchTimeoutSeconds: 65 });
    informer.start();
    try {
      // Meanwhile the cluster moves on elsewhere (the controller, KWOK's leases), so the namespace's own objects fall behind.
      await eventually('a second watch of the quiet namespace', async () => (watchedFrom.length >= 2 ? true : undefined), 100_000);
      assert.ok(bookmarks >= 1, `the server sent a bookmark (${bookmarks})`);
      assert.ok((watchedFrom[1] ?? 0) > (watchedFrom[0] ?? 0), `the next watch resumed later: ${watchedFrom.join(' → ')}`);
      assert.equal(lists, 1, 'never listed again');
      assert.deepEqual(informer.objects().map((o) => (o as { metadata: { name: string } }).metadata.name), ['quiet']);
    } finally {
      informer.stop();
      conn.dispose();
    }
  });
});
