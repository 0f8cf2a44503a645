import { strict as assert } from 'node:assert';
import { rmSync, symlinkSync } from 'node:fs';
import * as nodePath from 'node:path';
import { CliError, collectFiles } from '../../../src/cli/collectFiles';
import { tempFolder } from './cliFixtures';

/** A file's text that mentions Argo Rollouts, so a folder search keeps it. */
const argo = (tag: string): string => `apiVersion: argoproj.io/v1alpha1 # ${tag}`;

describe('collecting the files to lint', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  it('finds *.yaml, *.yml and *.json recursively in sorted order, skipping node_modules and dot-folders', async () => {
    dir = tempFolder({
      'k8s/b.yaml': argo('b'),
      'k8s/a.yml': argo('a'),
      'k8s/sub/c.JSON': argo('c'),
      'k8s/notes.txt': argo('n'),
      'k8s/node_modules/x.yaml': argo('x'),
      'k8s/.git/y.yaml': argo('y'),
      'k8s/.hidden.yaml': argo('h'),
    });
    const files = await collectFiles(['k8s'], dir, []);
    assert.deepEqual(
      files.map((f) => f.path),
      ['k8s/.hidden.yaml', 'k8s/a.yml', 'k8s/b.yaml', 'k8s/sub/c.JSON'],
    );
    assert.deepEqual(
      files.map((f) => f.text),
      [argo('h'), argo('a'), argo('b'), argo('c')],
    );
  });

  it('keeps a file path as given and lints a named file whatever its extension', async () => {
    dir = tempFolder({ 'rollout.txt': 'r' });
    assert.deepEqual(await collectFiles(['./rollout.txt'], dir, []), [{ path: './rollout.txt', text: 'r' }]);
  });

  it('lists a file given twice (or also found in a given folder) once', async () => {
    dir = tempFolder({ 'k/a.yaml': argo('a') });
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
    dir = tempFolder({ 'real/a.yaml': argo('a'), 'k/b.yaml': argo('b') });
    symlinkSync(nodePath.join(dir, 'real/a.yaml'), nodePath.join(dir, 'k/link.yaml'));
    symlinkSync(nodePath.join(dir, 'k'), nodePath.join(dir, 'k/loop'));
    const files = await collectFiles(['k'], dir, []);
    assert.deepEqual(
      files.map((f) => f.path),
      ['k/b.yaml', 'k/link.yaml'],
    );
  });

  it('skips files in a folder that are not manifests it reads, but lints them when named', async () => {
    dir = tempFolder({
      'repo/tsconfig.json': '{ // comments are not YAML\n}',
      'repo/values.yaml': 'image: {tag: 1.2}',
      'repo/svc.yaml': 'apiVersion: v1\nkind: Service\n',
      'repo/rollout.yaml': argo('r'),
    });
    assert.deepEqual(
      (await collectFiles(['repo'], dir, [])).map((f) => f.path),
      ['repo/rollout.yaml', 'repo/svc.yaml'],
    );
    assert.deepEqual(
      (await collectFiles(['repo/tsconfig.json'], dir, [])).map((f) => f.path),
      ['repo/tsconfig.json'],
    );
  });
});
