// A private Prometheus (Debian's /usr/bin/prometheus and promtool) holding the gitops-hugo scenario's
// NGINX metrics: backfilled with promtool into a temp dir BEFORE start (blocks copied into a running
// server take up to a minute to appear), served on a free 127.0.0.1 port. Used by the scenario
// tests, the panel's tests and the one-command demo. By default the data lies in the past (2025-06-01
// 10:00–12:00Z): query it with an explicit `time` / `start` / `end` (see gitopsHugoOpenMetrics.ts).
// `endAtSec` shifts the window to end at another time (e.g. now), and `scrapeTargets` adds live
// exporters scraped every second after it (nginxIngressExporter.ts continues the counters).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gitopsHugoOpenMetrics, scenarioTimes, type ScenarioTimes } from './gitopsHugoOpenMetrics';
import { freePort } from '../support/freePort';

export interface ScenarioPrometheus {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** The temp dir with the OpenMetrics file, the config and the TSDB; removed by stop(). */
  readonly dir: string;
  /** The gitops-hugo timeline of this run (shifted by endAtSec); meaningless when `openMetrics` replaced the data. */
  readonly times: ScenarioTimes;
  /** SIGTERM, wait for the exit, remove `dir`. Safe to call twice. */
  stop(): Promise<void>;
}

export interface ScenarioPrometheusOptions {
  /** OpenMetrics text to backfill instead of the gitops-hugo data. */
  readonly openMetrics?: string;
  /** Namespace in the gitops-hugo data's exported_namespace label (default 'default'). */
  readonly namespace?: string;
  /**
   * End the backfilled gitops-hugo window here (Unix seconds, aligned down to the 15 s scrape; see
   * scenarioTimes). Default: the fixed anchor 2025-06-01T12:00:00Z.
   */
  readonly endAtSec?: number;
  /**
   * host:port of live exporters to scrape every second (job SCRAPE_JOB). Their series keep exactly the
   * labels they expose (honor_labels, job/instance dropped) so they continue the backfilled series.
   */
  readonly scrapeTargets?: readonly string[];
  /** A fixed port (default: a free one). */
  readonly port?: number;
  /** How long to wait for the server to be ready (default 30 s). */
  readonly readyTimeoutMs?: number;
}

/** Whether Debian's prometheus and promtool are on PATH (tests skip with a reason when not). */
export function prometheusInstalled(): boolean {
  return ['prometheus', 'promtool'].every((cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status === 0);
}

function backfill(dir: string, openMetrics: string): string {
  const file = path.join(dir, 'metrics.om');
  const data = path.join(dir, 'data');
  fs.writeFileSync(file, openMetrics);
  const r = spawnSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', file, data], { encoding: 'utf8' });
  if (r.error) throw new Error(`promtool could not run (apt-get install prometheus): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`promtool tsdb create-blocks-from openmetrics failed: ${r.stderr}`);
  return data;
}

/** The job name of the live scrape (its `up{job=...}` says whether a target has been scraped). */
export const SCRAPE_JOB = 'live';

/**
 * The server's config: nothing to scrape, or the live targets every second. Exposed series keep their
 * own labels: honor_labels keeps exported_* as they are, and job/instance are dropped after the scrape
 * (metric_relabel_configs) because the backfilled series have neither — with them, a live counter
 * would be a different series and rate() would restart at the seam.
 */
export function prometheusConfig(scrapeTargets: readonly string[] = []): string {
  if (scrapeTargets.length === 0) return 'scrape_configs: []\n';
  return [
    'scrape_configs:',
    `  - job_name: ${SCRAPE_JOB}`,
    '    scrape_interval: 1s',
    '    scrape_timeout: 1s',
    '    honor_labels: true',
    '    static_configs:',
    `      - targets: [${scrapeTargets.map((t) => JSON.stringify(t)).join(', ')}]`,
    '    metric_relabel_configs:',
    '      - action: labeldrop',
    '        regex: job|instance',
    '',
  ].join('\n');
}

const READY_LOG = 'Server is ready to receive web requests.';

/**
 * Resolves when the server logs that it is ready (it flips /-/ready first) and /-/ready answers 200;
 * rejects when it exits first (e.g. the port was taken meanwhile) or after `timeoutMs`.
 */
function whenReady(child: ChildProcess, url: string, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let log = '';
    const done = (e?: Error): void => {
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      if (e) reject(e);
      else resolve();
    };
    const onData = (chunk: Buffer): void => {
      log = (log + chunk.toString('utf8')).slice(-8000);
      if (!log.includes(READY_LOG)) return;
      fetch(`${url}/-/ready`).then(
        (r) => done(r.status === 200 ? undefined : new Error(`${url}/-/ready answered ${r.status} after "${READY_LOG}"`)),
        (e: unknown) => done(new Error(`${url}/-/ready failed: ${String(e)}`)),
      );
    };
    const onExit = (code: number | null): void => done(new Error(`prometheus exited (${code ?? 'signal'}) before it was ready:\n${log.slice(-2000)}`));
    const timer = setTimeout(() => done(new Error(`prometheus at ${url} not ready after ${timeoutMs} ms:\n${log.slice(-2000)}`)), timeoutMs);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

async function spawnOnce(dir: string, data: string, port: number, timeoutMs: number, options: ScenarioPrometheusOptions): Promise<ScenarioPrometheus> {
  const config = path.join(dir, 'prometheus.yml');
  fs.writeFileSync(config, prometheusConfig(options.scrapeTargets));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('prometheus', [`--config.file=${config}`, `--storage.tsdb.path=${data}`, `--web.listen-address=127.0.0.1:${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A test run that ends without stop() must not leave a server behind.
  const killOnExit = (): void => {
    child.kill('SIGTERM');
  };
  process.once('exit', killOnExit);
  const kill = async (): Promise<void> => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await whenReady(child, url, timeoutMs);
  } catch (e) {
    await kill();
    throw e;
  }
  child.stderr?.resume(); // keep draining its log so the pipe never fills
  let stopped: Promise<void> | undefined;
  return {
    url,
    dir,
    times: scenarioTimes(options.endAtSec),
    stop: () => (stopped ??= kill().then(() => fs.rmSync(dir, { recursive: true, force: true }))),
  };
}

/** Backfills the gitops-hugo data (or `openMetrics`) and starts Prometheus on it; see ScenarioPrometheus. */
export async function startScenarioPrometheus(options: ScenarioPrometheusOptions = {}): Promise<ScenarioPrometheus> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scenario-prometheus-'));
  try {
    const data = backfill(dir, options.openMetrics ?? gitopsHugoOpenMetrics(options.namespace, { ...(options.endAtSec !== undefined ? { endAtSec: options.endAtSec } : {}) }));
    const timeoutMs = options.readyTimeoutMs ?? 30_000;
    // A free port can be taken by another process before Prometheus binds it: try a few.
    for (let attempt = 1; ; attempt++) {
      try {
        return await spawnOnce(dir, data, options.port ?? (await freePort()), timeoutMs, options);
      } catch (e) {
        if (options.port !== undefined || attempt >= 3 || !String(e).includes('address already in use')) throw e;
      }
    }
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
