// Reads files of the upstream Argo Rollouts corpus (located by test/support/argoRolloutsCorpus: a
// clone without it skips these suites with one line, CI=true requires it).
import { readdirSync, readFileSync } from 'node:fs';
import * as nodePath from 'node:path';

/** The data files (YAML/JSON) of a corpus folder, sorted. */
export function corpusFiles(corpus: string, folder: string): string[] {
  return readdirSync(nodePath.join(corpus, folder))
    .filter((f) => /\.(ya?ml|json)$/i.test(f))
    .sort();
}

export function readCorpus(corpus: string, folder: string, file: string): string {
  return readFileSync(nodePath.join(corpus, folder, file), 'utf8');
}

/** `examples__appmesh__canary-rollout.yaml` → `examples__appmesh`; a docs block → its Markdown page. */
export function exampleOf(file: string): string {
  const i = file.lastIndexOf('__');
  return i < 0 ? file : file.slice(0, i);
}
