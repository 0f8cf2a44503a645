// Locates the reference GitOps repository (../shared/corpus/gitops-playground-apps: Helm charts and
// Kustomize overlays around the gitops-hugo canary) for the tests that read it. Reference data, never
// copied into the project: read from $GITOPS_PLAYGROUND_CORPUS, else beside the checkout. Without it
// a suite shows one skipped test saying why; under CI=true it fails instead.
import { existsSync } from 'node:fs';
import * as nodePath from 'node:path';

export const GITOPS_CORPUS_VARIABLE = 'GITOPS_PLAYGROUND_CORPUS';

export function gitopsCorpusLocation(): string {
  const fromEnv = process.env[GITOPS_CORPUS_VARIABLE];
  return fromEnv ? nodePath.resolve(fromEnv) : nodePath.resolve(__dirname, '../../../shared/corpus/gitops-playground-apps');
}

function required(): boolean {
  const ci = (process.env.CI ?? '').toLowerCase();
  return ci !== '' && ci !== 'false' && ci !== '0';
}

/** Inside a describe: the corpus folder, or undefined after registering the test that says it is missing. */
export function gitopsCorpusOrSkip(): string | undefined {
  const dir = gitopsCorpusLocation();
  if (existsSync(nodePath.join(dir, 'README-CORPUS.md'))) return dir;
  if (required()) {
    it(`needs the gitops-playground-apps corpus under CI=true, and it is not at ${dir}`, () => {
      throw new Error(`The corpus is not at ${dir} and CI=true requires it: put shared/ beside the checkout or set ${GITOPS_CORPUS_VARIABLE}.`);
    });
  } else {
    it(`is skipped: the gitops-playground-apps corpus is not at ${dir} (set ${GITOPS_CORPUS_VARIABLE} to run it)`, function () {
      this.skip();
    });
  }
  return undefined;
}
