// Turns what the network stack and the API server answer into a KubeError. Transport errors carry
// a Node error code; HTTP failures carry a Kubernetes Status body whose `message` is the text the
// user should see (kubectl shows the same).
import { kubeError, type KubeError } from '../core/kube/kubeErrors';
import { statusCauses } from '../core/kube/statusCause';
import { nodeErrorCode, thrownText, UNREACHABLE_CODES, UNTRUSTED_CERT_CODES } from '../core/networkErrors';

export interface Endpoint {
  readonly context: string;
  readonly url: string;
}

/** A failure before any HTTP answer: connection, DNS, TLS, timeout. */
export function classifyTransportError(endpoint: Endpoint, e: unknown): KubeError {
  const code = nodeErrorCode(e);
  if (code !== undefined && UNTRUSTED_CERT_CODES.has(code)) {
    return kubeError({ kind: 'untrustedCertificate', ...endpoint, cause: `${thrownText(e)} (${code})` });
  }
  const known = code !== undefined ? UNREACHABLE_CODES[code] : undefined;
  const cause = known !== undefined ? `${known} (${code})` : thrownText(e);
  return kubeError({ kind: 'unreachable', ...endpoint, cause });
}

/** The `message` of a Kubernetes Status body, or the HTTP status text. */
export function statusMessage(status: number, body: unknown): string {
  if (typeof body === 'object' && body !== null) {
    const message: unknown = Reflect.get(body, 'message');
    if (typeof message === 'string' && message !== '') return message;
  }
  if (typeof body === 'string' && body.trim() !== '') return body.trim().slice(0, 500);
  return `HTTP ${status}`;
}

/** A 404 without `details.name` is about the resource type, not an object: the API has no such resource. */
function isMissingResourceType(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return true;
  const details: unknown = Reflect.get(body, 'details');
  if (typeof details !== 'object' || details === null) return true;
  const name: unknown = Reflect.get(details, 'name');
  return typeof name !== 'string' || name === '';
}

// The group, its version, or a collection in it: a 404 there means the API lacks the resource type.
// (A named object's 404 is about the object, even without details, e.g. a missing status subresource.)
const ARGO_API = /^\/apis\/argoproj\.io(\/[^/]+(\/namespaces\/[^/]+)?(\/[^/]+)?)?\/?$/;

/** An HTTP answer outside 2xx for `path`. */
export function classifyHttpFailure(endpoint: Endpoint, path: string, status: number, body: unknown): KubeError {
  const apiMessage = statusMessage(status, body);
  const { context } = endpoint;
  if (status === 401) return kubeError({ kind: 'unauthorized', context });
  if (status === 403) return kubeError({ kind: 'forbidden', context, apiMessage });
  if (status === 404) {
    if (ARGO_API.test(path) && isMissingResourceType(body)) return kubeError({ kind: 'crdMissing', context });
    return kubeError({ kind: 'notFound', context, apiMessage });
  }
  if (status === 409) {
    const causes = statusCauses(body);
    return kubeError({ kind: 'conflict', context, apiMessage, ...(causes.length > 0 ? { causes } : {}) });
  }
  if (status === 410) return kubeError({ kind: 'gone', context, apiMessage });
  if (status >= 500) return kubeError({ kind: 'serverError', ...endpoint, status, apiMessage });
  return kubeError({ kind: 'rejected', context, status, apiMessage });
}
