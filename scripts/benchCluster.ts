// `npm run bench:cluster`: time to the first full rollouts tree and its memory for 2,000 Rollouts
// in 50 namespaces, against `kubectl get ... -A -o json` on the same API double. With
// BENCH_SERVER=real (`npm run bench:cluster:real`) the server is the real kube-apiserver with etcd
// (realcluster/, controllers stopped so the seeded objects stay put), kubectl is the one built with
// it, and the real `kubectl argo rollouts list rollouts -A` is timed too. The double runs
// in its own child process so its CPU (serialising lists, TLS) is not counted against our client;
// each measured client run is a fresh forked process, so heap and RSS figures are its own.
// Prints a Markdown table and writes it to dist/bench-cluster.md. Numbers are never asserted.
// BENCH_CONTEXTS=3: the Rollouts view with three contexts side by side (`argoRollouts.contexts`), each
// its own API double in its own child process with the same 2,000 rollouts; time to the first full
// tree of all three and the memory once their watches have been open a while (dist/bench-contexts.md).
import { spawnSync } from 'node:child_process';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { Informer } from '../src/kube/informer';
import { loadKubeContexts } from '../src/kube/kubeContexts';
import { startRealCluster } from '../realcluster/startRealCluster';
import { startTestCluster } from '../testbed/apiDouble/startTestCluster';
import { seedRealCluster } from './bench/seedRealCluster';
import { clusterClient, type ClientMode, type ClientReport } from './bench/clusterClient';
import { contextsClient, type ContextsReport } from './bench/contextsClient';
import { benchNamespaces, seedRollouts, type SeedCounts } from './bench/seedRollouts';
import { fmt, mb, median } from './bench/stats';

const NAMESPACES = Number(process.env.BENCH_NAMESPACES ?? 50);
const PER_NAMESPACE = Number(process.env.BENCH_PER_NAMESPACE ?? 40);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const REAL = process.env.BENCH_SERVER === 'real';
const CONTEXTS = Number(process.env.BENCH_CONTEXTS ?? 1);
/** How long the watches of every context stay open before the steady-state memory is read. */
const STEADY_MS = Number(process.env.BENCH_STEADY_MS ?? 30_000);
let KUBECTL = process.env.BENCH_KUBECTL ?? '/usr/bin/kubectl';
const SERVER_TEXT = REAL
  ? 'the real kube-apiserver and etcd (realcluster/, no controllers, HTTPS + bearer token) in their own processes'
  : 'the in-process API double (testbed/apiDouble, HTTPS + bearer token) running in its own child process';

interface ServerReady {
  readonly kubeconfigPath: string;
  readonly counts: SeedCounts;
  readonly seedMs: number;
  /** The real cluster's own kubectl and plugin (BENCH_SERVER=real). */
  readonly kubectl?: string;
  readonly plugin?: string;
  readonly serverVersion?: string;
}

/** The real API server and etcd, seeded over HTTP; answers like serverMain. */
async function realServerMain(): Promise<void> {
  const cluster = await startRealCluster({ components: 'apiServer', log: (line) => console.log(`[real-cluster] ${line}`) });
  const t = performance.now();
  const counts = await seedRealCluster(cluster, NAMESPACES, PER_NAMESPACE).catch(async (e: unknown) => {
    await cluster.stop();
    throw e;
  });
  const ready: ServerReady = {
    kubeconfigPath: cluster.kubeconfigPath, counts, seedMs: performance.now() - t,
    kubectl: cluster.binaries.kubectl, plugin: cluster.binaries.kubectlArgoRollouts, serverVersion: cluster.version,
  };
  process.send?.(ready);
  process.on('message', (m) => {
    if (m === 'stop') void cluster.stop().then(() => process.exit(0));
  });
}

async function serverMain(contextName?: string): Promise<void> {
  const namespaces = benchNamespaces(NAMESPACES);
  // Several doubles' kubeconfigs are merged as kubectl merges them: each needs user and context names of its own.
  const cluster = await startTestCluster({ namespaces: ['default', ...namespaces], ...(contextName ? { contextName, userName: `${contextName}-user` } : {}) });
  const t = performance.now();
  const counts = seedRollouts(cluster.store, namespaces, PER_NAMESPACE);
  const ready: ServerReady = { kubeconfigPath: cluster.kubeconfigPath, counts, seedMs: performance.now() - t };
  process.send?.(ready);
  // The double keeps a log of every request; clear it now and then so it does not grow across runs.
  process.on('message', (m) => {
    if (m === 'clear') cluster.requests.length = 0;
    if (m === 'stop') void cluster.stop().then(() => process.exit(0));
  });
}

async function clientMain(mode: ClientMode, kubeconfig: string): Promise<void> {
  const report = await clusterClient(mode, kubeconfig, benchNamespaces(NAMESPACES));
  process.send?.(report, () => process.exit(0));
}

function forkSelf(args: string[]): ChildProcess {
  // execArgv carries tsx's loader; --expose-gc lets the client measure retained heap.
  return fork(__filename, args, { execArgv: [...process.execArgv, '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function firstMessage<T>(child: ChildProcess, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code} before answering`)));
  });
}

async function runClient(mode: ClientMode, kubeconfig: string): Promise<ClientReport> {
  const child = forkSelf(['--client', mode, kubeconfig]);
  const report = await firstMessage<ClientReport>(child, `client ${mode}`);
  await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
  return report;
}

interface KubectlRun {
  readonly ms: number;
  readonly items: number;
  readonly bytes: number;
}

function runKubectl(resources: string, kubeconfig: string, cacheDir: string): KubectlRun {
  const t = performance.now();
  const out = spawnSync(KUBECTL, ['get', resources, '-A', '-o', 'json', '--kubeconfig', kubeconfig, '--cache-dir', cacheDir], { maxBuffer: 1 << 30 });
  const ms = performance.now() - t;
  if (out.status !== 0) throw new Error(`kubectl get ${resources} failed: ${out.stderr.toString()}`);
  const parsed: unknown = JSON.parse(out.stdout.toString('utf8'));
  const items = typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'items') : undefined;
  return { ms, items: Array.isArray(items) ? items.length : 0, bytes: out.stdout.length };
}

/** The real `kubectl argo rollouts list rollouts -A` (what a plugin user runs for the same overview). */
function runPluginList(plugin: string, kubeconfig: string): KubectlRun {
  const t = performance.now();
  const out = spawnSync(plugin, ['list', 'rollouts', '-A', '--kubeconfig', kubeconfig], { maxBuffer: 1 << 30 });
  const ms = performance.now() - t;
  if (out.status !== 0) throw new Error(`kubectl argo rollouts list rollouts failed: ${out.stderr.toString()}`);
  return { ms, items: out.stdout.toString('utf8').trim().split('\n').length - 1, bytes: out.stdout.length };
}

/** How many rollouts a src/kube Informer with namespace undefined ends up holding. */
async function clusterWideInformerCount(kubeconfig: string): Promise<number> {
  const contexts = loadKubeContexts({ path: kubeconfig });
  const conn = contexts.ok ? contexts.value.connect() : undefined;
  if (!conn?.ok) throw new Error('cannot connect to the API double');
  const informer = new Informer(conn.value, 'rollouts', undefined);
  const synced = new Promise<void>((resolve) => informer.onChange(() => resolve()));
  informer.start();
  await synced;
  const kept = informer.objects().length;
  informer.stop();
  return kept;
}

function machine(): string[] {
  const cpus = os.cpus();
  return [
    `- CPU: ${cpus[0]?.model ?? 'unknown'} (${cpus.length} cores visible to Node)`,
    `- Node ${process.version}, ${os.platform()} ${os.release()}`,
    `- Date: ${new Date().toISOString()}`,
    `- Load average at start (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}`,
  ];
}

async function main(): Promise<void> {
  const header = machine();
  const server = forkSelf(['--server']);
  const ready = await firstMessage<ServerReady>(server, 'API double');
  const { counts } = ready;
  if (ready.kubectl) KUBECTL = ready.kubectl;
  header.push(`- kubectl: ${spawnSync(KUBECTL, ['version', '--client'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? '?'}`);
  if (ready.serverVersion) header.push(`- Server: the real kube-apiserver ${ready.serverVersion} with etcd (realcluster/), seeded in ${fmt(ready.seedMs)} ms`);
  console.log(`seeded ${counts.rollouts} rollouts, ${counts.replicaSets} ReplicaSets, ${counts.pods} pods, ${counts.analysisRuns} AnalysisRuns in ${NAMESPACES} namespaces (${fmt(ready.seedMs)} ms)`);
  const cacheDir = mkdtempSync(nodePath.join(os.tmpdir(), 'bench-kubectl-cache-'));
  try {
    // kubectl's first call fills its discovery cache; later calls (what a user sees) reuse it.
    const keptByInformer = await clusterWideInformerCount(ready.kubeconfigPath);
    const cold = runKubectl('rollouts', ready.kubeconfigPath, cacheDir);
    const ours: Record<ClientMode, ClientReport[]> = { 'per-namespace': [], 'all-namespaces': [] };
    const kubectlRollouts: KubectlRun[] = [];
    const kubectlAll: KubectlRun[] = [];
    const pluginList: KubectlRun[] = [];
    // Interleaved, so a change in machine load hits every contender alike.
    for (let i = 0; i < RUNS; i++) {
      for (const mode of ['per-namespace', 'all-namespaces'] as const) {
        const r = await runClient(mode, ready.kubeconfigPath);
        if (r.rows !== counts.rollouts) throw new Error(`${mode}: ${r.rows} rows for ${counts.rollouts} rollouts`);
        ours[mode].push(r);
        server.send('clear');
      }
      kubectlRollouts.push(runKubectl('rollouts', ready.kubeconfigPath, cacheDir));
      kubectlAll.push(runKubectl('rollouts,replicasets,pods,analysisruns', ready.kubeconfigPath, cacheDir));
      if (ready.plugin) pluginList.push(runPluginList(ready.plugin, ready.kubeconfigPath));
      console.log(`run ${i + 1}/${RUNS}: ours ${fmt(ours['per-namespace'][i]?.treeMs ?? NaN)} / ${fmt(ours['all-namespaces'][i]?.treeMs ?? NaN)} ms, kubectl ${fmt(kubectlRollouts[i]?.ms ?? NaN)} / ${fmt(kubectlAll[i]?.ms ?? NaN)} ms`);
    }
    const med = (xs: readonly number[]): string => fmt(median(xs));
    const medMb = (xs: readonly number[]): string => mb(median(xs));
    const row = (name: string, rs: readonly ClientReport[]): string =>
      `| ${name} | ${med(rs.map((r) => r.treeMs))} | ${med(rs.map((r) => r.syncMs))} | ${med(rs.map((r) => r.rowsMs))} | ${med(rs.map((r) => r.cpuMs))} | ${medMb(rs.map((r) => r.heapAfterTree - r.heapBefore))} | ${medMb(rs.map((r) => r.heapRetained - r.heapBefore))} | ${medMb(rs.map((r) => r.peakRss - r.baselineRss))} | ${medMb(rs.map((r) => r.peakRss))} |`;
    const krow = (name: string, rs: readonly KubectlRun[]): string =>
      `| ${name} | ${med(rs.map((r) => r.ms))} | ${rs[0]?.items ?? 0} | ${mb(rs[0]?.bytes ?? 0)} |`;
    const perNs = median(ours['per-namespace'].map((r) => r.treeMs));
    const allNs = median(ours['all-namespaces'].map((r) => r.treeMs));
    const kAll = median(kubectlAll.map((r) => r.ms));
    const kRo = median(kubectlRollouts.map((r) => r.ms));
    const verdict = (ms: number): string => (ms <= kAll ? `not slower (${(kAll / ms).toFixed(2)}× faster)` : `**SLOWER** (${(ms / kAll).toFixed(2)}× kubectl)`);
    const lines = [
      '# Cluster benchmark: live rollouts tree', '',
      ...header, '',
      `Data: ${counts.rollouts} canary Rollouts in ${NAMESPACES} namespaces (50% Healthy, 20% Paused, 20% Progressing, 10% Degraded), ` +
        `${counts.replicaSets} ReplicaSets, ${counts.pods} pods, ${counts.analysisRuns} AnalysisRuns, on ${SERVER_TEXT}, ` +
        'so its CPU is not counted in our client\'s numbers ' +
        '(but shares the machine\'s cores). Median of ' + `${RUNS} runs; every client run is a fresh process.`, '',
      '## Ours: time to first full tree and memory', '',
      '"Tree" = from connecting to every namespace synced (list + watch of rollouts, replicasets, pods, analysisruns, experiments) and ' +
        'rolloutInfo + rolloutRow computed for every rollout. Client CPU = user + system time of our process until the tree (the rest of the wall time is waiting for the double). Heap figures after `gc()`; peak RSS is the process high-water mark.', '',
      '| Path | tree ms | synced ms | rows ms | client CPU ms | heap growth at tree MB | heap retained MB | RSS growth MB | peak RSS MB |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      row(`RolloutStore, watchNamespace × ${NAMESPACES} (${NAMESPACES * 5} lists + watches)`, ours['per-namespace']),
      row('all namespaces: 5 cluster-wide lists through KubeTransport.send, no watches*', ours['all-namespaces']),
      '',
      '\\* RolloutStore watches namespace by namespace (the tree\'s path); it has no cluster-wide watch yet. This row is the five ' +
        'cluster-wide lists such a watch would start with (no watches opened), grouped by namespace. A cluster-wide src/kube Informer ' +
        `holds ${keptByInformer} of ${counts.rollouts} rollouts (it must hold all).`, '',
      `## kubectl on the same ${REAL ? 'server' : 'double'}`, '',
      '| Command | wall ms | items | JSON MB |', '|---|---:|---:|---:|',
      krow('`kubectl get rollouts -A -o json`', kubectlRollouts),
      krow('`kubectl get rollouts,replicasets,pods,analysisruns -A -o json` (same data as the tree)', kubectlAll),
      `| first call, empty discovery cache: \`kubectl get rollouts -A -o json\` (1 run) | ${fmt(cold.ms)} | ${cold.items} | ${mb(cold.bytes)} |`,
      ...(pluginList.length > 0 ? [krow('the real `kubectl argo rollouts list rollouts -A` (v1.9.1; items = rows)', pluginList)] : []),
      '',
      '## Verdict', '',
      `- Per-namespace tree (${fmt(perNs)} ms) vs kubectl same data (${fmt(kAll)} ms): ${verdict(perNs)}; vs rollouts only (${fmt(kRo)} ms): ${perNs <= kRo ? 'not slower' : 'slower'}.`,
      `- All-namespaces tree (${fmt(allNs)} ms) vs kubectl same data: ${verdict(allNs)}; vs rollouts only: ${allNs <= kRo ? 'not slower' : 'slower'}.`,
      '',
    ];
    const text = lines.join('\n');
    console.log('\n' + text);
    const dist = nodePath.join(__dirname, '..', 'dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(nodePath.join(dist, REAL ? 'bench-cluster-real.md' : 'bench-cluster.md'), text);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
    server.send('stop');
  }
}

/** BENCH_CONTEXTS=N: N doubles, each in its own process, and the view's N sections in one client process. */
async function mainContexts(): Promise<void> {
  const header = machine();
  const names = Array.from({ length: CONTEXTS }, (_, i) => `bench-${i + 1}`);
  const servers = names.map((name) => forkSelf(['--server', name]));
  try {
    const ready = await Promise.all(servers.map((s, i) => firstMessage<ServerReady>(s, `API double ${names[i] ?? ''}`)));
    const counts = ready[0]?.counts;
    if (!counts) throw new Error('no server');
    console.log(`seeded ${CONTEXTS} doubles with ${counts.rollouts} rollouts each in ${NAMESPACES} namespaces`);
    const kubeconfig = ready.map((r) => r.kubeconfigPath).join(nodePath.delimiter);
    const runs: ContextsReport[] = [];
    for (let i = 0; i < RUNS; i++) {
      const child = forkSelf(['--client', 'contexts', kubeconfig, names.join(',')]);
      const report = await firstMessage<ContextsReport>(child, 'client contexts');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
      if (report.rows !== counts.rollouts * CONTEXTS) throw new Error(`${report.rows} rows for ${counts.rollouts * CONTEXTS} rollouts`);
      runs.push(report);
      for (const s of servers) s.send('clear');
      console.log(`run ${i + 1}/${RUNS}: first full tree ${fmt(report.treeMs)} ms, steady heap ${mb(report.heapSteady - report.heapBefore)} MB, RSS ${mb(report.rssSteady)} MB`);
    }
    const med = (f: (r: ContextsReport) => number): number => median(runs.map(f));
    const lines = [
      '# Cluster benchmark: several contexts side by side', '',
      ...header, '',
      `Data: ${CONTEXTS} contexts, each an API double (testbed/apiDouble, HTTPS + bearer token) in its own child process holding ` +
        `${counts.rollouts} canary Rollouts in ${NAMESPACES} namespaces with ${counts.replicaSets} ReplicaSets, ${counts.pods} pods and ` +
        `${counts.analysisRuns} AnalysisRuns. The client does what the view's sections do: per context its own connection and RolloutStore ` +
        `watching every namespace (${CONTEXTS} × ${NAMESPACES} × 5 lists + watches), then every row with its stuck explanation and the ` +
        `badge across contexts. Median of ${RUNS} runs, each a fresh process; heap after \`gc()\`, steady state after ${fmt(STEADY_MS / 1000)} s with every watch open.`, '',
      '| Measurement | Result |', '|---|---:|',
      `| First full tree, ${CONTEXTS} × ${counts.rollouts} rollouts (connect, list + watch, every row and the badge) | **${fmt(med((r) => r.treeMs))} ms** |`,
      `| … of which every namespace of every context synced | ${fmt(med((r) => r.syncMs))} ms |`,
      `| Client CPU until the tree | ${fmt(med((r) => r.cpuMs))} ms |`,
      `| Heap retained right after the tree | ${mb(med((r) => r.heapRetained - r.heapBefore))} MB |`,
      `| Steady-state heap (watches open ${fmt(STEADY_MS / 1000)} s) | **${mb(med((r) => r.heapSteady - r.heapBefore))} MB** |`,
      `| Steady-state RSS of the process | **${mb(med((r) => r.rssSteady))} MB** |`,
      `| Peak RSS | ${mb(med((r) => r.peakRss))} MB |`,
      `| Badge (rollouts needing attention across the ${CONTEXTS} contexts) | ${runs[0]?.badge ?? 0} |`,
      '',
    ];
    const text = lines.join('\n');
    console.log('\n' + text);
    const dist = nodePath.join(__dirname, '..', 'dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(nodePath.join(dist, 'bench-contexts.md'), text);
  } finally {
    for (const s of servers) s.send('stop');
  }
}

const [flag, mode, kubeconfig, contextList] = process.argv.slice(2);
const clientEntry = (): Promise<void> => {
  if (mode === 'contexts' && kubeconfig && contextList) {
    return contextsClient(kubeconfig, contextList.split(','), benchNamespaces(NAMESPACES), STEADY_MS).then((report) => {
      process.send?.(report, () => process.exit(0));
    });
  }
  if ((mode === 'per-namespace' || mode === 'all-namespaces') && kubeconfig) return clientMain(mode, kubeconfig);
  return Promise.reject(new Error(`unknown client mode ${mode ?? ''}`));
};
const entry = flag === '--server' ? (REAL ? realServerMain() : serverMain(mode)) : flag === '--client' ? clientEntry() : CONTEXTS > 1 ? mainContexts() : main();
entry.catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
