// Shared helpers for the kube layer's tests: a connection to the test cluster through the real
// kubeconfig loader, fixtures, and waits for events with a deadline (never sleeps).
import { strict as assert } from 'node:assert';
import type { TestCluster } from '../../../testbed/apiDouble/startTestCluster';
import type { JsonObject } from '../../../testbed/apiDouble/jsonValue';
import type { ClusterConnection } from '../../../src/kube/clusterConnection';
import { loadKubeContexts } from '../../../src/kube/kubeContexts';
import type { RolloutStore, StoreChange } from '../../../src/kube/rolloutStore';

export function connectTo(cluster: TestCluster, options: { requestTimeoutMs?: number } = {}): ClusterConnection {
  const contexts = loadKubeContexts({ path: cluster.kubeconfigPath });
  assert.ok(contexts.ok, contexts.ok ? '' : contexts.error.message);
  const conn = contexts.value.connect(options);
  assert.ok(conn.ok, conn.ok ? '' : conn.error.message);
  return conn.value;
}

export function aRollout(name: string, extra: { paused?: boolean; steps?: JsonObject[]; image?: string; workloadRef?: string } = {}): JsonObject {
  const spec: JsonObject = {
    replicas: 2,
    selector: { matchLabels: { app: name } },
    strategy: { canary: { steps: extra.steps ?? [{ setWeight: 20 }, { pause: {} }, { setWeight: 60 }] } },
  };
  if (extra.workloadRef) spec.workloadRef = { apiVersion: 'apps/v1', kind: 'Deployment', name: extra.workloadRef };
  else spec.template = { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: extra.image ?? 'nginx:1.25' }] } };
  if (extra.paused) spec.paused = true;
  return { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name, namespace: 'default' }, spec };
}

/** A ReplicaSet controlled by the rollout with `uid`, at `revision`, with its pod template's image. */
export function aReplicaSet(rollout: string, uid: string, revision: number, image: string): JsonObject {
  const hash = `h${revision}`;
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: {
      name: `${rollout}-${hash}`, namespace: 'default', labels: { app: rollout, 'rollouts-pod-template-hash': hash },
      annotations: { 'rollout.argoproj.io/revision': String(revision) },
      ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: rollout, uid, controller: true }],
    },
    spec: {
      replicas: 1, selector: { matchLabels: { app: rollout, 'rollouts-pod-template-hash': hash } },
      template: { metadata: { labels: { app: rollout, 'rollouts-pod-template-hash': hash } }, spec: { containers: [{ name: 'app', image }] } },
    },
  };
}

/** Resolves with the first store change that `match` accepts, and how long it took; rejects after `timeoutMs`. */
export function nextChange(store: RolloutStore, match: (c: StoreChange) => boolean, timeoutMs = 5000): Promise<{ change: StoreChange; ms: number }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no matching store change within ${timeoutMs} ms`));
    }, timeoutMs);
    const off = store.onChange((change) => {
      if (!match(change)) return;
      clearTimeout(timer);
      off();
      resolve({ change, ms: Number(process.hrtime.bigint() - started) / 1e6 });
    });
  });
}

/** Waits until `condition` holds, re-checking on every store change; rejects after `timeoutMs`. */
export async function untilStore(store: RolloutStore, condition: () => boolean, timeoutMs = 5000): Promise<void> {
  if (condition()) return;
  await nextChange(store, () => condition(), timeoutMs);
}

/** Waits for a condition the server side decides (e.g. a watch closing) by polling it, with a deadline. */
export async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

export interface SentRequest {
  method: string;
  path: string;
  contentType: string;
  body: unknown;
}

const OUR_MANAGER = /([?&])fieldManager=argo-rollouts-vscode(&|$)/;

/**
 * The requests the cluster received from index `from` on, with JSON bodies parsed; access reviews left out unless asked.
 * Every request must carry the extension's User-Agent and every write (POST, PUT, PATCH) its field manager; the
 * `fieldManager=argo-rollouts-vscode` parameter of a write that sends no other is left out of `path` so tests read the rest.
 */
export function received(cluster: TestCluster, from: number, options: { reviews?: boolean } = {}): SentRequest[] {
  return cluster.requests.slice(from)
    .filter((r) => options.reviews || !r.path.includes('selfsubjectaccessreviews'))
    .map((r) => {
      assert.match(r.userAgent, /^argo-rollouts-vscode\/\d+\.\d+\.\d+/, `${r.method} ${r.path} was sent without the extension's User-Agent`);
      if (['POST', 'PUT', 'PATCH'].includes(r.method)) assert.match(r.path, OUR_MANAGER, `${r.method} ${r.path} was sent without fieldManager=argo-rollouts-vscode`);
      const path = r.path.includes('force=') ? r.path : r.path.replace(OUR_MANAGER, (_m, lead: string, tail: string) => (tail === '&' ? lead : '')).replace(/\?$/, '');
      return { method: r.method, path, contentType: r.contentType, body: r.body === '' ? undefined : JSON.parse(r.body) as unknown };
    });
}

export function field(obj: unknown, ...path: string[]): unknown {
  let node = obj;
  for (const k of path) node = typeof node === 'object' && node !== null && !Array.isArray(node) ? Reflect.get(node, k) : undefined;
  return node;
}
