// Asserts that the .vsix holds only what the extension needs at run time: no sources, tests,
// source maps or node_modules; and that every image its README shows is a file inside the built
// .vsix (dist/argo-rollouts-vscode.vsix, from `npm run package`). Prints the file list and sizes.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const yauzl = require('yauzl'); // vsce's own zip reader
const { unresolvedReadmeImages } = require('./readmeImages');

const VSIX = path.join(__dirname, '..', 'dist', 'argo-rollouts-vscode.vsix');

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

/** The .vsix's files under extension/ (paths without the prefix) and its README's text. */
function readVsix(file) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const names = [];
      let readme;
      zip.on('error', reject);
      zip.on('end', () => resolve({ names, readme }));
      zip.on('entry', (entry) => {
        const name = entry.fileName.replace(/^extension\//, '');
        if (!entry.fileName.startsWith('extension/') || name.endsWith('/')) return zip.readEntry();
        names.push(name);
        if (name.toLowerCase() !== 'readme.md') return zip.readEntry(); // vsce stores it as readme.md
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks = [];
          stream.on('data', (c) => chunks.push(c));
          stream.on('end', () => {
            readme = Buffer.concat(chunks).toString('utf8');
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

if (!fs.existsSync(VSIX)) {
  console.error(`package check failed: ${path.relative(process.cwd(), VSIX)} is not there; build it with npm run package first`);
  process.exit(1);
}
readVsix(VSIX).then(
  ({ names, readme }) => {
    const problems = readme === undefined ? ['the .vsix has no extension/readme.md'] : unresolvedReadmeImages(readme, names);
    if (problems.length > 0) {
      console.error(`package check failed: README images that do not resolve inside the .vsix:\n  ${problems.join('\n  ')}`);
      process.exit(1);
    }
    console.log(`README images: all inside the .vsix`);
  },
  (e) => {
    console.error(`package check failed: cannot read ${VSIX}: ${e.message}`);
    process.exit(1);
  },
);
