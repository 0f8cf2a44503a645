// The demo's Prometheus: Debian's /usr/bin/prometheus on a free 127.0.0.1 port with its own data dir,
// when it is installed (scripts/demo.sh installs it with apt when it can). Without it the demo runs
// on, without plots: the simulator's analysis does not need it (demoMetricSource.ts).
// TODO(demo-prometheus): feed it the gitops-hugo NGINX series (backfilled history + live samples) with
// the scenario's generator / startScenarioPrometheus() once it lands, instead of this empty instance.
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from './freePort';
import { startManagedProcess } from './managedProcess';

export interface DemoPrometheus {
  readonly url: string;
  stop(): Promise<void>;
}

/** The prometheus binary on PATH, or undefined. */
export function findPrometheus(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v prometheus'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export async function startDemoPrometheus(dir: string): Promise<DemoPrometheus | undefined> {
  const binary = findPrometheus();
  if (!binary) return undefined;
  await mkdir(join(dir, 'data'), { recursive: true });
  const config = join(dir, 'prometheus.yml');
  await writeFile(config, 'global:\n  scrape_interval: 1s\nscrape_configs: []\n');
  const port = await freePort();
  const proc = startManagedProcess(binary, [
    `--config.file=${config}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`,
  ]);
  try {
    await proc.waitFor('Server is ready to receive web requests', 20_000);
  } catch (e) {
    await proc.stop();
    throw e;
  }
  return { url: `http://127.0.0.1:${port}`, stop: () => proc.stop() };
}
