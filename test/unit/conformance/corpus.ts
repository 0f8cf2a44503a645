// Locates the upstream Argo Rollouts corpus. It is reference data that must not be copied into the
// project, so tests read it where CI puts it: `shared/` beside the checkout (override with
// ARGO_ROLLOUTS_CORPUS). A missing corpus fails the tests loudly rather than skipping them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';

const REPO_ROOT = nodePath.resolve(__dirname, '../../..');

export function corpusDir(): string {
  const dir = process.env.ARGO_ROLLOUTS_CORPUS ?? nodePath.resolve(REPO_ROOT, '../shared/corpus/argo-rollouts');
  if (!existsSync(nodePath.join(dir, 'README.md'))) {
    throw new Error(`The Argo Rollouts corpus is not at ${dir}: check out shared/ beside the repository or set ARGO_ROLLOUTS_CORPUS.`);
  }
  return dir;
}

/** The data files (YAML/JSON) of a corpus folder, sorted. */
export function corpusFiles(folder: string): string[] {
  return readdirSync(nodePath.join(corpusDir(), folder))
    .filter((f) => /\.(ya?ml|json)$/i.test(f))
    .sort();
}

export function readCorpus(folder: string, file: string): string {
  return readFileSync(nodePath.join(corpusDir(), folder, file), 'utf8');
}

/** `examples__appmesh__canary-rollout.yaml` → `examples__appmesh`; a docs block → its Markdown page. */
export function exampleOf(file: string): string {
  const i = file.lastIndexOf('__');
  return i < 0 ? file : file.slice(0, i);
}
