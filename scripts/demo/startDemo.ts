// The product on its embedded default, minus the shell part (scripts/demo.sh installs and builds):
// the test cluster on 127.0.0.1 with a kubeconfig context `demo`, seeded from the demo workspace's
// manifests (seedDemoCluster.ts) and reconciled by the canary simulator on the wall clock, a real Prometheus
// when one is installed (history up to now plus live NGINX series, demoPrometheus.ts) that the
// simulator's analysis measures at wall-clock time, and — unless the caller starts its own VS Code —
// code-server with the extension and a copy of the workspace. stop() ends all of it and removes the
// state dir.
import { cp, mkdir, rm, writeFile, copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { at } from '../../src/core/rollout/jsonFields';
import type { ClusterStore } from '../../testbed/apiDouble/clusterStore';
import { PrometheusClient } from '../../src/prometheus/prometheusClient';
import { startTestCluster } from '../../testbed/apiDouble/startTestCluster';
import { CanarySimulator } from '../../testbed/canarySimulator/canarySimulator';
import type { MetricSource } from '../../testbed/canarySimulator/metricSource';
import { prometheusMetricSource } from '../../testbed/canarySimulator/prometheusMetricSource';
import { SimClock } from '../../testbed/canarySimulator/simClock';
import { startDemoCodeServer } from './demoCodeServer';
import { demoMetricSource } from './demoMetricSource';
import { startDemoPrometheus, type DemoPrometheus } from './demoPrometheus';
import { keepCanaryGoing, NEXT_RELEASE_AFTER_MS } from './nextRelease';
import { driveInRealTime } from './realTimeClock';
import { seedDemoCluster, type SeededRollout } from './seedDemoCluster';

export const DEMO_CONTEXT = 'demo';
export const REPO_ROOT = resolve(__dirname, '..', '..');

export interface DemoOptions {
  /** The manifests to open and seed from; default demo/workspace. */
  readonly workspace?: string;
  /** Start Prometheus when it is installed (default true). */
  readonly prometheus?: boolean;
  /** code-server with the extension from this .vsix; false when the caller opens VS Code itself (or a test). */
  readonly codeServer?: false | { readonly vsix: string; readonly port?: number };
  /** How long a finished gitops-hugo canary stays Healthy before the next build starts one (default a minute). */
  readonly nextReleaseAfterMs?: number;
  /** Progress lines, one per long step. */
  readonly log?: (line: string) => void;
}

export interface RunningDemo {
  /** Temp dir with the kubeconfig, the workspace copy, Prometheus' data and code-server's profile. */
  readonly stateDir: string;
  readonly kubeconfigPath: string;
  readonly contextName: string;
  /** The workspace copy VS Code opens (edits there never touch the repository). */
  readonly workspace: string;
  /** Settings for that workspace: kubeconfig, every namespace, the Prometheus URL for context `demo`. */
  readonly settings: Record<string, unknown>;
  readonly rollouts: readonly SeededRollout[];
  readonly store: ClusterStore;
  readonly simulator: CanarySimulator;
  readonly prometheusUrl: string | undefined;
  /** Why there is no Prometheus, when there is none. */
  readonly prometheusMissing: string | undefined;
  /**
   * Where the AnalysisRuns' measurements come from: the demo's Prometheus (instant queries at the
   * wall-clock time each measurement is due) or, without one, demoMetricSource's built-in numbers.
   */
  readonly measuresFrom: 'prometheus' | 'built-in metrics';
  /** The code-server URL that opens the workspace, when code-server was started. */
  readonly url: string | undefined;
  stop(): Promise<void>;
}

export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const log = options.log ?? (() => undefined);
  const source = options.workspace ?? join(REPO_ROOT, 'demo', 'workspace');
  const stateDir = await mkdtemp(join(tmpdir(), 'argo-rollouts-demo-'));
  // Undo list, run in reverse by stop() — also when a later step fails half-way through start.
  const stops: (() => Promise<void> | void)[] = [() => rm(stateDir, { recursive: true, force: true })];
  const stopAll = async (): Promise<void> => {
    while (stops.length > 0) {
      const stop = stops.pop();
      try {
        await stop?.();
      } catch (e) {
        log(`while stopping: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  };
  try {
    log('starting the test cluster (Kubernetes API double on 127.0.0.1)');
    const cluster = await startTestCluster({ contextName: DEMO_CONTEXT, namespaces: ['default', 'kube-system'] });
    stops.push(() => cluster.stop());
    const kubeconfigPath = join(stateDir, 'kubeconfig');
    await copyFile(cluster.kubeconfigPath, kubeconfigPath);

    // Prometheus before the seed: the analysis starts measuring with the canary, and its first
    // queries must find live samples (startDemoPrometheus waits for the first scrape, ~6 s).
    let prom: DemoPrometheus | undefined;
    let prometheusMissing: string | undefined;
    if (options.prometheus !== false) {
      log('starting Prometheus: the last 2 hours of gitops-hugo NGINX series, then live ones scraped every second');
      // A Prometheus that fails to start costs the plots, not the demo.
      const started = await startDemoPrometheus(cluster.store).catch((e: unknown) => {
        prometheusMissing = `Prometheus did not start (${e instanceof Error ? e.message : String(e)}): the demo runs without analysis plots`;
        return undefined;
      });
      if (started) {
        stops.push(() => started.stop());
        prom = started;
      } else {
        prometheusMissing ??= 'prometheus and promtool are not installed (apt-get install prometheus): the demo runs without analysis plots';
      }
    } else {
      prometheusMissing = 'Prometheus was turned off for this run (--no-prometheus)';
    }
    const prometheusUrl = prom?.url;
    let metricSource: MetricSource;
    if (prometheusUrl) {
      metricSource = prometheusMetricSource(new PrometheusClient({ baseUrl: prometheusUrl, timeoutMs: 5000 }));
      log(`the analysis measures gitops-hugo from Prometheus at ${prometheusUrl}, at wall-clock time`);
    } else {
      metricSource = demoMetricSource(cluster.store);
      log(`${prometheusMissing ?? 'no Prometheus'}; the analysis measures the demo's built-in metrics instead`);
    }

    log('seeding gitops-hugo (canary under way), checkout (canary) and payments-api (blue-green)');
    const clock = new SimClock(Date.now());
    const simulator = new CanarySimulator(cluster.store, { clock, metricSource });
    stops.push(() => simulator.stop());
    const rollouts = await seedDemoCluster(cluster.store, simulator, source, clock.nowMs());
    // The walkthrough promises a canary to watch whenever the user gets there: after each one, the next.
    const hugo = cluster.store.get({ resource: 'rollouts', namespace: 'default', name: 'gitops-hugo' });
    const containers = at(hugo, 'spec', 'template', 'spec', 'containers');
    const release = Array.isArray(containers) ? at(containers[0], 'image') : undefined;
    if (typeof release === 'string') {
      stops.push(keepCanaryGoing(cluster.store, simulator, clock, { namespace: 'default', name: 'gitops-hugo', image: release, afterMs: options.nextReleaseAfterMs ?? NEXT_RELEASE_AFTER_MS, log }));
    }
    stops.push(driveInRealTime(clock));

    const workspace = join(stateDir, 'workspace');
    await cp(source, workspace, { recursive: true });
    const settings: Record<string, unknown> = {
      'argoRollouts.kubeconfig': kubeconfigPath,
      'argoRollouts.namespaces': ['*'],
      ...(prometheusUrl ? { 'argoRollouts.prometheus.urls': { [DEMO_CONTEXT]: prometheusUrl } } : {}),
    };
    await mkdir(join(workspace, '.vscode'), { recursive: true });
    await writeFile(join(workspace, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2) + '\n');

    let url: string | undefined;
    if (options.codeServer) {
      const server = await startDemoCodeServer({
        folder: workspace, dataDir: join(stateDir, 'code-server'), vsix: options.codeServer.vsix,
        port: options.codeServer.port, env: { KUBECONFIG: kubeconfigPath }, settings, log,
      });
      stops.push(() => server.stop());
      url = server.url;
    }
    return {
      stateDir, kubeconfigPath, contextName: DEMO_CONTEXT, workspace, settings, rollouts, store: cluster.store, simulator,
      prometheusUrl, prometheusMissing, measuresFrom: prometheusUrl ? 'prometheus' : 'built-in metrics', url, stop: stopAll,
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
