// The demo's foreground process (started by scripts/demo.sh): starts everything through startDemo(),
// opens desktop VS Code when `code` is on PATH or else serves code-server and prints its URL, then
// runs until Ctrl+C (SIGINT) or SIGTERM and stops everything it started.
// Flags: --browser (code-server even when `code` exists), --port N (code-server's port),
// --no-prometheus, --vsix FILE (default dist/argo-rollouts-vscode.vsix), --real-cluster (the real
// Kubernetes control plane and Argo Rollouts controller instead of the API double and the simulator).
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { startRealDemo, type RunningRealDemo } from './startRealDemo';
import { REPO_ROOT, startDemo } from './startDemo';

interface DemoArgs {
  readonly browser: boolean;
  readonly port: number | undefined;
  readonly prometheus: boolean;
  readonly vsix: string;
  readonly realCluster: boolean;
}

function parseArgs(argv: readonly string[]): DemoArgs {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const port = value('--port');
  return {
    browser: argv.includes('--browser'),
    port: port === undefined ? undefined : Number(port),
    prometheus: !argv.includes('--no-prometheus'),
    vsix: value('--vsix') ?? join(REPO_ROOT, 'dist', 'argo-rollouts-vscode.vsix'),
    realCluster: argv.includes('--real-cluster'),
  };
}

const started = Date.now();
function progress(line: string): void {
  console.log(`[demo +${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);
}

/** Desktop VS Code's `code` on PATH (not code-server's), or undefined. */
function desktopCode(): string | undefined {
  try {
    const found = execFileSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).trim();
    return found === '' ? undefined : found;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const code = args.browser ? undefined : desktopCode();
  // Both demos answer what this script prints (the simulated one has more, for tests).
  let starting: Promise<RunningRealDemo | undefined> = Promise.resolve(undefined);
  let stopping = false;
  const stop = async (why: string): Promise<void> => {
    if (stopping) {
      // A second Ctrl+C while stopping: give up waiting (stop() already signalled every group).
      process.exit(130);
    }
    stopping = true;
    progress(`${why}: stopping the demo`);
    // Ctrl+C during start-up waits for the start to finish (or fail, which stops what it started).
    const demo = await starting.catch(() => undefined);
    await demo?.stop();
    progress('stopped: no demo process is left');
    process.exit(0);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => void stop(sig));

  const codeServer = code ? false as const : { vsix: args.vsix, port: args.port };
  starting = args.realCluster
    ? startRealDemo({ codeServer, log: progress })
    : startDemo({ prometheus: args.prometheus, codeServer, log: progress });
  const demo = await starting;
  if (stopping || !demo) return;

  console.log('');
  console.log(`  kubeconfig  ${demo.kubeconfigPath} (context ${demo.contextName}): try  kubectl --kubeconfig ${demo.kubeconfigPath} get rollouts -A -o name`);
  console.log(`  rollouts    ${demo.rollouts.map((r) => `${r.namespace}/${r.name} (${r.strategy})`).join(', ')}`);
  console.log(`  Prometheus  ${demo.prometheusUrl ?? `none — ${demo.prometheusMissing ?? ''}`}`);
  console.log(`  workspace   ${demo.workspace} (a copy of demo/workspace)`);
  if (code) {
    // The Extension Development Host runs the extension from this checkout (dist/ from npm run build).
    progress(`opening desktop VS Code (${code})`);
    spawn(code, ['--new-window', `--extensionDevelopmentPath=${REPO_ROOT}`, demo.workspace], {
      env: { ...process.env, KUBECONFIG: demo.kubeconfigPath }, stdio: 'ignore',
    }).unref();
    console.log('\n  VS Code opens the demo workspace; start with Help → Welcome → "Argo Rollouts: a guided demo".');
  } else {
    console.log(`\n  Open ${demo.url ?? ''}`);
    console.log('  and click "Argo Rollouts: a guided demo" among the Welcome page\'s walkthroughs.');
  }
  console.log('\n  Ctrl+C stops the cluster, Prometheus and VS Code server.\n');
  progress('ready');
}

main().catch((e: unknown) => {
  console.error(`demo failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
});
