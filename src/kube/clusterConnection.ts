// One context's API server: raw JSON requests with the exact method, path, content type and body a
// plan names (client-node's typed APIs pick content types themselves), and watch streams that stop
// when told. TLS and credentials come from client-node's KubeConfig (see requestAuth.ts).
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createInterface } from 'node:readline';
import type { KubeConfig } from '@kubernetes/client-node';
import type { KubeError } from '../core/kube/kubeErrors';
import { err, ok, type Result } from '../core/result';
import { classifyHttpFailure, classifyTransportError, type Endpoint } from './classifyError';
import { KeepAliveAgents } from './keepAliveAgents';
import { limitExecPluginTime, requestAuth } from './requestAuth';
import { USER_AGENT, withFieldManager } from './userAgent';

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpCall {
  readonly method: HttpVerb;
  /** API path without query, e.g. `/apis/argoproj.io/v1alpha1/namespaces/x/rollouts`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly contentType?: string;
  /** Serialised as JSON when present. */
  readonly body?: unknown;
}

export interface HttpAnswer {
  readonly status: number;
  /** Parsed JSON, or undefined for an empty body. */
  readonly body: unknown;
}

export interface WatchEvent {
  /** ADDED, MODIFIED, DELETED, BOOKMARK or ERROR. */
  readonly type: string;
  readonly object: unknown;
}

export interface WatchHandlers {
  onEvent(event: WatchEvent): void;
  /** Called once when the stream ends: undefined for a normal end, the error otherwise. Not called after stop(). */
  onEnd(error: KubeError | undefined): void;
}

export interface WatchHandle {
  /** Aborts the request; the server sees the connection close. */
  stop(): void;
}

/** What informers and the action executor need from a cluster; tests can use the real double. */
export interface KubeTransport {
  readonly context: string;
  readonly server: string;
  send(call: HttpCall): Promise<Result<HttpAnswer, KubeError>>;
  watch(path: string, query: Readonly<Record<string, string>>, handlers: WatchHandlers): WatchHandle;
  /** Closes pooled idle connections (watches are stopped through their handles); a straggling request after it opens a fresh pool. */
  dispose?(): void;
}

/** A GET whose answer is kept as text whatever its status: the service proxy relays another server's answer. */
export interface RawGet {
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  /** Sent as well as the kubeconfig's credentials, which win: the API server consumes Authorization itself. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Aborts the request; there is no idle timeout otherwise, the caller owns the deadline. */
  readonly signal?: AbortSignal;
}

export interface RawAnswer {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string;
}

/** Raw text requests through the API server (the Prometheus service proxy); a KubeError only when no HTTP answer came. */
export interface RawRequester {
  readonly context: string;
  sendRaw(call: RawGet): Promise<Result<RawAnswer, KubeError>>;
}

/** Whether a transport can also send raw requests (ClusterConnection can; JSON-only test transports need not). */
export function canSendRaw(t: KubeTransport): t is KubeTransport & RawRequester {
  return typeof Reflect.get(t, 'sendRaw') === 'function';
}

export interface ConnectionOptions {
  /** Gives up on a request (not a watch) that has not answered; default 15 s. */
  readonly requestTimeoutMs?: number;
  /** Kills an exec credential plugin that has not answered; default 30 s. */
  readonly credentialTimeoutMs?: number;
}

export class ClusterConnection implements KubeTransport, RawRequester {
  readonly server: string;
  private readonly endpoint: Endpoint;
  private readonly requestTimeoutMs: number;
  private readonly credentialTimeoutMs: number;
  /** Short requests share keep-alive sockets; watches hold a connection each and keep their own. */
  private readonly agents = new KeepAliveAgents();
  /** Prometheus queries through the service proxy get a pool of their own: slow ones must not hold up the tree's lists. */
  private readonly rawAgents = new KeepAliveAgents();

  /** `kc` must have its current context set to `context`; the connection keeps it as is. */
  constructor(private readonly kc: KubeConfig, readonly context: string, options: ConnectionOptions = {}) {
    this.server = (kc.getCurrentCluster()?.server ?? '').replace(/\/+$/, '');
    this.endpoint = { context, url: this.server };
    this.requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
    this.credentialTimeoutMs = options.credentialTimeoutMs ?? 30_000;
    limitExecPluginTime(kc, this.credentialTimeoutMs);
  }

  async send(call: HttpCall): Promise<Result<HttpAnswer, KubeError>> {
    const auth = await requestAuth(this.kc, this.credentialTimeoutMs);
    if (!auth.ok) return auth;
    const url = this.url(call.path, withFieldManager(call.method, call.query ?? {}));
    const payload = call.body === undefined ? undefined : JSON.stringify(call.body);
    const headers: Record<string, string> = { ...auth.value.headers, Accept: 'application/json', 'User-Agent': USER_AGENT };
    if (payload !== undefined) {
      headers['Content-Type'] = call.contentType ?? 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(payload));
    }
    const options = { method: call.method, headers, agent: this.agents.agentFor(auth.value.agent), rejectUnauthorized: auth.value.rejectUnauthorized };
    const attempt = (retried: boolean): Promise<Result<HttpAnswer, KubeError>> => new Promise((resolve) => {
      const req = this.open(url, options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => resolve(err(classifyTransportError(this.endpoint, e))));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const body = parseJson(Buffer.concat(chunks).toString('utf8'));
          if (status >= 200 && status < 300) resolve(ok({ status, body }));
          else resolve(err(classifyHttpFailure(this.endpoint, call.path, status, body)));
        });
      });
      req.setTimeout(this.requestTimeoutMs, () => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })));
      req.on('error', (e) => {
        // The server may close an idle pooled socket just as it is reused; a GET is safe to send again, once.
        if (!retried && call.method === 'GET' && req.reusedSocket && Reflect.get(e, 'code') === 'ECONNRESET') resolve(attempt(true));
        else resolve(err(classifyTransportError(this.endpoint, e)));
      });
      req.end(payload);
    });
    return attempt(false);
  }

  dispose(): void {
    this.agents.destroy();
    this.rawAgents.destroy();
  }

  async sendRaw(call: RawGet): Promise<Result<RawAnswer, KubeError>> {
    const auth = await requestAuth(this.kc, this.credentialTimeoutMs);
    if (!auth.ok) return auth;
    const url = this.url(call.path, call.query ?? {});
    const headers: Record<string, string> = { 'User-Agent': USER_AGENT, ...call.headers, ...auth.value.headers };
    return new Promise((resolve) => {
      const options = { method: 'GET', headers, agent: this.rawAgents.agentFor(auth.value.agent), rejectUnauthorized: auth.value.rejectUnauthorized, signal: call.signal };
      const req = this.open(url, options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => resolve(err(classifyTransportError(this.endpoint, e))));
        res.on('end', () => {
          const contentType = res.headers['content-type'];
          resolve(ok({ status: res.statusCode ?? 0, contentType, body: Buffer.concat(chunks).toString('utf8') }));
        });
      });
      req.on('error', (e) => resolve(err(classifyTransportError(this.endpoint, e))));
      req.end();
    });
  }

  watch(path: string, query: Readonly<Record<string, string>>, handlers: WatchHandlers): WatchHandle {
    let stopped = false;
    let ended = false;
    let abort: (() => void) | undefined;
    const end = (error: KubeError | undefined): void => {
      if (stopped || ended) return;
      ended = true;
      handlers.onEnd(error);
    };
    void (async () => {
      const auth = await requestAuth(this.kc, this.credentialTimeoutMs);
      if (stopped) return;
      if (!auth.ok) return end(auth.error);
      const url = this.url(path, { ...query, watch: '1' });
      const headers = { ...auth.value.headers, Accept: 'application/json', 'User-Agent': USER_AGENT };
      const req = this.open(url, { method: 'GET', headers, agent: auth.value.agent, rejectUnauthorized: auth.value.rejectUnauthorized }, (res) => {
        if (res.statusCode !== 200) return readFailure(res, (body) => end(classifyHttpFailure(this.endpoint, path, res.statusCode ?? 0, body)));
        const lines = createInterface({ input: res, crlfDelay: Infinity });
        lines.on('line', (line) => {
          const event = parseJson(line);
          if (stopped || !isWatchEvent(event)) return;
          handlers.onEvent(event);
        });
        lines.on('close', () => end(res.complete ? undefined : classifyTransportError(this.endpoint, new Error('watch connection closed'))));
        // readline re-emits the response's errors (a cut connection is 'aborted'); both must be handled.
        lines.on('error', (e) => end(classifyTransportError(this.endpoint, e)));
        res.on('error', (e) => end(classifyTransportError(this.endpoint, e)));
      });
      // A watch is silent while nothing changes; only the connect phase gets a deadline.
      const connectTimer = setTimeout(() => req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })), this.requestTimeoutMs);
      req.on('response', () => clearTimeout(connectTimer));
      req.on('error', (e) => {
        clearTimeout(connectTimer);
        end(classifyTransportError(this.endpoint, e));
      });
      req.on('close', () => clearTimeout(connectTimer));
      // TCP keepalive notices a connection that died silently (VPN drop) while the watch is quiet.
      req.on('socket', (socket) => socket.setKeepAlive(true, 30_000));
      abort = () => req.destroy();
      req.end();
    })();
    return {
      stop: () => {
        stopped = true;
        abort?.();
      },
    };
  }

  private url(path: string, query: Readonly<Record<string, string>>): URL {
    const url = new URL(this.server + path);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return url;
  }

  private open(url: URL, options: Parameters<typeof httpsRequest>[1], onResponse: (res: IncomingMessage) => void) {
    return url.protocol === 'http:' ? httpRequest(url, options, onResponse) : httpsRequest(url, options, onResponse);
  }
}

function readFailure(res: IncomingMessage, done: (body: unknown) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(parseJson(Buffer.concat(chunks).toString('utf8'))));
  res.on('error', () => done(undefined));
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function isWatchEvent(v: unknown): v is WatchEvent {
  return typeof v === 'object' && v !== null && typeof Reflect.get(v, 'type') === 'string';
}
