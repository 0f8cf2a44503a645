// The test data of `kubectl argo rollouts lint` (upstream pkg/kubectl-argo-rollouts/cmd/lint/testdata):
// each file passes or fails exactly as lint/EXPECTED.md (written from the upstream test) says.
// A failing file must have an error finding whose `path: message` starts with the asserted stderr
// text minus `Error: ` — our messages may append an explanation after Argo's text. Decode errors
// (unknown fields) have no field path in Argo's output, so there the message alone is compared.
import { strict as assert } from 'node:assert';
import { lintText } from '../../../src/core/lint/lint';
import type { Finding } from '../../../src/core/lint/types';
import { describeWithCorpus } from '../../support/argoRolloutsCorpus';
import { corpusFiles, readCorpus } from './corpus';

export interface LintExpectations {
  readonly pass: string[];
  /** File → the asserted stderr text without `Error: ` and the trailing newline. */
  readonly fail: Map<string, string>;
}

export function parseExpected(md: string): LintExpectations {
  const pass: string[] = [];
  const fail = new Map<string, string>();
  let section: 'pass' | 'fail' | undefined;
  let current: string | undefined;
  for (const line of md.split('\n')) {
    if (line.startsWith('## Must pass')) section = 'pass';
    else if (line.startsWith('## Must fail')) section = 'fail';
    else if (line.startsWith('## ')) section = undefined;
    const row = /^\| `([^`]+)` \|/.exec(line);
    if (section === 'pass' && row) pass.push(row[1]!);
    const heading = /^### `([^`]+)`/.exec(line);
    if (section === 'fail' && heading) current = heading[1]!;
    const asserted = /^- Asserted stderr: `Error: (.*)\\n`$/.exec(line);
    if (section === 'fail' && current && asserted) fail.set(current, asserted[1]!);
    const same = /^- Asserted stderr: identical to `([^`]+)`/.exec(line);
    if (section === 'fail' && current && same) fail.set(current, fail.get(same[1]!) ?? `<unknown: same as ${same[1]}>`);
  }
  return { pass, fail };
}

const DECODE_ERROR = /^error unmarshaling JSON: /;

/**
 * Errors we report on a file `kubectl argo rollouts lint` passes, each with the reason. We lint like
 * the controller validates, and lint skips some of the controller's checks (§3 of the reference).
 */
const EXCEPTIONS: readonly { file: string; rule: string; message: string; reason: string }[] = [
  {
    file: 'valid-nginx-canary.yml',
    rule: 'ingress-stable-service-backend',
    message: 'Invalid value: "nginx-rollout-ingress": ingress `nginx-rollout-ingress` has no rules using service nginx-rollout-stable backend',
    reason: 'kubectl lint never matches this Ingress (it routes to nginx-rollout-root), but the controller rejects the Rollout with this message, as EXPECTED.md notes',
  },
];

function excepted(file: string, f: Finding): boolean {
  return EXCEPTIONS.some((x) => x.file === file && x.rule === f.rule && f.message.startsWith(x.message));
}

describeWithCorpus('the kubectl argo rollouts lint test data', (corpus) => {
  const expected = parseExpected(readCorpus(corpus, 'lint', 'EXPECTED.md'));
  const files = corpusFiles(corpus, 'lint');

  it('has an expectation for each of its 23 files', () => {
    assert.equal(files.length, 23);
    assert.equal(expected.pass.length, 14);
    assert.equal(expected.fail.size, 9);
    assert.deepEqual([...expected.pass, ...expected.fail.keys()].sort(), files);
  });

  for (const file of expected.pass) {
    const known = EXCEPTIONS.filter((x) => x.file === file).map((x) => x.rule);
    const name = known.length ? `passes ${file} without errors other than the controller's ${known.join(', ')} (listed with its reason)` : `passes ${file} without errors`;
    it(name, () => {
      const errors = lintText(readCorpus(corpus, 'lint', file), file).filter((f) => f.severity === 'error' && !excepted(file, f));
      assert.deepEqual(
        errors.map((f) => `${f.rule}: ${f.path}: ${f.message}`),
        [],
      );
    });
  }

  for (const [file, stderr] of expected.fail) {
    it(`fails ${file} with "${stderr}"`, () => {
      const errors = lintText(readCorpus(corpus, 'lint', file), file).filter((f) => f.severity === 'error');
      const shown = errors.map((f) => (DECODE_ERROR.test(stderr) ? f.message : `${f.path}: ${f.message}`));
      assert.ok(
        shown.some((s) => s.startsWith(stderr)),
        `no error starts with the asserted text.\n  expected: ${stderr}\n  errors:\n${shown.map((s) => `    ${s}`).join('\n') || '    (none)'}`,
      );
    });
  }

  it('lists only exceptions that are still needed', () => {
    for (const x of EXCEPTIONS) {
      const found = lintText(readCorpus(corpus, 'lint', x.file), x.file).some((f) => f.severity === 'error' && excepted(x.file, f));
      assert.ok(found, `${x.file} no longer has the ${x.rule} error; remove the exception`);
    }
  });
});
