// TLS and credentials for one request, from client-node's KubeConfig (tokens, client certificates,
// OIDC, exec credential plugins). client-node runs exec plugins without a time limit and reports a
// missing binary as `spawn aws ENOENT`; here a hanging plugin is killed after a deadline and both
// cases become messages that name the kubeconfig user and the command.
import { spawn, type SpawnOptions } from 'node:child_process';
import { Agent } from 'node:http';
import type { RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { kubeError, type KubeError } from '../core/kube/kubeErrors';
import { nodeErrorCode } from '../core/networkErrors';
import { err, ok, type Result } from '../core/result';

export interface RequestAuth {
  readonly agent: Agent | undefined;
  readonly headers: Record<string, string>;
  /** TLS verification stays on unless the kubeconfig cluster says insecure-skip-tls-verify. */
  readonly rejectUnauthorized: boolean;
}

interface ExecConfig {
  command: string;
}

function execConfigOf(kc: KubeConfig): ExecConfig | undefined {
  const user = kc.getCurrentUser();
  const provider: unknown = user?.authProvider;
  const providerConfig: unknown = isObject(provider) ? Reflect.get(provider, 'config') : undefined;
  const exec: unknown = user?.exec ?? (isObject(providerConfig) ? Reflect.get(providerConfig, 'exec') : undefined);
  if (!isObject(exec)) return undefined;
  const command: unknown = Reflect.get(exec, 'command');
  return typeof command === 'string' ? { command } : undefined;
}

function isObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null;
}

/**
 * Makes client-node's exec authenticator kill its plugin after `timeoutMs`. It spawns through a
 * private `execFn` field (there is no option); when that field is gone in a later client-node the
 * plugin is still abandoned after the deadline by `requestAuth`, only not killed.
 */
export function limitExecPluginTime(kc: KubeConfig, timeoutMs: number): void {
  const authenticators: unknown = Reflect.get(kc, 'authenticators');
  if (!Array.isArray(authenticators)) return;
  for (const a of authenticators) {
    if (isObject(a) && typeof Reflect.get(a, 'execFn') === 'function') {
      Reflect.set(a, 'execFn', (command: string, args: readonly string[] | undefined, opts: SpawnOptions) =>
        spawn(command, args ?? [], { ...opts, timeout: timeoutMs, killSignal: 'SIGKILL' }));
    }
  }
}

function headersOf(opts: RequestOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.headers ?? {})) {
    if (typeof v === 'string' || typeof v === 'number') out[k] = String(v);
    else if (Array.isArray(v)) out[k] = v.join(', ');
  }
  if (typeof opts.auth === 'string') out['Authorization'] = `Basic ${Buffer.from(opts.auth).toString('base64')}`;
  return out;
}

function agentOf(opts: RequestOptions): Agent | undefined {
  // https.Agent and the proxy agents client-node makes all extend http.Agent.
  return opts.agent instanceof Agent ? opts.agent : undefined;
}

/** TLS options and the Authorization header of the kubeconfig's current user, or why they cannot be had. */
export async function requestAuth(kc: KubeConfig, timeoutMs: number): Promise<Result<RequestAuth, KubeError>> {
  const exec = execConfigOf(kc);
  const user = kc.getCurrentUser()?.name ?? '';
  const opts: RequestOptions = {};
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs + 500)));
  try {
    const outcome = await Promise.race([kc.applyToHTTPSOptions(opts).then(() => 'done' as const), deadline]);
    if (outcome === 'timeout') return err(pluginError(user, exec, 'timeout', timeoutMs));
  } catch (e) {
    if (exec === undefined) return err(kubeError({ kind: 'config', detail: `credentials of user "${user}": ${e instanceof Error ? e.message : String(e)}` }));
    if (nodeErrorCode(e) === 'ENOENT') return err(pluginError(user, exec, 'missing', timeoutMs));
    if (Date.now() - started >= timeoutMs) return err(pluginError(user, exec, 'timeout', timeoutMs));
    return err(kubeError({ kind: 'credentialPlugin', user, command: exec.command, problem: 'failed', detail: e instanceof Error ? e.message.trim() : String(e) }));
  } finally {
    clearTimeout(timer);
  }
  const cluster = kc.getCurrentCluster();
  return ok({ agent: agentOf(opts), headers: headersOf(opts), rejectUnauthorized: cluster?.skipTLSVerify !== true });
}

function pluginError(user: string, exec: ExecConfig | undefined, problem: 'missing' | 'timeout', timeoutMs: number): KubeError {
  const seconds = `${Math.round(timeoutMs / 100) / 10}s`;
  return kubeError({ kind: 'credentialPlugin', user, command: exec?.command ?? '', problem, detail: problem === 'timeout' ? seconds : '' });
}
