// Starts a private Prometheus (Debian's package) for the client's integration tests, on a free
// loopback port with its own storage, after backfilling OpenMetrics text with promtool.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from '../../support/freePort';

export function prometheusInstalled(): boolean {
  return ['prometheus', 'promtool'].every((cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0);
}

export interface PromServer {
  readonly url: string;
  readonly dir: string;
  /** Milliseconds from spawn to /-/ready answering 200 (0 when not waited for). */
  readonly readyAfterMs: number;
  stop(): Promise<void>;
}

export function backfill(openMetrics: string, dataDir: string): void {
  const file = path.join(dataDir, '..', 'fixture.om');
  fs.writeFileSync(file, openMetrics);
  const r = spawnSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', file, dataDir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`promtool failed: ${r.stderr}`);
}

/**
 * Spawns Prometheus on `dataDir`; with `waitReady`, polls /-/ready (bounded) before returning.
 * `rules` (a rule file's text) lengthens start-up: Prometheus answers 503 until it has loaded them.
 */
export async function startPrometheus(dataDir: string, waitReady: boolean, rules?: string): Promise<PromServer> {
  const dir = path.dirname(dataDir);
  const config = path.join(dir, 'prometheus.yml');
  let configText = 'scrape_configs: []\n';
  if (rules !== undefined) {
    fs.writeFileSync(path.join(dir, 'rules.yml'), rules);
    configText += `rule_files: [${JSON.stringify(path.join(dir, 'rules.yml'))}]\n`;
  }
  fs.writeFileSync(config, configText);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  const child: ChildProcess = spawn('prometheus', [`--config.file=${config}`, `--storage.tsdb.path=${dataDir}`, `--web.listen-address=127.0.0.1:${port}`], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  let readyAfterMs = 0;
  if (waitReady) {
    for (let i = 0; ; i++) {
      const ok = await fetch(`${url}/-/ready`).then((r) => r.status === 200, () => false);
      if (ok) break;
      if (i >= 500 || child.exitCode !== null) {
        await stop();
        throw new Error(`Prometheus at ${url} not ready after ${Date.now() - t0} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10)); // polling interval, bounded by the loop
    }
    readyAfterMs = Date.now() - t0;
  }
  return { url, dir, readyAfterMs, stop };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'prom-test-'));
}

/** `count` recording rules: about 0.14 ms each to load, which keeps a fresh server answering 503 meanwhile. */
export function manyRules(count: number): string {
  const lines = ['groups:', '- name: slow-start', '  rules:'];
  for (let i = 0; i < count; i++) {
    lines.push(`  - record: r_${i}`, `    expr: sum(rate(nginx_ingress_controller_requests{status="${i}"}[5m])) / sum(rate(nginx_ingress_controller_requests[5m]))`);
  }
  return `${lines.join('\n')}\n`;
}
