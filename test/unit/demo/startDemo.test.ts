// The demo without a browser: cluster, simulator and Prometheus in this process (code-server is the
// one part left out), checked from the outside with the real kubectl. The workspace is a copy with
// 2 s pauses so the wall-clock canary visibly moves within the test, and analysis every 2 s over 10 s
// windows (the launched 1.2.0 pauses 4 s; two failures take 2 s) so a bad release fails within seconds.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { at } from '../../../src/core/rollout/jsonFields';
import { canStartPrometheus } from '../../../scripts/demo/demoPrometheus';
import { REPO_ROOT, startDemo, type RunningDemo } from '../../../scripts/demo/startDemo';
import { isJsonObject, type JsonObject } from '../../../testbed/apiDouble/jsonValue';
import { pollInstant } from '../../scenario/pollInstant';

const run = promisify(execFile);

/** This process's children, except the `ps` that lists them. */
async function childPids(): Promise<number[]> {
  const { stdout } = await run('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)]).catch(() => ({ stdout: '' }));
  return stdout.split('\n').map((line) => line.trim().split(/\s+/)).filter(([, comm]) => comm !== undefined && comm !== 'ps').map(([pid]) => Number(pid));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil<T>(what: string, probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Rewrites a workspace file in place. */
async function edit(file: string, change: (text: string) => string): Promise<void> {
  await writeFile(file, change(await readFile(file, 'utf8')));
}

/** The success-rate template's query from a workspace, with the Rollout's args filled in. */
async function successRateQuery(workspace: string): Promise<string> {
  const text = await readFile(join(workspace, 'gitops-hugo', 'analysis-templates.yaml'), 'utf8');
  const query = text.split('\n---\n').map((doc): unknown => parse(doc)).filter((doc) => at(doc, 'metadata', 'name') === 'success-rate')
    .map((doc) => {
      const metrics = at(doc, 'spec', 'metrics');
      return at(Array.isArray(metrics) ? metrics[0] : undefined, 'provider', 'prometheus', 'query');
    })[0];
  assert.equal(typeof query, 'string');
  return String(query).replaceAll('{{args.namespace}}', 'default').replaceAll('{{args.service}}', 'gitops-hugo-canary');
}

/** Prometheus' answers for `query` over [startSec, endSec] every 0.1 s, as `[text]` like a measurement's value. */
async function answersBetween(url: string, query: string, startSec: number, endSec: number): Promise<Set<string>> {
  const params = new URLSearchParams({ query, start: String(startSec), end: String(endSec), step: '0.1' });
  const body: unknown = await (await fetch(`${url}/api/v1/query_range?${params.toString()}`)).json();
  const result = at(body, 'data', 'result');
  const values = at(Array.isArray(result) ? result[0] : undefined, 'values');
  return new Set((Array.isArray(values) ? values : []).map((pair: unknown) => `[${String(Array.isArray(pair) ? pair[1] : '')}]`));
}

function gitopsHugo(demo: RunningDemo): JsonObject {
  const rollout = demo.store.get({ resource: 'rollouts', namespace: 'default', name: 'gitops-hugo' });
  assert.ok(rollout);
  return rollout;
}

describe('the demo (scripts/demo/startDemo.ts, without code-server)', function () {
  // Start-up waits for Prometheus' first scrape of the live exporter (~6 s).
  this.timeout(30_000);
  let workspace: string;
  let demo: RunningDemo;
  let stopped = false;
  // Children that are not the demo's (tsx's esbuild service).
  let baseline: number[] = [];
  const demoChildren = async (): Promise<number[]> => (await childPids()).filter((pid) => !baseline.includes(pid));

  before(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'demo-test-ws-'));
    await cp(join(REPO_ROOT, 'demo', 'workspace'), workspace, { recursive: true });
    const rollout = join(workspace, 'gitops-hugo', 'rollout.yaml');
    await writeFile(rollout, (await readFile(rollout, 'utf8')).replaceAll('duration: 30s', 'duration: 2s'));
    await edit(join(workspace, 'gitops-hugo', 'analysis-templates.yaml'), (t) => t.replaceAll('interval: 20s', 'interval: 2s').replaceAll('[1m]', '[10s]'));
    await edit(join(workspace, 'gitops-hugo', 'new-version.yaml'), (t) => t.replaceAll('duration: 30s', 'duration: 4s').replaceAll('duration: 2m', 'duration: 4s'));
    baseline = await childPids();
    demo = await startDemo({ workspace, codeServer: false });
  });

  after(async () => {
    if (!stopped) await demo.stop();
    await rm(workspace, { recursive: true, force: true });
  });

  it('writes a kubeconfig whose context demo lists the three rollouts with the real kubectl', async () => {
    const kc = ['--kubeconfig', demo.kubeconfigPath];
    assert.equal((await run('kubectl', [...kc, 'config', 'current-context'])).stdout.trim(), 'demo');
    const { stdout } = await run('kubectl', [...kc, 'get', 'rollouts', '-A', '-o', 'jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name} {end}']);
    assert.deepEqual(stdout.trim().split(' ').sort(), ['default/gitops-hugo', 'payments/payments-api', 'shop/checkout']);
  });

  it('starts gitops-hugo as a canary under way, checkout Healthy and payments-api a Healthy blue-green', () => {
    const phase = (ns: string, name: string): unknown => at(demo.store.get({ resource: 'rollouts', namespace: ns, name }), 'status', 'phase');
    assert.equal(phase('default', 'gitops-hugo'), 'Paused');
    assert.equal(phase('shop', 'checkout'), 'Healthy');
    assert.equal(phase('payments', 'payments-api'), 'Healthy');
    const bg = demo.store.get({ resource: 'rollouts', namespace: 'payments', name: 'payments-api' });
    assert.equal(at(bg, 'status', 'blueGreen', 'activeSelector'), at(bg, 'status', 'stableRS'));
    assert.deepEqual(demo.rollouts.map((r) => r.strategy).sort(), ['blueGreen', 'canary', 'canary']);
    assert.deepEqual(demo.simulator.errors, []);
  });

  it('moves the gitops-hugo canary to its next step on the wall clock', async () => {
    const step = (): number => Number(at(demo.store.get({ resource: 'rollouts', namespace: 'default', name: 'gitops-hugo' }), 'status', 'currentStepIndex'));
    const first = step();
    await waitUntil('the next step', () => (step() > first ? true : undefined), 8_000);
  });

  it('gives the workspace copy the kubeconfig, every namespace and the Prometheus URL for context demo', async () => {
    const settings: unknown = JSON.parse(await readFile(join(demo.workspace, '.vscode', 'settings.json'), 'utf8'));
    assert.equal(at(settings, 'argoRollouts.kubeconfig'), demo.kubeconfigPath);
    assert.deepEqual(at(settings, 'argoRollouts.namespaces'), ['*']);
    if (demo.prometheusUrl) assert.equal(at(settings, 'argoRollouts.prometheus.urls', 'demo'), demo.prometheusUrl);
  });

  it('runs a Prometheus that answers when one is installed', async function () {
    if (!canStartPrometheus()) this.skip();
    assert.ok(demo.prometheusUrl, demo.prometheusMissing);
    const res = await fetch(`${demo.prometheusUrl}/-/ready`);
    assert.equal(res.status, 200);
  });

  it('measures the analysis from Prometheus, where the canary\'s success-rate query answers a number at now', async function () {
    if (!canStartPrometheus()) this.skip();
    assert.equal(demo.measuresFrom, 'prometheus');
    const rate = await pollInstant(demo.prometheusUrl ?? '', await successRateQuery(workspace), (v) => !Number.isNaN(v), 20_000);
    assert.ok(rate > 0.95 && rate <= 1, `1.1.0 is a good release: ${rate}`);
  });

  it('aborts a launched 1.2.0 after Failed measurements that are Prometheus\' own answers at their time', async function () {
    if (!canStartPrometheus()) this.skip();
    this.timeout(60_000);
    // Launch from a settled 1.1.0, as the walkthrough does, so the canary's 10 s windows hold only 1.2.0.
    await waitUntil('1.1.0 Healthy', () => (at(gitopsHugo(demo), 'status', 'phase') === 'Healthy' ? true : undefined), 30_000);
    const next: unknown = parse(await readFile(join(workspace, 'gitops-hugo', 'new-version.yaml'), 'utf8'));
    assert.ok(isJsonObject(next) && isJsonObject(next.spec));
    const runsBefore = new Set(demo.store.list('analysisruns', { namespace: 'default' }).items.map((r) => at(r, 'metadata', 'name')));
    demo.store.update('rollouts', { ...gitopsHugo(demo), spec: next.spec });

    await waitUntil('the abort', () => (at(gitopsHugo(demo), 'status', 'abort') === true ? true : undefined), 45_000);
    assert.equal(at(gitopsHugo(demo), 'status', 'phase'), 'Degraded');
    const run = demo.store.list('analysisruns', { namespace: 'default' }).items.find((r) => !runsBefore.has(at(r, 'metadata', 'name')));
    assert.ok(run, 'a background AnalysisRun for 1.2.0');
    assert.equal(at(run, 'status', 'phase'), 'Failed');
    const results = at(run, 'status', 'metricResults');
    let failed = 0;
    for (const result of Array.isArray(results) ? results : []) {
      const query = at(result, 'metadata', 'ResolvedPrometheusQuery');
      assert.equal(typeof query, 'string');
      const measurements = at(result, 'measurements');
      for (const m of Array.isArray(measurements) ? measurements : []) {
        if (at(m, 'phase') === 'Failed') failed++;
        // Measured at the wall-clock second it was due (finishedAt); ±1 s allows a scrape that was
        // not yet stored when the simulator asked.
        const t = Date.parse(String(at(m, 'finishedAt'))) / 1000;
        const answers = await answersBetween(demo.prometheusUrl ?? '', String(query), t - 1, t);
        assert.ok(answers.has(String(at(m, 'value'))), `${String(at(result, 'name'))} ${String(at(m, 'phase'))} ${String(at(m, 'value'))} at ${String(at(m, 'finishedAt'))}; Prometheus: ${[...answers].join(' ')}`);
      }
    }
    assert.ok(failed >= 1, JSON.stringify(results));
    assert.deepEqual(demo.simulator.errors, []);
  });

  it('leaves no child process, server or state dir behind after stop()', async () => {
    const kubeconfig = join(workspace, 'kubeconfig-after-stop');
    await cp(demo.kubeconfigPath, kubeconfig);
    const before = await demoChildren();
    if (canStartPrometheus()) assert.ok(before.length > 0, 'Prometheus should run as a child process');
    await demo.stop();
    stopped = true;
    assert.deepEqual(before.filter(isAlive), []);
    assert.deepEqual(await demoChildren(), []);
    assert.equal(existsSync(demo.stateDir), false);
    await assert.rejects(run('kubectl', ['--kubeconfig', kubeconfig, '--request-timeout=2s', 'get', 'rollouts']), /refused/);
  });
});

describe('the demo without Prometheus', function () {
  this.timeout(20_000);

  it('measures with the built-in metrics and says so in its log', async () => {
    const lines: string[] = [];
    const demo = await startDemo({ prometheus: false, codeServer: false, log: (line) => lines.push(line) });
    try {
      assert.equal(demo.measuresFrom, 'built-in metrics');
      assert.equal(demo.prometheusUrl, undefined);
      assert.match(demo.prometheusMissing ?? '', /turned off/);
      assert.ok(lines.some((l) => /--no-prometheus.*built-in metrics/.test(l)), lines.join('\n'));
    } finally {
      await demo.stop();
    }
  });
});
