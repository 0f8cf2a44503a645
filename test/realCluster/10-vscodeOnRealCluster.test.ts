// The extension in a real VS Code (code-server driven by Chromium through @vscode/test-electron's
// runTests, as test/vscode does) against the real cluster: the suite in vscodeSuite/ reads the tree
// and the panel and compares them with the real plugin. Needs code-server (bash scripts/installTestDeps.sh).
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { runTests } from '@vscode/test-electron';
import { realWorld } from './hooks';
import { createNamespace, eventually, getJson, kubectlOk } from './realClusterKit';

const ROOT = path.resolve(__dirname, '..', '..');
const NS = 'vscode-real';
const NAME = 'web';

function rollout(tag: string): string {
  return JSON.stringify({
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: NAME, namespace: NS },
    spec: {
      replicas: 4, selector: { matchLabels: { app: NAME } },
      template: { metadata: { labels: { app: NAME } }, spec: { containers: [{ name: 'web', image: `ghcr.io/example/web:${tag}` }] } },
      strategy: { canary: { steps: [{ setWeight: 25 }, { pause: {} }, { setWeight: 50 }, { pause: {} }] } },
    },
  });
}

describe('The extension in a real VS Code on the real cluster', function () {
  this.timeout(10 * 60_000);

  it('shows the tree and the panel as the real plugin does, and promotes through the real controller (extension-host suite)', async () => {
    const { cluster } = realWorld();
    if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
      const built = spawnSync('node', ['esbuild.js'], { cwd: ROOT, stdio: 'inherit' });
      assert.equal(built.status, 0, 'npm run build failed');
    }
    await createNamespace(cluster, NS);
    await kubectlOk(cluster, ['apply', '-f', '-'], rollout('1.0'));
    await eventually('the first release Healthy', async () => ((await getJson(cluster, ['rollout', NAME, '-n', NS])) as { status?: { phase?: string } }).status?.phase === 'Healthy' ? true : undefined);
    await kubectlOk(cluster, ['apply', '-f', '-'], rollout('2.0'));

    const out = path.join(ROOT, 'out', 'test', 'realCluster', 'vscodeSuite');
    fs.rmSync(out, { recursive: true, force: true });
    const suite = path.join(__dirname, 'vscodeSuite');
    await build({
      entryPoints: fs.readdirSync(suite).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => path.join(suite, f)),
      outdir: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'inline', logLevel: 'warning', external: ['vscode', 'mocha'],
    });
    const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'real-cluster-workspace-'));
    try {
      await runTests({
        vscodeExecutablePath: path.join(ROOT, 'test', 'vscode', 'codeServerVsCode.js'),
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: path.join(out, 'index.js'),
        launchArgs: [workspace],
        extensionTestsEnv: {
          KUBECONFIG: cluster.kubeconfigPath, REAL_CLUSTER_PLUGIN: cluster.binaries.kubectlArgoRollouts,
          REAL_CLUSTER_NAMESPACE: NS, REAL_CLUSTER_ROLLOUT: NAME, REAL_CLUSTER_CONTEXT: cluster.contextName,
        },
      });
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
});
