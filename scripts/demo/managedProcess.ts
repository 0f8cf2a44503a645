// A child process the demo owns: spawned in its own process group (so code-server's extension host
// and watchers, or anything Prometheus forks, end with it), its recent output kept for error
// messages, and a stop() that ends the whole group — SIGTERM, then SIGKILL if it lingers — and
// resolves only once the leader has exited, so "stopped" means no process is left.
import { spawn, type ChildProcess } from 'node:child_process';

export interface ManagedProcess {
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves with the exit code (null after a signal) once the leader has exited. */
  readonly exited: Promise<number | null>;
  /** The last few KB of stdout+stderr. */
  output(): string;
  /** Resolves when `text` appears in the output; rejects if the process exits first or after timeoutMs. */
  waitFor(text: string | RegExp, timeoutMs: number): Promise<void>;
  stop(graceMs?: number): Promise<void>;
}

export interface ManagedProcessOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly onOutput?: (chunk: string) => void;
}

export function startManagedProcess(command: string, args: readonly string[], options: ManagedProcessOptions = {}): ManagedProcess {
  const child = spawn(command, args, { env: options.env ?? process.env, cwd: options.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const waiters = new Set<() => void>();
  const onData = (d: Buffer): void => {
    const s = d.toString();
    options.onOutput?.(s);
    out = (out + s).slice(-8000);
    for (const w of waiters) w();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    // A binary that cannot be spawned never exits: report it as failed.
    child.once('error', () => resolve(child.exitCode ?? 127));
  });
  // spawn reports a missing binary asynchronously; without a listener it would crash the demo.
  child.once('error', (e) => {
    out += `\n${e.message}`;
    for (const w of waiters) w();
  });
  const pid = child.pid ?? -1;
  const isDone = (): boolean => child.exitCode !== null || child.signalCode !== null || pid < 0;

  return {
    pid,
    child,
    exited,
    output: () => out,
    waitFor(text, timeoutMs) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`no "${String(text)}" after ${timeoutMs} ms; output:\n${out}`)), timeoutMs);
        const check = (): void => {
          if (typeof text === 'string' ? out.includes(text) : text.test(out)) finish();
          else if (isDone()) finish(new Error(`${command} exited (${child.exitCode ?? child.signalCode ?? 'not started'}) before "${String(text)}":\n${out}`));
        };
        const finish = (e?: Error): void => {
          clearTimeout(timer);
          waiters.delete(check);
          child.off('exit', check);
          if (e) reject(e);
          else resolve();
        };
        waiters.add(check);
        child.on('exit', check);
        check();
      });
    },
    async stop(graceMs = 5000) {
      if (isDone() && !groupExists(pid)) return;
      signalGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      // Children that outlive the leader (same group) get no grace: the leader is the one that waits for them.
      signalGroup(pid, 'SIGKILL');
      // Killed members take a moment to be gone (init reaps them): "stopped" means the group is empty.
      const deadline = Date.now() + 5000;
      while (groupExists(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    },
  };
}

function groupExists(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
}
