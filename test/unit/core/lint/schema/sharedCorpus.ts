// Locates the shared Argo Rollouts reference corpus, which lives next to the repository (never in it).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** `<repo>/../shared/corpus/argo-rollouts/<sub>`, or undefined when the corpus is not there. */
export function sharedCorpusDir(sub: string): string | undefined {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  const found = path.resolve(dir, '..', 'shared', 'corpus', 'argo-rollouts', sub);
  return fs.existsSync(found) ? found : undefined;
}
