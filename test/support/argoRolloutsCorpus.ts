// Locates the upstream Argo Rollouts corpus for the tests that compare with it. It is reference data
// that must not be copied into the project: tests read it from $ARGO_ROLLOUTS_CORPUS, else from
// `shared/corpus/argo-rollouts` beside the checkout, where CI puts it. A clone without it still
// passes: each suite that needs it shows one skipped test saying why and how to point the variable at
// a corpus. Under CI=true the corpus is required, and each such suite fails instead.
import { existsSync } from 'node:fs';
import * as nodePath from 'node:path';

export const CORPUS_VARIABLE = 'ARGO_ROLLOUTS_CORPUS';
const REPO_ROOT = nodePath.resolve(__dirname, '../..');

/** Where the corpus is read from, whether or not it is there. */
export function corpusLocation(): string {
  const fromEnv = process.env[CORPUS_VARIABLE];
  return fromEnv ? nodePath.resolve(fromEnv) : nodePath.resolve(REPO_ROOT, '../shared/corpus/argo-rollouts');
}

/** The corpus folder, or undefined when it is not there (a corpus has its README.md at the top). */
export function corpusIfPresent(): string | undefined {
  const dir = corpusLocation();
  return existsSync(nodePath.join(dir, 'README.md')) ? dir : undefined;
}

/** CI sets CI=true; there a missing corpus is a broken checkout, not a reason to skip. */
export function corpusRequired(): boolean {
  const ci = (process.env.CI ?? '').toLowerCase();
  return ci !== '' && ci !== 'false' && ci !== '0';
}

const howToSet = (): string => `set ${CORPUS_VARIABLE} to a corpus's argo-rollouts folder to run them`;

/**
 * Inside a describe: the corpus folder, or undefined after registering the one test that says it is
 * missing — skipped on a developer's clone, failing under CI=true.
 */
export function corpusOrSkip(): string | undefined {
  const dir = corpusIfPresent();
  if (dir) return dir;
  const where = corpusLocation();
  if (corpusRequired()) {
    it(`needs the Argo Rollouts corpus under CI=true, and it is not at ${where}`, () => {
      throw new Error(`The Argo Rollouts corpus is not at ${where} and CI=true requires it: put shared/ beside the checkout or ${howToSet()}.`);
    });
  } else {
    it(`is skipped: the Argo Rollouts corpus is not at ${where} (${howToSet()})`, function () {
      this.skip();
    });
  }
  return undefined;
}

/** A describe whose tests all read the corpus; `body` gets its folder. */
export function describeWithCorpus(title: string, body: (this: Mocha.Suite, dir: string) => void): void {
  describe(title, function () {
    const dir = corpusOrSkip();
    if (dir) body.call(this, dir);
  });
}
