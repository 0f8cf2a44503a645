// A clone without the upstream corpus passes its unit suite (each suite that reads the corpus shows
// one skipped line saying why and naming ARGO_ROLLOUTS_CORPUS), CI=true fails loudly instead, and a
// corpus given by the variable alone is read. Runs mocha itself on one such suite.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describeWithCorpus } from '../../support/argoRolloutsCorpus';

const REPO = path.resolve(__dirname, '../../..');
const SUITE = 'test/unit/core/actions/upstreamFixtureActions.test.ts';

function mocha(env: Record<string, string | undefined>): { status: number | null; out: string } {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, SUMMARY_LABEL: 'unit', ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  const args = ['--no-config', '--require', 'tsx/cjs', '--reporter', 'test/support/summaryReporter.js', SUITE];
  const r = spawnSync(process.execPath, [path.join(REPO, 'node_modules/mocha/bin/mocha.js'), ...args], { cwd: REPO, env: childEnv, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('the tests that read the Argo Rollouts corpus', function () {
  this.timeout(90_000);
  const missing = path.join(os.tmpdir(), 'no-argo-rollouts-corpus-here');

  it('are skipped with one line naming the missing folder and ARGO_ROLLOUTS_CORPUS when the corpus is not there', () => {
    assert.equal(fs.existsSync(missing), false);
    const { status, out } = mocha({ ARGO_ROLLOUTS_CORPUS: missing, CI: undefined });
    assert.equal(status, 0, out);
    const lines = out.split('\n').filter((l) => l.includes('is skipped'));
    assert.equal(lines.length, 1, out);
    assert.match(lines[0]!, new RegExp(`the Argo Rollouts corpus is not at ${missing}.*set ARGO_ROLLOUTS_CORPUS`));
    assert.match(out, /^unit: 0 passed, 0 failed, 1 skipped$/m);
  });

  it('fail the run under CI=true when the corpus is not there', () => {
    const { status, out } = mocha({ ARGO_ROLLOUTS_CORPUS: missing, CI: 'true' });
    assert.notEqual(status, 0, out);
    assert.match(out, /^unit: 0 passed, 1 failed$/m);
    assert.match(out, /CI=true requires it/);
  });
});

describeWithCorpus('the tests that read the Argo Rollouts corpus, given one', function (corpus) {
  this.timeout(90_000);

  it('run from the folder ARGO_ROLLOUTS_CORPUS names', () => {
    const { status, out } = mocha({ ARGO_ROLLOUTS_CORPUS: corpus, CI: 'true' });
    assert.equal(status, 0, out);
    assert.match(out, /^unit: 3 passed, 0 failed$/m);
  });
});
