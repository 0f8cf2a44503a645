// One measured run of the Rollouts view with several contexts (`argoRollouts.contexts`), in a fresh
// process forked by scripts/benchCluster.ts (BENCH_CONTEXTS=N): per context what its section of the
// tree does — its own connection and RolloutStore watching each namespace (list + watch of the five
// kinds) — then every rollout row with its stuck explanation, and the badge across contexts. Then the
// watches stay open for a while and the memory is measured again: what showing N clusters costs.
import { attentionBadge } from '../../src/core/contexts/attentionBadge';
import { rolloutInfo } from '../../src/core/rollout/rolloutInfo';
import { whyStuck } from '../../src/core/stuck/whyStuck';
import { needsAttention } from '../../src/core/tree/rolloutOrder';
import { rolloutRow, type RolloutRow } from '../../src/core/tree/rolloutRow';
import { loadKubeContexts } from '../../src/kube/kubeContexts';
import { RolloutStore } from '../../src/kube/rolloutStore';

export interface ContextsReport {
  readonly contexts: number;
  readonly rows: number;
  readonly badge: number;
  /** Start to every namespace of every context synced. */
  readonly syncMs: number;
  /** Start to every row of every context computed (time to first full tree). */
  readonly treeMs: number;
  readonly cpuMs: number;
  readonly heapBefore: number;
  readonly rssBefore: number;
  /** After gc, right after the tree. */
  readonly heapRetained: number;
  /** After gc, `steadyMs` later with every watch still open. */
  readonly heapSteady: number;
  readonly rssSteady: number;
  readonly peakRss: number;
  readonly steadyMs: number;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

function until(done: () => boolean, failed: () => string | undefined, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (done()) return resolve();
      // A transient error (a reset connection under load) is retried by the informer, as in the view:
      // only one still there at the deadline fails the run.
      if (Date.now() > deadline) return reject(new Error(`not synced after ${timeoutMs} ms${failed() !== undefined ? `: ${failed() ?? ''}` : ''}`));
      setTimeout(check, 1);
    };
    check();
  });
}

/** `kubeconfig` lists the files of every context (PATH-separated, merged as kubectl merges them). */
export async function contextsClient(kubeconfig: string, contextNames: readonly string[], namespaces: readonly string[], steadyMs: number): Promise<ContextsReport> {
  gc();
  const before = process.memoryUsage();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  // One kubeconfig read and one pinned connection per context, as ClusterSession(pinnedContext) does.
  const stores = contextNames.map((name) => {
    const contexts = loadKubeContexts({ path: kubeconfig });
    if (!contexts.ok) throw new Error(contexts.error.message);
    const used = contexts.value.useContext(name);
    if (!used.ok) throw new Error(used.error.message);
    const conn = contexts.value.connect();
    if (!conn.ok) throw new Error(conn.error.message);
    const store = new RolloutStore(conn.value);
    for (const ns of namespaces) store.watchNamespace(ns);
    return { name, store };
  });
  const failure = (): string | undefined => {
    for (const { name, store } of stores) for (const ns of namespaces) {
      const e = store.lastError(ns);
      if (e) return `${name}/${ns}: ${e.message}`;
    }
    return undefined;
  };
  await until(() => stores.every(({ store }) => namespaces.every((ns) => store.isSynced(ns))), failure, 300_000);
  const t1 = performance.now();
  const now = Date.now();
  const rows: RolloutRow[] = [];
  const perContext = stores.map(({ name, store }) => {
    let count = 0;
    for (const ns of namespaces) {
      for (const { rollout, related } of store.rollouts(ns)) {
        const info = rolloutInfo(rollout, related, now);
        const stuck = whyStuck(rollout, related, now);
        rows.push(rolloutRow(info, rollout, stuck !== undefined ? { stuck } : {}));
        if (needsAttention({ phase: info.phase, ...(stuck !== undefined ? { stuck: stuck.kind } : {}) })) count++;
      }
    }
    return { context: name, count };
  });
  const badge = attentionBadge(perContext)?.value ?? 0;
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  gc();
  const heapRetained = process.memoryUsage().heapUsed;
  await new Promise((resolve) => setTimeout(resolve, steadyMs));
  gc();
  const steady = process.memoryUsage();
  const report: ContextsReport = {
    contexts: stores.length, rows: rows.length, badge, syncMs: t1 - t0, treeMs: t2 - t0, cpuMs: (cpu.user + cpu.system) / 1000,
    heapBefore: before.heapUsed, rssBefore: before.rss, heapRetained, heapSteady: steady.heapUsed, rssSteady: steady.rss,
    peakRss: process.resourceUsage().maxRSS * 1024, steadyMs,
  };
  for (const { store } of stores) store.dispose();
  return report;
}
