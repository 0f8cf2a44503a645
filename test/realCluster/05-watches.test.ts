// The tree's watches on the real API server: they reconnect after the API server restarts, and when the
// resourceVersion they resume from was compacted away (410 Gone) they list again — no missed object,
// no ghost.
import { strict as assert } from 'node:assert';
import type { KubeTransport } from '../../src/kube/clusterConnection';
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
});
