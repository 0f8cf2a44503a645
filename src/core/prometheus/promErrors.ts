// What went wrong with a Prometheus query, as data, and the sentence the user reads. Every message
// names the address the query went to (the template's address is often an in-cluster name the
// extension had to translate, so "which Prometheus?" is the first question) and ends with a next step.
import { isRecord } from '../untrustedJson';
import { UNREACHABLE_CODES, UNTRUSTED_CERT_CODES } from '../networkErrors';

/** A failure as the I/O layer saw it, before classification. */
export type PromFailure =
  /** No HTTP answer: connection refused, DNS, TLS, reset. `code` is Node's error code when there is one. */
  | { kind: 'transport'; code?: string; cause: string }
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'cancelled' }
  /** An HTTP answer other than 200. */
  | { kind: 'http'; status: number; contentType?: string; body: string }
  /** A 200 whose body is not a Prometheus answer; `detail` comes from parseQueryResponse. */
  | { kind: 'badBody'; detail: string };

export type PromErrorDetails =
  | { kind: 'unreachable'; where: string; cause: string }
  | { kind: 'untrustedCertificate'; where: string; cause: string }
  | { kind: 'timeout'; where: string; timeoutMs: number }
  | { kind: 'cancelled'; where: string }
  /** 400 bad_data: a PromQL syntax error, a bad time or step. */
  | { kind: 'badQuery'; where: string; apiMessage: string }
  /** 400 bad_data "exceeded maximum resolution of 11,000 points per timeseries". */
  | { kind: 'tooManyPoints'; where: string; apiMessage: string }
  /** 422 execution: the query parsed but failed while running (e.g. many-to-many matching). */
  | { kind: 'execution'; where: string; apiMessage: string }
  /** 503 timeout: Prometheus' own query timeout (--query.timeout) expired. */
  | { kind: 'serverTimeout'; where: string; apiMessage: string }
  /** 503 with a text/plain body: the server is up but still opening its storage. */
  | { kind: 'startingUp'; where: string }
  | { kind: 'unauthorized'; where: string; status: number }
  | { kind: 'notFound'; where: string }
  /** A Kubernetes Status from the API server's service proxy; `problem` from its reason and message. */
  | { kind: 'proxyError'; where: string; status: number; apiMessage: string; problem: ProxyProblem }
  | { kind: 'serverError'; where: string; status: number; apiMessage: string }
  | { kind: 'notPrometheus'; where: string; detail: string };

/** Why the service proxy did not forward: RBAC, no ready pods, no such service, pods unreachable, other. */
export type ProxyProblem = 'forbidden' | 'noEndpoints' | 'noService' | 'unreachable' | 'other';

export type PromErrorKind = PromErrorDetails['kind'];

export type PromError = PromErrorDetails & { message: string };

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

// The API server's own wording (pkg/registry/core/service/storage, apimachinery's proxy transport).
function proxyProblem(status: number, reason: string | undefined, message: string): ProxyProblem {
  if (status === 403 || reason === 'Forbidden') return 'forbidden';
  if (status === 404 || reason === 'NotFound') return 'noService';
  if (/^no endpoints available for service/.test(message) || /^no service port /.test(message)) return 'noEndpoints';
  if (/^error trying to reach service/.test(message)) return 'unreachable';
  return 'other';
}

function classifyHttp(where: string, status: number, contentType: string | undefined, body: string): PromErrorDetails {
  const json = parseJson(body);
  const isJson = isRecord(json);
  if (isJson && json['kind'] === 'Status' && typeof json['message'] === 'string') {
    return { kind: 'proxyError', where, status, apiMessage: json['message'], problem: proxyProblem(status, str(json['reason']), json['message']) };
  }
  const errorType = isJson ? str(json['errorType']) : undefined;
  const apiMessage = (isJson ? str(json['error']) : undefined) ?? body.trim().slice(0, 200);
  if (status === 503 && !isJson && (contentType ?? '').startsWith('text/plain')) return { kind: 'startingUp', where };
  if (status === 401 || status === 403) return { kind: 'unauthorized', where, status };
  if (status === 404 && errorType === undefined) return { kind: 'notFound', where };
  if (errorType === undefined) return { kind: 'serverError', where, status, apiMessage };
  if (status === 400 && /exceeded maximum resolution/.test(apiMessage)) return { kind: 'tooManyPoints', where, apiMessage };
  if (status === 400 || errorType === 'bad_data') return { kind: 'badQuery', where, apiMessage };
  if (status === 422 || errorType === 'execution') return { kind: 'execution', where, apiMessage };
  if (errorType === 'timeout') return { kind: 'serverTimeout', where, apiMessage };
  return { kind: 'serverError', where, status, apiMessage: `${errorType}: ${apiMessage}` };
}

/** Classifies a failed query sent to `where` (the address in words, e.g. "http://127.0.0.1:9090"). */
export function classifyPromError(failure: PromFailure, where: string): PromError {
  const details = ((): PromErrorDetails => {
    switch (failure.kind) {
      case 'transport': {
        const code = failure.code ?? '';
        if (UNTRUSTED_CERT_CODES.has(code)) return { kind: 'untrustedCertificate', where, cause: failure.cause };
        return { kind: 'unreachable', where, cause: UNREACHABLE_CODES[code] ?? failure.cause };
      }
      case 'timeout': return { kind: 'timeout', where, timeoutMs: failure.timeoutMs };
      case 'cancelled': return { kind: 'cancelled', where };
      case 'http': return classifyHttp(where, failure.status, failure.contentType, failure.body);
      case 'badBody': return { kind: 'notPrometheus', where, detail: failure.detail };
    }
  })();
  return { ...details, message: promErrorMessage(details) };
}

export function promErrorMessage(e: PromErrorDetails): string {
  const at = `Prometheus at ${e.where}`;
  switch (e.kind) {
    case 'unreachable':
      return `Cannot reach ${at}: ${e.cause}. Check the address (set \`argoRollouts.prometheus.urls\` for this context if the template's is in-cluster) and your network/VPN.`;
    case 'untrustedCertificate':
      return `${at} presented a certificate that is not trusted: ${e.cause}. Add its CA to your system's trust store, or turn off TLS verification (certificate verification) with the \`argoRollouts.prometheus.tlsVerify\` setting.`;
    case 'timeout':
      return `${at} did not answer within ${e.timeoutMs / 1000} s. Try a shorter time range or a larger step, or raise the timeout.`;
    case 'cancelled':
      return `The query to ${at} was cancelled.`;
    case 'badQuery':
      return `${at} rejected the query (400): ${sentence(e.apiMessage)} Fix the query in the template.`;
    case 'tooManyPoints':
      return `${at} refused the range (400): ${sentence(e.apiMessage)} Use a shorter range or a larger step.`;
    case 'execution':
      return `${at} could not run the query (422): ${sentence(e.apiMessage)} Fix the query in the template.`;
    case 'serverTimeout':
      return `${at} gave up on the query (503 timeout): ${sentence(e.apiMessage)} Try a shorter range or a larger step.`;
    case 'startingUp':
      return `${at} is starting up and not ready yet (503). Try again in a few seconds.`;
    case 'unauthorized':
      return `${at} refused the credentials (${e.status}). Run "Argo Rollouts: Set Prometheus Credentials…" for this context (bearer token or basic auth).`;
    case 'notFound':
      return `${at} has no Prometheus query API (404). Check the address, including any path prefix such as /prometheus.`;
    case 'proxyError':
      return proxyMessage(e);
    case 'serverError':
      return `${at} answered ${e.status}: ${sentence(e.apiMessage)} Try again later or check the Prometheus server.`;
    case 'notPrometheus':
      return `The answer from ${e.where} is not a Prometheus query result: ${e.detail}. Check that the address points to Prometheus' HTTP API.`;
  }
}

// Every proxy failure ends with the way around the proxy: a URL for the context (port-forward, ingress).
const URL_INSTEAD = 'or run `kubectl port-forward` to the service and set `argoRollouts.prometheus.urls` for this context to the forwarded URL (e.g. http://localhost:9090).';

function proxyMessage(e: Extract<PromErrorDetails, { kind: 'proxyError' }>): string {
  const quoted = `(${e.status}): ${sentence(e.apiMessage)}`;
  switch (e.problem) {
    case 'forbidden':
      return `The API server refuses to proxy queries to Prometheus at ${e.where} ${quoted} `
        + `Ask your cluster admin for \`get\` on \`services/proxy\` in that namespace, ${URL_INSTEAD}`;
    case 'noEndpoints':
      return `Prometheus at ${e.where} has no ready pods behind its service ${quoted} Check that Prometheus is running, ${URL_INSTEAD}`;
    case 'noService':
      return `The service of Prometheus at ${e.where} does not exist ${quoted} Check the template's address, ${URL_INSTEAD}`;
    case 'unreachable':
      return `The API server cannot reach the pods of Prometheus at ${e.where} ${quoted} Check network policies and the pods, ${URL_INSTEAD}`;
    case 'other':
      return `The API server's service proxy could not forward the query to ${e.where} ${quoted} Check that the service exists and has ready pods, ${URL_INSTEAD}`;
  }
}
