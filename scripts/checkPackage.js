// Asserts that the .vsix holds only what the extension needs at run time: no sources, tests,
// source maps or node_modules. Prints the file list and sizes.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const allowed = [/^package\.json$/, /^README\.md$/, /^LICENSE(\.txt)?$/, /^dist\/extension\.js$/, /^dist\/kube\.js$/, /^dist\/webview\/webview\.(js|css)$/, /^CHANGELOG\.md$/, /^media\/[\w./-]+\.(svg|png|css)$/, /^media\/walkthrough\/[\w-]+\.md$/];
// Bundles the extension loads at run time: the activation bundle, and the cluster layer it requires
// lazily (by a computed path esbuild cannot see, so only this check notices if it is left out).
const required = ['dist/extension.js', 'dist/kube.js', 'dist/webview/webview.js', 'dist/webview/webview.css', 'CHANGELOG.md', 'media/icon.png'];
const out = execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { encoding: 'utf8' });
const files = out.split('\n').map((l) => l.trim()).filter(Boolean);
const bad = files.filter((f) => !allowed.some((re) => re.test(f)));
let total = 0;
for (const f of files) {
  const size = fs.statSync(path.join(__dirname, '..', f)).size;
  total += size;
  console.log(`  ${f}  ${(size / 1024).toFixed(1)} KiB`);
}
console.log(`package: ${files.length} files, ${(total / 1024).toFixed(1)} KiB before compression`);
const missing = required.filter((f) => !files.includes(f));
if (bad.length > 0 || missing.length > 0) {
  console.error(`package check failed: unexpected files ${JSON.stringify(bad)}, missing ${JSON.stringify(missing)}`);
  process.exit(1);
}
