// The product on its embedded default, minus the shell part (scripts/demo.sh installs and builds):
// the test cluster on 127.0.0.1 with a kubeconfig context `demo`, seeded from the demo workspace's
// manifests (seedDemoCluster.ts) and reconciled by the canary simulator on the wall clock, a real Prometheus
// when one is installed, and — unless the caller starts its own VS Code — code-server with the
// extension and a copy of the workspace. stop() ends all of it and removes the state dir.
import { cp, mkdir, rm, writeFile, copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ClusterStore } from '../../test/cluster/clusterStore';
import { startTestCluster } from '../../test/cluster/startTestCluster';
import { CanarySimulator } from '../../test/cluster/simulator/canarySimulator';
import { SimClock } from '../../test/cluster/simulator/simClock';
import { startDemoCodeServer } from './demoCodeServer';
import { demoMetricSource } from './demoMetricSource';
import { startDemoPrometheus } from './demoPrometheus';
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

    log('seeding gitops-hugo (canary under way), checkout (canary) and payments-api (blue-green)');
    const clock = new SimClock(Date.now());
    const simulator = new CanarySimulator(cluster.store, { clock, metricSource: demoMetricSource(cluster.store) });
    stops.push(() => simulator.stop());
    const rollouts = await seedDemoCluster(cluster.store, simulator, source, clock.nowMs());
    stops.push(driveInRealTime(clock));

    let prometheusUrl: string | undefined;
    let prometheusMissing: string | undefined;
    if (options.prometheus !== false) {
      log('starting Prometheus');
      const prom = await startDemoPrometheus();
      if (prom) {
        stops.push(() => prom.stop());
        prometheusUrl = prom.url;
      } else {
        prometheusMissing = 'prometheus and promtool are not installed (apt-get install prometheus): the demo runs without analysis plots';
        log(prometheusMissing);
      }
    } else {
      prometheusMissing = 'Prometheus was turned off for this run';
    }

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
        root: REPO_ROOT, folder: workspace, dataDir: join(stateDir, 'code-server'), vsix: options.codeServer.vsix,
        port: options.codeServer.port, env: { KUBECONFIG: kubeconfigPath }, settings, log,
      });
      stops.push(() => server.stop());
      url = server.url;
    }
    return {
      stateDir, kubeconfigPath, contextName: DEMO_CONTEXT, workspace, settings, rollouts, store: cluster.store, simulator,
      prometheusUrl, prometheusMissing, url, stop: stopAll,
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
