import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as nodePath from 'node:path';
import { BROKEN_YAML, parseJson, ROLLOUT, services, tempFolder } from './cliFixtures';

const ROOT = nodePath.resolve(__dirname, '../../..');
const MAIN = nodePath.join(ROOT, 'src/cli/main.ts');
// An absolute path, because the CLI runs in a temporary folder outside the project.
const TSX = require.resolve('tsx/cjs');

/** Runs the real CLI in a child process, as a user would. */
function cli(args: string[], cwd: string, input?: string) {
  const r = spawnSync(process.execPath, ['--require', TSX, MAIN, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the argo-rollouts-lint command', function () {
  this.timeout(60_000);
  let dir = '';
  before(() => {
    dir = tempFolder({ 'app/rollout.yaml': ROLLOUT, 'app/services.yaml': services('demo'), 'broken/bad.yaml': BROKEN_YAML });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lints a clean folder with exit status 0', () => {
    const r = cli(['app'], dir);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, 'No problems in 2 files\n');
    assert.equal(r.code, 0);
  });

  it('reads stdin and writes JSON, exiting 1 on an error', () => {
    const r = cli(['--format', 'json', '-', 'app/services.yaml'], dir, BROKEN_YAML);
    const out = parseJson(r.stdout);
    assert.deepEqual(
      out.files.map((f) => f.path),
      ['<stdin>', 'app/services.yaml'],
    );
    assert.equal(out.files[0]!.findings[0]!.rule, 'yaml-syntax');
    assert.equal(r.code, 1);
  });

  it('exits 2 with a message on stderr for a missing file', () => {
    const r = cli(['nope.yaml'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "argo-rollouts-lint: cannot read 'nope.yaml': no such file or directory\n");
    assert.equal(r.stdout, '');
  });
});
