// The README's first command, `bash scripts/demo.sh`, on its desktop path: where `code` is on PATH it
// opens desktop VS Code on the demo workspace with the extension from this checkout and the demo's
// KUBECONFIG. Desktop VS Code cannot run on this machine, so a stand-in `code` records how it was
// called; everything else (the script, the build, the cluster, Ctrl+C) is the real thing.
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../../../scripts/demo/startDemo';
import { until } from '../kube/kubeTestKit';

const run = promisify(execFile);

describe('bash scripts/demo.sh where desktop VS Code (`code`) is on PATH', function () {
  // npm's check, the build and the CLI's lint come first (about 10 s here).
  this.timeout(120_000);
  let bin: string;
  let demo: ChildProcess;
  let output = '';
  const printed = (pattern: RegExp): string => pattern.exec(output)?.[1] ?? '';

  before(async () => {
    bin = await mkdtemp(join(tmpdir(), 'demo-code-'));
    // Written aside and renamed: the file appears whole, once.
    await writeFile(join(bin, 'code'), '#!/bin/sh\n{ for a in "$@"; do echo "arg $a"; done; echo "KUBECONFIG $KUBECONFIG"; } > "$DEMO_CODE_CALLS.part"\nmv "$DEMO_CODE_CALLS.part" "$DEMO_CODE_CALLS"\n');
    await chmod(join(bin, 'code'), 0o755);
    // Its own process group, as a terminal gives a foreground command: Ctrl+C goes to the whole group.
    demo = spawn('bash', ['scripts/demo.sh', '--no-prometheus'], {
      cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, DEMO_CODE_CALLS: join(bin, 'calls') },
    });
    const ready = new Promise<void>((resolve, reject) => {
      const read = (chunk: Buffer): void => {
        output += chunk.toString();
        if (/\] ready\n/.test(output)) resolve();
      };
      demo.stdout?.on('data', read);
      demo.stderr?.on('data', read);
      demo.once('exit', (code) => reject(new Error(`demo.sh exited (${code}) before it was ready:\n${output.slice(-2000)}`)));
    });
    await ready;
  });

  after(async () => {
    if (demo.exitCode === null && demo.signalCode === null) {
      process.kill(-(demo.pid ?? 0), 'SIGKILL');
      await once(demo, 'exit');
    }
    await rm(bin, { recursive: true, force: true });
  });

  it('opens a new window of it on the demo workspace, with the extension from this checkout and the demo\'s kubeconfig', async () => {
    assert.match(output, /desktop VS Code found: .*\/code \(runs the extension from this checkout\)/);
    // The demo starts `code` without waiting for it (as desktop VS Code returns at once): wait for its record.
    await until(() => existsSync(join(bin, 'calls')), 'the stand-in code to be called', 10_000);
    const calls = (await readFile(join(bin, 'calls'), 'utf8')).trim().split('\n');
    const workspace = printed(/workspace\s+(\S+) \(a copy of demo\/workspace\)/);
    const kubeconfig = printed(/kubeconfig\s+(\S+) \(context demo\)/);
    assert.notEqual(workspace, '');
    assert.deepEqual(calls, ['arg --new-window', `arg --extensionDevelopmentPath=${REPO_ROOT}`, `arg ${workspace}`, `KUBECONFIG ${kubeconfig}`]);
    assert.doesNotMatch(output, /code-server/, 'no VS Code for the browser is installed or started');
  });

  it('serves the three rollouts to kubectl through that kubeconfig', async () => {
    const { stdout } = await run('kubectl', ['--kubeconfig', printed(/kubeconfig\s+(\S+) \(context demo\)/), 'get', 'rollouts', '-A', '-o', 'name']);
    assert.deepEqual(stdout.trim().split('\n').sort(), ['rollout.argoproj.io/checkout', 'rollout.argoproj.io/gitops-hugo', 'rollout.argoproj.io/payments-api']);
  });

  it('stops everything on Ctrl+C and says so', async () => {
    const exited = once(demo, 'exit');
    process.kill(-(demo.pid ?? 0), 'SIGINT');
    const [code] = (await exited) as [number | null];
    assert.equal(code, 0);
    assert.match(output, /SIGINT: stopping the demo[\s\S]*stopped: no demo process is left/);
    assert.equal(existsSync(printed(/kubeconfig\s+(\S+) \(context demo\)/)), false, 'its state dir (kubeconfig, workspace copy) is removed');
  });
});
