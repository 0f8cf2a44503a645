import { strict as assert } from 'node:assert';
import { rmSync, symlinkSync } from 'node:fs';
import * as nodePath from 'node:path';
import { CliError, collectFiles } from '../../../src/cli/collectFiles';
import { tempFolder } from './cliFixtures';

describe('collecting the files to lint', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  it('finds *.yaml, *.yml and *.json recursively in sorted order, skipping node_modules and dot-folders', async () => {
    dir = tempFolder({
      'k8s/b.yaml': 'b',
      'k8s/a.yml': 'a',
      'k8s/sub/c.JSON': 'c',
      'k8s/notes.txt': 'n',
      'k8s/node_modules/x.yaml': 'x',
      'k8s/.git/y.yaml': 'y',
      'k8s/.hidden.yaml': 'h',
    });
    const files = await collectFiles(['k8s'], dir, []);
    assert.deepEqual(
      files.map((f) => f.path),
      ['k8s/.hidden.yaml', 'k8s/a.yml', 'k8s/b.yaml', 'k8s/sub/c.JSON'],
    );
    assert.deepEqual(
      files.map((f) => f.text),
      ['h', 'a', 'b', 'c'],
    );
  });

  it('keeps a file path as given and lints a named file whatever its extension', async () => {
    dir = tempFolder({ 'rollout.txt': 'r' });
    assert.deepEqual(await collectFiles(['./rollout.txt'], dir, []), [{ path: './rollout.txt', text: 'r' }]);
  });

  it('lists a file given twice (or also found in a given folder) once', async () => {
    dir = tempFolder({ 'k/a.yaml': 'a' });
    const files = await collectFiles(['k/a.yaml', 'k', nodePath.join(dir, 'k/a.yaml')], dir, []);
    assert.deepEqual(
      files.map((f) => f.path),
      ['k/a.yaml'],
    );
  });

  it('reads - from stdin as <stdin>, once', async () => {
    const files = await collectFiles(['-', '-'], '/', [Buffer.from('kind: '), 'Rollout\n']);
    assert.deepEqual(files, [{ path: '<stdin>', text: 'kind: Rollout\n' }]);
  });

  it('decodes a UTF-8 character split across stdin chunks', async () => {
    const bytes = Buffer.from('name: é\n', 'utf8');
    const files = await collectFiles(['-'], '/', [bytes.subarray(0, 7), bytes.subarray(7)]);
    assert.equal(files[0]!.text, 'name: é\n');
  });

  it('explains a missing path like other command-line tools', async () => {
    dir = tempFolder({});
    await assert.rejects(collectFiles(['x.yaml'], dir, []), (e: unknown) => e instanceof CliError && e.message === "cannot read 'x.yaml': no such file or directory");
  });

  it('follows links to files but not links to folders', async () => {
    dir = tempFolder({ 'real/a.yaml': 'a', 'k/b.yaml': 'b' });
    symlinkSync(nodePath.join(dir, 'real/a.yaml'), nodePath.join(dir, 'k/link.yaml'));
    symlinkSync(nodePath.join(dir, 'k'), nodePath.join(dir, 'k/loop'));
    const files = await collectFiles(['k'], dir, []);
    assert.deepEqual(
      files.map((f) => f.path),
      ['k/b.yaml', 'k/link.yaml'],
    );
  });
});
