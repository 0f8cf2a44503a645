// helm and kustomize run in a child process that a timeout or a newer request stops; a missing
// binary is told apart from a failure. Exercised with real processes (node itself stands in for a
// slow or failing renderer).
import { strict as assert } from 'node:assert';
import * as nodePath from 'node:path';
import * as os from 'node:os';
import { runTool } from '../../../src/render/runTool';

const NODE = process.execPath;

describe('running a renderer in a child process', () => {
  it('returns its output and time when it succeeds', async () => {
    const r = await runTool({ command: NODE, args: ['-e', 'process.stdout.write("---\\nkind: Rollout\\n")'], timeoutMs: 20_000 });
    assert.equal(r.kind, 'ok');
    assert.equal(r.kind === 'ok' && r.stdout, '---\nkind: Rollout\n');
  });

  it('returns stderr and the exit code when it fails', async () => {
    const r = await runTool({ command: NODE, args: ['-e', 'process.stderr.write("Error: template: c/templates/x.yaml:3:1: boom\\n"); process.exit(1)'], timeoutMs: 20_000 });
    assert.deepEqual(r.kind === 'failed' && [r.code, r.stderr], [1, 'Error: template: c/templates/x.yaml:3:1: boom\n']);
  });

  it('says the binary is missing rather than failed', async () => {
    const r = await runTool({ command: nodePath.join(os.tmpdir(), 'no-such-helm-binary'), args: ['template'], timeoutMs: 20_000 });
    assert.equal(r.kind, 'missing');
  });

  it('stops a run that outlasts its timeout, and says so', async () => {
    const r = await runTool({ command: NODE, args: ['-e', 'setInterval(() => {}, 1000)'], timeoutMs: 300 });
    assert.equal(r.kind, 'timeout');
    assert.match(r.kind === 'timeout' ? r.message : '', /did not finish within .* and was stopped/);
  });

  it('stops a run when it is cancelled (a newer save superseded it)', async () => {
    const abort = new AbortController();
    const running = runTool({ command: NODE, args: ['-e', 'setInterval(() => {}, 1000)'], timeoutMs: 60_000, signal: abort.signal });
    abort.abort();
    assert.deepEqual(await running, { kind: 'cancelled' });
  });
});
