// `bash scripts/realCluster.sh [--no-controller] [--no-prometheus] [--seed]`: starts the real cluster
// (realcluster/startRealCluster.ts) and Prometheus, prints the kubeconfig to use, and keeps running
// until Ctrl+C (SIGINT) or SIGTERM, when it stops every process and removes every file it made.
import { startClusterPrometheus } from './clusterPrometheus';
import { gitopsHugoManifests } from './gitopsHugoOnRealCluster';
import { startRealCluster } from './startRealCluster';

async function main(argv: readonly string[]): Promise<void> {
  const started = Date.now();
  const log = (line: string): void => void process.stderr.write(`[real-cluster] ${line}\n`);
  const cluster = await startRealCluster({ controller: !argv.includes('--no-controller'), log });
  let prometheus: Awaited<ReturnType<typeof startClusterPrometheus>>;
  try {
    if (!argv.includes('--no-prometheus')) {
      prometheus = await startClusterPrometheus(cluster);
      log(prometheus ? `Prometheus at ${prometheus.url}` : 'Prometheus is not installed (apt-get install prometheus): no analysis data');
    }
    if (argv.includes('--seed')) {
      const r = await cluster.kubectl(['apply', '-f', '-'], { input: gitopsHugoManifests({ prometheusUrl: prometheus?.url ?? 'http://127.0.0.1:9' }) });
      if (r.code !== 0) throw new Error(`seeding gitops-hugo failed: ${r.stderr}`);
      log('seeded the gitops-hugo canary (default namespace)');
    }
  } catch (e) {
    await prometheus?.stop();
    await cluster.stop();
    throw e;
  }
  process.stdout.write(`export KUBECONFIG=${cluster.kubeconfigPath}\n`);
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s: Kubernetes ${cluster.version} at ${cluster.url}; Ctrl+C stops it and removes ${cluster.dir}`);
  // Handlers stay installed: a second signal (npx forwards Ctrl+C too) must not end the process mid-stop.
  await new Promise<void>((resolve) => {
    process.on('SIGINT', () => resolve());
    process.on('SIGTERM', () => resolve());
  });
  log('stopping');
  await prometheus?.stop();
  await cluster.stop();
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`[real-cluster] ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
