// The demo without a browser: cluster, simulator and Prometheus in this process (code-server is the
// one part left out), checked from the outside with the real kubectl. The workspace is a copy with
// 2 s pauses so the wall-clock canary visibly moves within the test.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { at } from '../../../src/core/rollout/jsonFields';
import { canStartPrometheus } from '../../../scripts/demo/demoPrometheus';
import { REPO_ROOT, startDemo, type RunningDemo } from '../../../scripts/demo/startDemo';

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

describe('the demo (scripts/demo/startDemo.ts, without code-server)', function () {
  this.timeout(20_000);
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
