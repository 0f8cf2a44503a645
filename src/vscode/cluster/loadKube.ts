// Loads dist/kube.js (see kubeBundle.ts) on first use. The path is computed, so esbuild leaves the
// require alone and @kubernetes/client-node stays out of dist/extension.js (test/unit/extensionBundle.test.ts).
import { join } from 'node:path';

export type KubeModule = typeof import('./kubeBundle');

let loaded: KubeModule | undefined;

export function loadKube(): KubeModule {
  if (!loaded) {
    const file = join(__dirname, 'kube.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path, on purpose (see above)
    loaded = require(file) as KubeModule;
  }
  return loaded;
}
