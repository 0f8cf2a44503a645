import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(__dirname, '..', '..');

describe('the extension bundle', () => {
  it('does not load @kubernetes/client-node or axios when the extension activates', async () => {
    const result = await build({
      entryPoints: [join(root, 'src/extension.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['vscode'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.ok(inputs.some((i) => i.includes('src/core/lint/engine.ts')), 'the lint engine is in the bundle');
    const eager = inputs.filter((i) => /node_modules\/(@kubernetes\/client-node|axios)\//.test(i));
    assert.deepEqual(eager, [], 'cluster and HTTP clients must be imported lazily (a separate chunk), never at activation');
  });
});
