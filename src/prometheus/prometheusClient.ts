// Prometheus' HTTP query API over axios (direct URL) or over a request function the kube layer
// supplies (the API server's service proxy). Never throws: every outcome is a Result whose error
// names the address used. Times are Unix seconds; the caller passes its clock (or the
// AnalysisRun's window), so the same query gives the same answer in tests.
import * as http from 'node:http';
import * as https from 'node:https';
import axios from 'axios';
import { nodeErrorCode, thrownText } from '../core/networkErrors';
import { err, ok, type Result } from '../core/result';
import { classifyPromError, type PromError, type PromFailure } from '../core/prometheus/promErrors';
import { parseQueryResponse, type QueryData } from '../core/prometheus/parseQueryResponse';

export interface PromHttpAnswer {
  readonly status: number;
  readonly contentType?: string;
  readonly body: string;
}

/** Sends GET `path` (e.g. /api/v1/query) with `query` parameters; rejects on transport failure. */
export type PromRequest = (
  path: string,
  query: Record<string, string>,
  init: { signal: AbortSignal; headers: Record<string, string> },
) => Promise<PromHttpAnswer>;

export type PromAuth = { kind: 'bearer'; token: string } | { kind: 'basic'; username: string; password: string };

export interface PrometheusClientOptions {
  /** Direct base URL (with any path prefix), e.g. http://127.0.0.1:9090 or https://host/prometheus. */
  readonly baseUrl?: string;
  /** Used instead of baseUrl, e.g. the API server's service proxy. */
  readonly request?: PromRequest;
  /** The address in words for messages; defaults to baseUrl. */
  readonly where?: string;
  /** Extra headers on every query, e.g. X-Scope-OrgID for Mimir/Cortex. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly auth?: PromAuth;
  /** Per query; default 30 s like Argo's provider. */
  readonly timeoutMs?: number;
  /** TLS verification of a direct https URL; on unless explicitly false. */
  readonly rejectUnauthorized?: boolean;
  /** Aborts every query of this client, e.g. when the panel closes. */
  readonly signal?: AbortSignal;
}

export type QueryResult = Result<QueryData, PromError>;

const DEFAULT_TIMEOUT_MS = 30_000;

function authHeader(auth: PromAuth | undefined): Record<string, string> {
  if (!auth) return {};
  if (auth.kind === 'bearer') return { Authorization: `Bearer ${auth.token}` };
  return { Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
}

// Shared by every client, with keep-alive: the panel asks for several series at once and a preview
// sends two queries; a new TCP (and TLS) connection each time cost more than the query itself on
// loopback. Idle sockets close after a few seconds, so nothing lingers after the panel closes.
const AGENT_OPTIONS = { keepAlive: true, maxSockets: 8, timeout: 60_000 };
const httpAgent = new http.Agent(AGENT_OPTIONS);
const httpsAgents = { verify: new https.Agent({ ...AGENT_OPTIONS, rejectUnauthorized: true }), noVerify: new https.Agent({ ...AGENT_OPTIONS, rejectUnauthorized: false }) };

function axiosRequest(baseUrl: string, rejectUnauthorized: boolean): PromRequest {
  const httpsAgent = rejectUnauthorized ? httpsAgents.verify : httpsAgents.noVerify;
  const base = baseUrl.replace(/\/+$/, '');
  return async (path, query, init) => {
    const res = await axios.get<string>(`${base}${path}`, {
      params: query,
      headers: init.headers,
      signal: init.signal,
      httpAgent,
      httpsAgent,
      responseType: 'text',
      // Keep the body as text: the 503 during start-up is text/plain, and parsing is ours.
      transformResponse: (data: unknown) => data,
      validateStatus: () => true,
      maxRedirects: 0,
    });
    const contentType = res.headers['content-type'];
    return { status: res.status, contentType: typeof contentType === 'string' ? contentType : undefined, body: String(res.data ?? '') };
  };
}

export class PrometheusClient {
  private readonly send: PromRequest;
  private readonly where: string;
  private readonly headers: Record<string, string>;
  private readonly timeoutMs: number;

  constructor(private readonly opts: PrometheusClientOptions) {
    this.send = opts.request ?? axiosRequest(opts.baseUrl ?? '', opts.rejectUnauthorized !== false);
    this.where = opts.where ?? opts.baseUrl ?? '(no address)';
    this.headers = { Accept: 'application/json', ...opts.headers, ...authHeader(opts.auth) };
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** The address queries go to, in words. */
  get address(): string {
    return this.where;
  }

  /** An instant query evaluated at `timeSec`. */
  instant(query: string, timeSec: number, signal?: AbortSignal): Promise<QueryResult> {
    return this.run('/api/v1/query', { query, time: String(timeSec) }, signal);
  }

  /** A range query; pick `stepSec` with chooseStep so Prometheus does not refuse it. */
  range(query: string, startSec: number, endSec: number, stepSec: number, signal?: AbortSignal): Promise<QueryResult> {
    return this.run('/api/v1/query_range', { query, start: String(startSec), end: String(endSec), step: String(stepSec) }, signal);
  }

  private async run(path: string, query: Record<string, string>, callSignal: AbortSignal | undefined): Promise<QueryResult> {
    const fail = (f: PromFailure): QueryResult => err(classifyPromError(f, this.where));
    const signals = [this.opts.signal, callSignal].filter((s): s is AbortSignal => s !== undefined);
    if (signals.some((s) => s.aborted)) return fail({ kind: 'cancelled' });
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const onAbort = (): void => controller.abort();
    for (const s of signals) s.addEventListener('abort', onAbort, { once: true });
    try {
      // A request function may ignore the signal; the race still ends the wait on time.
      const aborted = new Promise<'aborted'>((resolve) => controller.signal.addEventListener('abort', () => resolve('aborted'), { once: true }));
      const answer = await Promise.race([this.send(path, query, { signal: controller.signal, headers: this.headers }), aborted]);
      if (answer === 'aborted') return fail(timedOut ? { kind: 'timeout', timeoutMs: this.timeoutMs } : { kind: 'cancelled' });
      if (answer.status !== 200) return fail({ kind: 'http', status: answer.status, contentType: answer.contentType, body: answer.body });
      const parsed = parseQueryResponse(answer.body);
      return parsed.ok ? ok(parsed.value) : fail({ kind: 'badBody', detail: parsed.error });
    } catch (e) {
      if (timedOut) return fail({ kind: 'timeout', timeoutMs: this.timeoutMs });
      if (controller.signal.aborted) return fail({ kind: 'cancelled' });
      return fail({ kind: 'transport', code: nodeErrorCode(e), cause: thrownText(e) });
    } finally {
      clearTimeout(timer);
      for (const s of signals) s.removeEventListener('abort', onAbort);
    }
  }
}
