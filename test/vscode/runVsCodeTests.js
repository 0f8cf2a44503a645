// Runs the extension-host tests (test/vscode/suite) in a real VS Code: @vscode/test-electron's
// runTests() with, as "VS Code executable", our script that drives code-server + Chromium (this
// machine cannot download desktop VS Code; on a machine that can, drop vscodeExecutablePath).
// Expects `npm run build` to have produced dist/extension.js; bundles the test suite itself.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');
const { runTests } = require('@vscode/test-electron');

const ROOT = path.resolve(__dirname, '..', '..');
const SUITE_SRC = path.join(__dirname, 'suite');
const SUITE_OUT = path.join(ROOT, 'out', 'test', 'vscode', 'suite');
const WORKSPACE = path.join(__dirname, 'fixtures', 'workspace');

async function buildSuite() {
  fs.rmSync(SUITE_OUT, { recursive: true, force: true });
  const entryPoints = fs.readdirSync(SUITE_SRC).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => path.join(SUITE_SRC, f));
  await esbuild.build({
    entryPoints,
    outdir: SUITE_OUT,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    // The host provides `vscode`; mocha is loaded from node_modules (it reads its own files at run time).
    external: ['vscode', 'mocha'],
  });
}

// The Kubernetes API double (test/vscode/testCluster.ts), bundled for this Node 20 process.
async function startCluster() {
  const out = path.join(ROOT, 'out', 'test', 'vscode', 'testCluster.js');
  await esbuild.build({
    entryPoints: [path.join(__dirname, 'testCluster.ts')], outfile: out, bundle: true, platform: 'node', format: 'cjs',
    target: 'node20', sourcemap: 'inline', logLevel: 'warning',
  });
  return require(out).startVsCodeTestCluster();
}

async function main() {
  const extension = path.join(ROOT, 'dist', 'extension.js');
  if (!fs.existsSync(extension)) {
    console.error('dist/extension.js is missing: run `npm run build` first.');
    return 2;
  }
  const started = Date.now();
  // A file a test writes to disk and deletes; left behind only if a run was killed mid-test.
  fs.rmSync(path.join(WORKSPACE, 'services', 'tmp-disk-rollout.yaml'), { force: true });
  await buildSuite();
  const cluster = await startCluster();
  try {
    await runTests({
      vscodeExecutablePath: path.join(__dirname, 'codeServerVsCode.js'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(SUITE_OUT, 'index.js'),
      launchArgs: [WORKSPACE],
      // VSCODE_TEST_FILES=whyStuck,rolloutPanel runs only the suite files whose names contain one of them.
      extensionTestsEnv: { ARGO_ROLLOUTS_LOG_TO_CONSOLE: '1', ...cluster.env, ...(process.env.VSCODE_TEST_FILES ? { VSCODE_TEST_FILES: process.env.VSCODE_TEST_FILES } : {}) },
    });
    console.log(`vscode tests finished in ${Date.now() - started} ms`);
    return 0;
  } catch (e) {
    console.error(`vscode tests failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    await cluster.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
