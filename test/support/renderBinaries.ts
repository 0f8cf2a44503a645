// Finds the real helm (v4 and v3) and kustomize that realcluster/build.sh builds from the Go module
// proxy into .cache/realcluster/. It only asks build.sh where they are (REALCLUSTER_NO_BUILD=1): a
// unit run never starts a half-hour build. Under CI=true it builds what is missing (sharing Go's
// cache with a build already running). A binary that is not there gives one skipped test saying why.
import { spawnSync } from 'node:child_process';
import * as nodePath from 'node:path';

const ROOT = nodePath.resolve(__dirname, '../..');

export type RenderBinary = 'helm' | 'helm3' | 'kustomize';

const BIN: Record<RenderBinary, string> = { helm: 'helm', helm3: 'helm', kustomize: 'kustomize' };

function ci(): boolean {
  const v = (process.env.CI ?? '').toLowerCase();
  return v !== '' && v !== 'false' && v !== '0';
}

/** The binary's path, or why it is not there. */
export function findRenderBinary(module: RenderBinary): { path: string } | { missing: string } {
  const r = spawnSync('bash', [nodePath.join(ROOT, 'realcluster/build.sh'), module], {
    encoding: 'utf8',
    env: ci() ? process.env : { ...process.env, REALCLUSTER_NO_BUILD: '1' },
    maxBuffer: 1 << 20,
    timeout: ci() ? 60 * 60_000 : 60_000,
  });
  if (r.error) return { missing: `realcluster/build.sh could not run (${r.error.message})` };
  if (r.status === 3) return { missing: 'Go is not installed (helm and kustomize are built with go build from the Go module proxy)' };
  if (r.status === 4) return { missing: `${module} is not built yet: run bash realcluster/build.sh ${module} (a cold build takes about 10 minutes on 2 cores)` };
  if (r.status !== 0) return { missing: `realcluster/build.sh ${module} failed (exit ${r.status}): ${r.stderr.trim().split('\n').slice(-3).join(' ')}` };
  const line = r.stdout.split('\n').find((l) => l.startsWith(`${module}=`));
  if (!line) return { missing: `realcluster/build.sh ${module} printed no folder` };
  return { path: nodePath.join(line.slice(module.length + 1), BIN[module]) };
}

/** Inside a describe: the binary's path, or undefined after registering the test that says why it is missing (failing under CI=true). */
export function renderBinaryOrSkip(module: RenderBinary): string | undefined {
  const found = findRenderBinary(module);
  if ('path' in found) return found.path;
  if (ci()) {
    it(`needs ${module} under CI=true: ${found.missing}`, () => {
      throw new Error(found.missing);
    });
  } else {
    it(`is skipped: ${found.missing}`, function () {
      this.skip();
    });
  }
  return undefined;
}
