// Runs helm or kustomize in a child process: no shell, a timeout, cancellation by AbortSignal (the
// process is killed), and the outcome as data — a missing binary is told apart from a failure.
import { spawn } from 'node:child_process';

export type ToolOutcome =
  | { readonly kind: 'ok'; readonly stdout: string; readonly stderr: string; readonly ms: number }
  | { readonly kind: 'failed'; readonly stdout: string; readonly stderr: string; readonly code: number | null; readonly ms: number }
  | { readonly kind: 'missing'; readonly message: string }
  | { readonly kind: 'timeout'; readonly message: string }
  | { readonly kind: 'cancelled' };

export interface ToolRun {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Output beyond this is an error (a runaway template). */
  readonly maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export function runTool(run: ToolRun): Promise<ToolOutcome> {
  return new Promise((resolve) => {
    if (run.signal?.aborted) {
      resolve({ kind: 'cancelled' });
      return;
    }
    const started = performance.now();
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const finish = (o: ToolOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      run.signal?.removeEventListener('abort', onAbort);
      resolve(o);
    };
    const child = spawn(run.command, [...run.args], { cwd: run.cwd, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, env: { ...process.env, HELM_NO_PLUGINS: '1' } });
    const kill = (): void => {
      if (child.exitCode === null) child.kill('SIGKILL');
    };
    const onAbort = (): void => {
      kill();
      finish({ kind: 'cancelled' });
    };
    run.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => {
      kill();
      finish({ kind: 'timeout', message: `${run.command} did not finish within ${Math.round(run.timeoutMs / 1000)} s and was stopped` });
    }, run.timeoutMs);
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > (run.maxBytes ?? DEFAULT_MAX_BYTES)) {
        kill();
        finish({ kind: 'failed', stdout: '', stderr: `${run.command} printed more than ${Math.round((run.maxBytes ?? DEFAULT_MAX_BYTES) / 1048576)} MiB; stopped`, code: null, ms: performance.now() - started });
        return;
      }
      into.push(chunk);
    };
    child.stdout.on('data', collect(out));
    child.stderr.on('data', collect(err));
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT' || e.code === 'EACCES') finish({ kind: 'missing', message: `${run.command} was not found or cannot be run (${e.code})` });
      else finish({ kind: 'failed', stdout: '', stderr: e.message, code: null, ms: performance.now() - started });
    });
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      const ms = performance.now() - started;
      finish(code === 0 ? { kind: 'ok', stdout, stderr, ms } : { kind: 'failed', stdout, stderr, code, ms });
    });
  });
}
