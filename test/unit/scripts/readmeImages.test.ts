// The package check's README image test (scripts/checkPackage.js): every image the packaged README
// shows must be a file inside the .vsix, since the project has no public host to point image links at.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readmeImageSources, unresolvedReadmeImages } from '../../../scripts/readmeImages';

const REPO = path.resolve(__dirname, '../../..');

describe('the images of the packaged README', () => {
  it('are found in Markdown and HTML, and not in code', () => {
    const md = '![a](media/a.png)\n![b](<media/b c.png> "title")\n<img alt="x" src="./media/d.png">\n`![no](media/no.png)`\n```\n![no](media/no2.png)\n```\n';
    assert.deepEqual(readmeImageSources(md), ['media/a.png', 'media/b c.png', './media/d.png']);
  });

  it('resolve when each names a shipped file, however the path is spelt', () => {
    assert.deepEqual(unresolvedReadmeImages('![a](./media/a%20b.png) ![c](media/x/../c.png)', ['media/a b.png', 'media/c.png']), []);
  });

  it('do not resolve when a file is not shipped, the link is absolute, or it leaves the extension folder', () => {
    const problems = unresolvedReadmeImages('![a](media/gone.png) ![b](https://example.invalid/raw/main/media/b.png) ![c](../c.png)', ['media/b.png', 'c.png']);
    assert.deepEqual(problems, [
      'media/gone.png: media/gone.png is not in the .vsix',
      'https://example.invalid/raw/main/media/b.png: not a file of the .vsix (an absolute URL; the project has no public host for images)',
      '../c.png: points outside the extension folder',
    ]);
  });

  it("of this project's README are all files vsce puts in the .vsix", function () {
    this.timeout(60_000);
    const listed = execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: REPO, encoding: 'utf8' });
    const files = listed.split('\n').map((l) => l.trim()).filter(Boolean);
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    assert.ok(readmeImageSources(readme).length >= 4, 'the README shows its screenshots');
    assert.deepEqual(unresolvedReadmeImages(readme, files), []);
  });

  it('stay relative in the package: the build names no image host', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string>; repository?: unknown };
    assert.match(pkg.scripts.package!, /--no-rewrite-relative-links/);
    assert.doesNotMatch(pkg.scripts.package!, /--base(Content|Images)Url/);
    assert.equal(pkg.repository, undefined);
  });
});
