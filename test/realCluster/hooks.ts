// Mocha root hooks for the real-cluster suite: one real cluster (etcd, kube-apiserver, controller-
// manager, scheduler, KWOK, the Argo Rollouts controller, all built from Go modules) and one real
// Prometheus for every test file, started before the first and stopped after the last. Without Go the
// suite says it was skipped and why; under CI=true that is a failure.
import { startClusterPrometheus, type ClusterPrometheus } from '../../realcluster/clusterPrometheus';
import { goInstalled, startRealCluster, type RealCluster } from '../../realcluster/startRealCluster';
import { prometheusInstalled } from '../scenario/startScenarioPrometheus';

let cluster: RealCluster | undefined;
let prometheus: ClusterPrometheus | undefined;

export interface RealWorld {
  readonly cluster: RealCluster;
  readonly prometheus: ClusterPrometheus;
}

/** The running cluster and Prometheus, shared by the files (they run in order and use their own namespaces). */
export function realWorld(): RealWorld {
  if (!cluster || !prometheus) throw new Error('the real cluster did not start (see the root hook\'s error)');
  return { cluster, prometheus };
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    // A cold build of the cluster from Go modules takes about half an hour on 2 cores; warm, seconds.
    this.timeout(75 * 60_000);
    const missing = !goInstalled() ? 'Go is not installed (the real cluster is built with go build from the Go module proxy)'
      : !prometheusInstalled() ? 'Debian\'s prometheus is not installed (apt-get install prometheus, or bash scripts/installTestDeps.sh)' : undefined;
    if (missing) {
      if (process.env.CI === 'true') throw new Error(`real-cluster: required under CI=true, but ${missing}`);
      console.log(`real-cluster: skipped: ${missing}`);
      this.skip();
    }
    const started = Date.now();
    cluster = await startRealCluster({ log: (line) => console.log(`  ${line}`) });
    prometheus = await startClusterPrometheus(cluster);
    console.log(`  real cluster (Kubernetes ${cluster.version}, Argo Rollouts controller) and Prometheus ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  },
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(60_000);
    await prometheus?.stop();
    await cluster?.stop();
  },
};
