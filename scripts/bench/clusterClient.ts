// One measured run of our client against the API double, in a fresh process (forked by
// scripts/benchCluster.ts) so the heap and RSS figures hold only this run's objects.
// 'per-namespace': what the tree does — a RolloutStore watching each namespace (list + watch of the
// five kinds). 'all-namespaces': RolloutStore only takes a namespace name and Informer cannot be
// used cluster-wide (see allNamespaces), so this path is five cluster-wide lists through the same
// KubeTransport, without watches, grouped by namespace.
import { rolloutInfo, type RelatedObjects } from '../../src/core/rollout/rolloutInfo';
import { rolloutRow, type RolloutRow } from '../../src/core/tree/rolloutRow';
import type { KubeTransport } from '../../src/kube/clusterConnection';
import { collectionPath, type WatchedKind } from '../../src/kube/informer';
import { loadKubeContexts } from '../../src/kube/kubeContexts';
import { RolloutStore, WATCHED_KINDS } from '../../src/kube/rolloutStore';

export type ClientMode = 'per-namespace' | 'all-namespaces';

export interface ClientReport {
  readonly mode: ClientMode;
  readonly rows: number;
  /** Connection made to every namespace synced. */
  readonly syncMs: number;
  /** Start to every tree row computed (time to first full tree). */
  readonly treeMs: number;
  readonly rowsMs: number;
  /** CPU (user + system) this process spent from start to tree; the rest of treeMs is waiting on the server. */
  readonly cpuMs: number;
  readonly baselineRss: number;
  readonly peakRss: number;
  readonly heapBefore: number;
  readonly heapAfterTree: number;
  /** After gc, store and rows kept alive: what the tree costs while shown. */
  readonly heapRetained: number;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Resolves once `done()` holds; checked every millisecond (this process does nothing else). */
function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (done()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`not synced after ${timeoutMs} ms`));
      setTimeout(check, 1);
    };
    check();
  });
}

function str(v: unknown, ...path: string[]): string {
  let cur = v;
  for (const p of path) cur = typeof cur === 'object' && cur !== null ? Reflect.get(cur, p) : undefined;
  return typeof cur === 'string' ? cur : '';
}

function connectTo(kubeconfig: string): KubeTransport {
  const contexts = loadKubeContexts({ path: kubeconfig });
  if (!contexts.ok) throw new Error(contexts.error.message);
  const conn = contexts.value.connect();
  if (!conn.ok) throw new Error(conn.error.message);
  return conn.value;
}

async function perNamespace(kubeconfig: string, namespaces: readonly string[], now: number): Promise<{ rows: RolloutRow[]; syncedAt: number; keep: unknown; stop: () => void }> {
  const store = new RolloutStore(connectTo(kubeconfig));
  for (const ns of namespaces) store.watchNamespace(ns);
  await until(() => namespaces.every((ns) => store.isSynced(ns)), 120_000);
  const syncedAt = performance.now();
  const rows: RolloutRow[] = [];
  for (const ns of namespaces) {
    for (const { rollout, related } of store.rollouts(ns)) rows.push(rolloutRow(rolloutInfo(rollout, related, now), rollout));
  }
  return { rows, syncedAt, keep: store, stop: () => store.dispose() };
}

async function allNamespaces(kubeconfig: string, now: number): Promise<{ rows: RolloutRow[]; syncedAt: number; keep: unknown; stop: () => void }> {
  const transport = connectTo(kubeconfig);
  // Not an Informer: its cache is keyed by name only, so with namespace undefined same-named
  // objects of different namespaces overwrite each other. The five lists are what a cluster-wide
  // informer would fetch before its watches.
  const lists = await Promise.all(WATCHED_KINDS.map(async (kind) => {
    const answer = await transport.send({ method: 'GET', path: collectionPath(kind, undefined) });
    if (!answer.ok) throw new Error(`list ${kind}: ${answer.error.message}`);
    const items: unknown = typeof answer.value.body === 'object' && answer.value.body !== null ? Reflect.get(answer.value.body, 'items') : undefined;
    const found: unknown[] = Array.isArray(items) ? items : [];
    return [kind, found] as const;
  }));
  const syncedAt = performance.now();
  const objects = new Map<WatchedKind, unknown[]>(lists);
  // Group the related objects by namespace first: rolloutInfo scans all it is given per rollout.
  const byNs = new Map<string, { replicaSets: unknown[]; pods: unknown[]; analysisRuns: unknown[]; experiments: unknown[] }>();
  const bucket = (ns: string): { replicaSets: unknown[]; pods: unknown[]; analysisRuns: unknown[]; experiments: unknown[] } => {
    let b = byNs.get(ns);
    if (!b) byNs.set(ns, (b = { replicaSets: [], pods: [], analysisRuns: [], experiments: [] }));
    return b;
  };
  const fields: [WatchedKind, 'replicaSets' | 'pods' | 'analysisRuns' | 'experiments'][] = [
    ['replicasets', 'replicaSets'], ['pods', 'pods'], ['analysisruns', 'analysisRuns'], ['experiments', 'experiments'],
  ];
  for (const [kind, field] of fields) for (const o of objects.get(kind) ?? []) bucket(str(o, 'metadata', 'namespace'))[field].push(o);
  const rollouts = (objects.get('rollouts') ?? [])
    .map((r) => ({ r, key: `${str(r, 'metadata', 'namespace')}/${str(r, 'metadata', 'name')}` }))
    .sort((a, b) => a.key.localeCompare(b.key));
  const rows = rollouts.map(({ r }) => {
    const related: RelatedObjects = bucket(str(r, 'metadata', 'namespace'));
    return rolloutRow(rolloutInfo(r, related, now), r);
  });
  return { rows, syncedAt, keep: objects, stop: () => undefined };
}

export async function clusterClient(mode: ClientMode, kubeconfig: string, namespaces: readonly string[]): Promise<ClientReport> {
  gc();
  const before = process.memoryUsage();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const run = mode === 'per-namespace' ? await perNamespace(kubeconfig, namespaces, Date.now()) : await allNamespaces(kubeconfig, Date.now());
  const t1 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const heapAfterTree = process.memoryUsage().heapUsed;
  gc();
  const heapRetained = process.memoryUsage().heapUsed;
  const report: ClientReport = {
    mode, rows: run.rows.length, syncMs: run.syncedAt - t0, treeMs: t1 - t0, rowsMs: t1 - run.syncedAt, cpuMs: (cpu.user + cpu.system) / 1000,
    baselineRss: before.rss, peakRss: process.resourceUsage().maxRSS * 1024, heapBefore: before.heapUsed, heapAfterTree, heapRetained,
  };
  // Keep the store and rows reachable until measured.
  if (run.keep === undefined || run.rows.length < 0) throw new Error('unreachable');
  run.stop();
  return report;
}
