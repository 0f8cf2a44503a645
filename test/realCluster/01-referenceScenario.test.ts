// The reference scenario (gitops-hugo: NGINX canary 10/30/50/90 with pauses, background analysis from
// startingStep 2 against the real Prometheus) on the real Argo Rollouts controller. The extension's
// tree reads the cluster through its own watch store; at every observation its status, step and
// weights must equal what the real `kubectl argo rollouts get rollout` prints at the same moment.
import { strict as assert } from 'node:assert';
import { gitopsHugoManifests } from '../../realcluster/gitopsHugoOnRealCluster';
import { RolloutStore } from '../../src/kube/rolloutStore';
import type { ClusterConnection } from '../../src/kube/clusterConnection';
import { realWorld } from './hooks';
import { connectReal, eventually, getJson, headerOf, kubectlOk, resourceVersion, storeHeader, type Header } from './realClusterKit';

const NS = 'default';
const NAME = 'gitops-hugo';
const IMAGE = (tag: string): string => `ghcr.io/example/gitops-hugo:${tag}`;

describe('The reference scenario on the real Argo Rollouts controller', function () {
  this.timeout(240_000);
  let conn: ClusterConnection;
  let store: RolloutStore;
  let release: () => void;

  const pluginHeader = async (): Promise<Header> => {
    const r = await realWorld().cluster.plugin(['get', 'rollout', NAME, '-n', NS]);
    assert.equal(r.code, 0, r.stderr);
    return headerOf(r.stdout);
  };

  /**
   * One observation: the plugin's header, then the store caught up with the rollout the server holds
   * now, then the plugin's header again. When the two plugin reads agree the state stood still, and
   * the store's header is compared with it; otherwise the moment is skipped (undefined).
   */
  const observe = async (): Promise<{ plugin: Header; ours: Header | undefined } | undefined> => {
    const before = await pluginHeader();
    const rv = resourceVersion(await getJson(realWorld().cluster, ['rollout', NAME, '-n', NS]));
    await eventually('the watch store to reach the rollout\'s resourceVersion', async () => {
      const entry = store.rollout(NS, NAME);
      return entry && resourceVersion(entry.rollout) >= rv ? true : undefined;
    }, 10_000);
    const ours = storeHeader(store, NS, NAME);
    const after = await pluginHeader();
    return JSON.stringify(before) === JSON.stringify(after) ? { plugin: before, ours } : undefined;
  };

  /** Observes until `done` holds; every observation's tree header must equal the plugin's. Returns the headers seen. */
  const observeUntil = async (what: string, done: (h: Header) => boolean, timeoutMs = 150_000): Promise<Header[]> => {
    const seen: Header[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const o = await observe();
      if (o) {
        assert.deepEqual(o.ours, o.plugin, `observation ${seen.length + 1}: the tree (actual) and kubectl argo rollouts get (expected) disagree`);
        seen.push(o.plugin);
        if (done(o.plugin)) return seen;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(seen.at(-1))}`);
    }
  };

  before(async function () {
    const { cluster, prometheus } = realWorld();
    await kubectlOk(cluster, ['apply', '-f', '-'], gitopsHugoManifests({ namespace: NS, prometheusUrl: prometheus.url, pause: '5s', interval: '5s' }));
    conn = connectReal(cluster);
    store = new RolloutStore(conn);
    release = store.watchNamespace(NS);
  });
  after(() => {
    release();
    store.dispose();
    conn.dispose();
  });

  it('deploys the first release straight to Healthy, and the tree says so as the plugin does', async () => {
    const seen = await observeUntil('gitops-hugo Healthy', (h) => h.Status === '✔ Healthy');
    assert.deepEqual(seen.at(-1), { Status: '✔ Healthy', Message: '', Step: '8/8', SetWeight: '100', ActualWeight: '100' });
  });

  it('takes a good release through setWeight 10, 30, 50 and 90 to Healthy, the tree agreeing with the plugin at every observation', async () => {
    const { cluster } = realWorld();
    const r = await cluster.plugin(['set', 'image', NAME, `hugo=${IMAGE('1.1.0')}`, '-n', NS]);
    assert.equal(r.code, 0, r.stderr);
    // Done at the first Healthy after the update was seen under way (the first look may precede it).
    let underWay = false;
    const seen = await observeUntil('the good release to finish', (h) => {
      underWay ||= h.Status !== '✔ Healthy';
      return underWay && h.Status === '✔ Healthy';
    });
    const weights = new Set(seen.map((h) => h.SetWeight));
    for (const w of ['10', '30', '50', '90']) assert.ok(weights.has(w), `SetWeight ${w} was never observed (saw ${[...weights].join(', ')})`);
    assert.ok(seen.length >= 8, `only ${seen.length} observations were compared`);
    const rollout = await getJson(cluster, ['rollout', NAME, '-n', NS]) as { status: { stableRS: string; currentPodHash: string } };
    assert.equal(rollout.status.stableRS, rollout.status.currentPodHash, 'the new release is stable');
  });

  it('aborts a bad release when its analysis fails against the real Prometheus, and the tree shows Degraded with the controller\'s message', async () => {
    const { cluster } = realWorld();
    const r = await cluster.plugin(['set', 'image', NAME, `hugo=${IMAGE('1.2.0')}`, '-n', NS]);
    assert.equal(r.code, 0, r.stderr);
    const seen = await observeUntil('the bad release to be aborted', (h) => h.Status === '✖ Degraded');
    const last = seen.at(-1);
    assert.ok(last);
    assert.match(last.Message, /^RolloutAborted: Rollout aborted update to revision \d+: Background analysis phase error\/failed: Metric "(success-rate|latency)" assessed Failed due to failed \(\d+\) > failureLimit \(1\)/);
    assert.equal(last.SetWeight, '0');
    const runs = await getJson(cluster, ['analysisruns', '-n', NS]) as { items: { status?: { phase?: string } }[] };
    assert.ok(runs.items.some((run) => run.status?.phase === 'Failed'), 'an AnalysisRun failed');
  });
});
