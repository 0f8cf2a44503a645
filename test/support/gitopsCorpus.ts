// Locates the reference GitOps repository (shared/corpus/gitops-playground-apps: Helm charts and
// Kustomize overlays around the gitops-hugo canary) for the tests that read it: unit, extension-host
// and e2e. Reference data, never copied into the project: read from $GITOPS_PLAYGROUND_CORPUS, else
// from `shared/corpus/gitops-playground-apps` beside the checkout, where CI puts it. A clone without it
// still passes: each suite that needs it shows one skipped test saying why and how to set the variable.
// Under CI=true the corpus is required, and each such suite fails instead.
import { existsSync } from 'node:fs';
import * as nodePath from 'node:path';

export const GITOPS_CORPUS_VARIABLE = 'GITOPS_PLAYGROUND_CORPUS';

/**
 * The checkout's root: the nearest folder above this file holding package.json. Not a fixed `../..`,
 * because the extension-host suite runs this file bundled into out/test/vscode/suite.
 */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(nodePath.join(dir, 'package.json'))) {
    const up = nodePath.dirname(dir);
    if (up === dir) return nodePath.resolve(__dirname, '../..');
    dir = up;
  }
  return dir;
}

/** Where the corpus is read from, whether or not it is there. */
export function gitopsCorpusLocation(): string {
  const fromEnv = process.env[GITOPS_CORPUS_VARIABLE];
  return fromEnv ? nodePath.resolve(fromEnv) : nodePath.resolve(repoRoot(), '../shared/corpus/gitops-playground-apps');
}

/** The corpus folder, or undefined when it is not there (the corpus has its README-CORPUS.md at the top). */
export function gitopsCorpusIfPresent(): string | undefined {
  const dir = gitopsCorpusLocation();
  return existsSync(nodePath.join(dir, 'README-CORPUS.md')) ? dir : undefined;
}

/** CI sets CI=true; there a missing corpus is a broken checkout, not a reason to skip. */
function required(): boolean {
  const ci = (process.env.CI ?? '').toLowerCase();
  return ci !== '' && ci !== 'false' && ci !== '0';
}

const howToSet = (): string => `set ${GITOPS_CORPUS_VARIABLE} to a corpus's gitops-playground-apps folder to run them`;

/**
 * Inside a describe: the corpus folder, or undefined after registering the one test that says it is
 * missing — skipped on a developer's clone, failing under CI=true.
 */
export function gitopsCorpusOrSkip(): string | undefined {
  const dir = gitopsCorpusIfPresent();
  if (dir) return dir;
  const where = gitopsCorpusLocation();
  if (required()) {
    it(`needs the gitops-playground-apps corpus under CI=true, and it is not at ${where}`, () => {
      throw new Error(`The gitops-playground-apps corpus is not at ${where} and CI=true requires it: put shared/ beside the checkout or ${howToSet()}.`);
    });
  } else {
    it(`is skipped: the gitops-playground-apps corpus is not at ${where} (${howToSet()})`, function () {
      this.skip();
    });
  }
  return undefined;
}

/** A describe whose tests all read the corpus; `body` gets its folder. */
export function describeWithGitopsCorpus(title: string, body: (this: Mocha.Suite, dir: string) => void): void {
  describe(title, function () {
    const dir = gitopsCorpusOrSkip();
    if (dir) body.call(this, dir);
  });
}
