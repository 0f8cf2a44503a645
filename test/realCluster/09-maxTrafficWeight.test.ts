// maxTrafficWeight on the real controller: weights are in its units (300 of 1000 is 30 %), and the
// tree's header must say what the real plugin says, mid-canary and once finished.
import { strict as assert } from 'node:assert';
import { RolloutStore } from '../../src/kube/rolloutStore';
import { realWorld } from './hooks';
import { connectReal, createNamespace, eventually, headerOf, kubectlOk, storeHeader } from './realClusterKit';

const NS = 'weights';

function objects(tag: string): string {
  const svc = (name: string): object => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: NS }, spec: { selector: { app: 'shop' }, ports: [{ port: 80 }] } });
  return JSON.stringify({
    apiVersion: 'v1', kind: 'List',
    items: [
      svc('shop-stable'), svc('shop-canary'),
      {
        apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'shop', namespace: NS },
        spec: { ingressClassName: 'nginx', rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'shop-stable', port: { number: 80 } } } }] } }] },
      },
      {
        apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'shop', namespace: NS },
        spec: {
          replicas: 4, selector: { matchLabels: { app: 'shop' } },
          template: { metadata: { labels: { app: 'shop' } }, spec: { containers: [{ name: 'shop', image: `ghcr.io/example/shop:${tag}` }] } },
          strategy: { canary: {
            canaryService: 'shop-canary', stableService: 'shop-stable',
            trafficRouting: { maxTrafficWeight: 1000, nginx: { stableIngress: 'shop' } },
            steps: [{ setWeight: 300 }, { pause: {} }],
          } },
        },
      },
    ],
  });
}

describe('maxTrafficWeight on the real controller', function () {
  it('shows weights in the rollout\'s own units, as the plugin does, mid-canary and finished', async () => {
    const { cluster } = realWorld();
    await createNamespace(cluster, NS);
    await kubectlOk(cluster, ['apply', '-f', '-'], objects('1.0'));
    const conn = connectReal(cluster);
    const store = new RolloutStore(conn);
    const release = store.watchNamespace(NS);
    const compare = async (what: string, done: (h: ReturnType<typeof headerOf>) => boolean): Promise<ReturnType<typeof headerOf>> => eventually(what, async () => {
      const r = await cluster.plugin(['get', 'rollout', 'shop', '-n', NS]);
      const plugin = headerOf(r.stdout);
      if (!done(plugin)) return undefined;
      // The store follows by watch; give it the moment the plugin saw.
      return JSON.stringify(storeHeader(store, NS, 'shop')) === JSON.stringify(plugin) ? plugin : undefined;
    }, 90_000);
    try {
      const finished = await compare('the first release Healthy in tree and plugin alike', (h) => h.Status.endsWith('Healthy'));
      assert.equal(finished.SetWeight, '1000');
      const r = await cluster.plugin(['set', 'image', 'shop', 'shop=ghcr.io/example/shop:2.0', '-n', NS]);
      assert.equal(r.code, 0, r.stderr);
      const paused = await compare('the canary paused at 300 of 1000 in tree and plugin alike', (h) => h.Status.endsWith('Paused'));
      assert.equal(paused.SetWeight, '300');
    } finally {
      release();
      store.dispose();
      conn.dispose();
    }
  });
});
