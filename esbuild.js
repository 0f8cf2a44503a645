// One build for every bundle: the extension host (node, cjs, `vscode` external), the CLI, the
// benchmark, and the webview (browser, iife). esbuild does not type-check: `npm run typecheck` does.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', legalComments: 'none' };
const node = { ...common, platform: 'node', format: 'cjs', target: 'node20' };

const contexts = [
  { ...node, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  // The cluster layer, loaded by dist/extension.js on first use (src/vscode/cluster/loadKube.ts).
  { ...node, entryPoints: { kube: 'src/vscode/cluster/kubeBundle.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: { bench: 'scripts/bench.ts' }, outdir: 'dist', sourcemap: false },
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: { webview: 'webview/main.ts' }, outdir: 'dist/webview' },
];

async function main() {
  const ctxs = await Promise.all(contexts.map((c) => esbuild.context(c)));
  if (watch) {
    await Promise.all(ctxs.map((c) => c.watch()));
    return;
  }
  await Promise.all(ctxs.map((c) => c.rebuild()));
  await Promise.all(ctxs.map((c) => c.dispose()));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
