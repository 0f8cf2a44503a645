// Helpers for the real-cluster tests: the extension's own kube layer connected to the real API server
// through the real kubeconfig loader, kubectl apply of JSON objects, the header of `kubectl argo
// rollouts get rollout` as fields, and waits with a deadline on what the real controller decides.
import { strict as assert } from 'node:assert';
import type { RealCluster } from '../../realcluster/startRealCluster';
import { renderGet } from '../../src/core/rollout/renderGet';
import { rolloutInfo } from '../../src/core/rollout/rolloutInfo';
import type { ClusterConnection } from '../../src/kube/clusterConnection';
import { loadKubeContexts } from '../../src/kube/kubeContexts';
import type { RolloutStore } from '../../src/kube/rolloutStore';

/** The extension's connection to `context` of the real cluster's kubeconfig. */
export function connectReal(cluster: RealCluster, context = cluster.contextName): ClusterConnection {
  const contexts = loadKubeContexts({ path: cluster.kubeconfigPath });
  assert.ok(contexts.ok, contexts.ok ? '' : contexts.error.message);
  const switched = contexts.value.useContext(context);
  assert.ok(switched.ok, switched.ok ? '' : switched.error.message);
  const conn = contexts.value.connect({});
  assert.ok(conn.ok, conn.ok ? '' : conn.error.message);
  return conn.value;
}

export async function kubectlOk(cluster: RealCluster, args: readonly string[], input?: string): Promise<string> {
  const r = await cluster.kubectl(args, input === undefined ? {} : { input });
  assert.equal(r.code, 0, `kubectl ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

export async function createNamespace(cluster: RealCluster, name: string): Promise<void> {
  await kubectlOk(cluster, ['create', 'namespace', name]);
}

export async function getJson(cluster: RealCluster, args: readonly string[]): Promise<unknown> {
  return JSON.parse(await kubectlOk(cluster, ['get', ...args, '-o', 'json'])) as unknown;
}

/** Polls `probe` until it returns a value other than undefined; the real controller decides when. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export const HEADER_FIELDS = ['Status', 'Message', 'Step', 'SetWeight', 'ActualWeight'] as const;
export type Header = Record<(typeof HEADER_FIELDS)[number], string>;

/** Status, Message, Step, SetWeight and ActualWeight from the header of a `get rollout` text. */
export function headerOf(getText: string): Header {
  const header: Record<string, string> = {};
  // The plugin colours its status icons even when its output is not a terminal.
  // eslint-disable-next-line no-control-regex
  for (const line of getText.replace(/\u001b\[[0-9;]*m/g, '').split('\n')) {
    if (line.trim() === '') break;
    const m = /^\s*([A-Za-z]+):\s+(.*)$/.exec(line);
    if (m?.[1] && (HEADER_FIELDS as readonly string[]).includes(m[1])) header[m[1]] = (m[2] ?? '').trim();
  }
  return Object.fromEntries(HEADER_FIELDS.map((f) => [f, header[f] ?? ''])) as Header;
}

/** The header the extension renders for `namespace/name` from its watch store. */
export function storeHeader(store: RolloutStore, namespace: string, name: string): Header | undefined {
  const entry = store.rollout(namespace, name);
  if (!entry) return undefined;
  const now = Date.now();
  return headerOf(renderGet(rolloutInfo(entry.rollout, entry.related, now), now));
}

/** resourceVersion as a number (etcd's revisions; compared only to tell "caught up"). */
export function resourceVersion(obj: unknown): number {
  const rv = (obj as { metadata?: { resourceVersion?: string } } | undefined)?.metadata?.resourceVersion;
  return Number(rv ?? 0);
}
