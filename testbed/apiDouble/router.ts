// The HTTP entry point: bearer-token auth, injected latency and failures, discovery, the
// SelfSubjectAccessReview endpoint, RBAC denials, then the resource verbs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, badRequest, forbidden, methodNotAllowed, resourceNotFound, unauthorized } from './apiStatus';
import type { ClusterStore } from './clusterStore';
import { apiGroupList, apiResourceList, apiVersions, SERVER_VERSION } from './discovery';
import type { ClusterFaults } from './faults';
import { isJsonObject, parseJson, stringAt, type JsonObject, type JsonValue } from './jsonValue';
import { openApiV3GroupVersion, openApiV3Index } from './openApi';
import type { OpenWatches } from './openWatches';
import { decodeAccessReviewSpec } from './protobufAccessReview';
import { parseTarget, verbOf } from './requestTarget';
import { createObject, deleteObject, getObject, listObjects, patchObject, replaceObject, type Answer, type ResourceRequest } from './resourceHandlers';
import { serveWatch } from './watchStream';
import { forward, parseProxyPath, resolveProxy, type ServiceUpstreams } from './serviceProxy';

export interface RouterContext {
  readonly store: ClusterStore;
  readonly faults: ClusterFaults;
  readonly watches: OpenWatches;
  readonly token: string;
  readonly user: string;
  readonly hostPort: () => string;
  readonly bookmarkIntervalMs: number;
  /** Where the service proxy forwards (cluster.proxyService). */
  readonly upstreams: ServiceUpstreams;
  /** Every request the server answered, for tests that assert what a client sent. */
  readonly requests: { method: string; path: string; contentType: string; body: string; userAgent: string }[];
}

function send(res: ServerResponse, code: number, body: JsonObject): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

const protobuf = 'application/vnd.kubernetes.protobuf';

export async function handleRequest(ctx: RouterContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const raw = await readBody(req);
    const body = raw.toString('utf8');
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
    ctx.requests.push({ method, path: `${url.pathname}${url.search}`, contentType, body, userAgent: req.headers['user-agent'] ?? '' });
    if (req.headers.authorization !== `Bearer ${ctx.token}`) throw unauthorized();
    const delay = ctx.faults.latencyFor(method, `${url.pathname}${url.search}`);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const failure = ctx.faults.failureFor(method, `${url.pathname}${url.search}`);
    if (failure) throw failure;
    const answer = route(ctx, method, url, { raw, text: body }, contentType, req, res);
    if (answer) send(res, answer.code, answer.body);
  } catch (e) {
    const error = e instanceof ApiError ? e : new ApiError(500, 'InternalError', `Internal error occurred: ${e instanceof Error ? e.message : String(e)}`);
    send(res, error.code, error.toStatus());
  }
}

/** Answers the request, or returns undefined when it streamed the answer itself (watch). */
function route(ctx: RouterContext, method: string, url: URL, payload: { raw: Buffer; text: string }, contentType: string, req: IncomingMessage, res: ServerResponse): Answer | undefined {
  const body = payload.text;
  const path = url.pathname.replace(/\/+$/, '');
  if (method === 'GET') {
    const discovery = discoveryDocument(ctx, path);
    if (discovery) return { code: 200, body: discovery };
  }
  // The proxied path is kept as sent (a trailing slash matters to the upstream).
  const proxy = parseProxyPath(url.pathname);
  if (proxy) {
    forward(resolveProxy(ctx, method, proxy, url.search), req, res);
    return undefined;
  }
  if (path === '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews') {
    if (method !== 'POST') throw methodNotAllowed(method);
    const review = contentType === protobuf ? { spec: decodeAccessReviewSpec(payload.raw) ?? {} } : parseJson(body);
    return { code: 201, body: accessReview(ctx, review) };
  }
  // Only access reviews are decoded from protobuf; anything else would be misread, so say so.
  if (contentType === protobuf) throw new ApiError(415, 'UnsupportedMediaType', 'the test cluster double does not decode protobuf request bodies; send application/json');
  const target = parseTarget(path);
  if (!target) throw resourceNotFound();
  const watch = ['1', 'true'].includes(url.searchParams.get('watch') ?? '');
  const verb = verbOf(method, target, watch);
  if (!verb) throw methodNotAllowed(method);
  const { def, namespace, name, subresource } = target;
  if (ctx.faults.isDenied({ verb, group: def.group, resource: def.plural, subresource, namespace })) {
    throw forbidden({ user: ctx.user, verb, def, subresource, namespace, name });
  }
  // Silently committing a dry run would mislead the client; refuse it openly instead.
  if (url.searchParams.has('dryRun')) throw badRequest('dryRun is not supported by the test cluster double');
  const request: ResourceRequest = { store: ctx.store, target, query: url.searchParams, body, contentType, userAgent: req.headers['user-agent'], accept: req.headers.accept };
  switch (verb) {
    case 'get': return getObject(request);
    case 'list': return listObjects(request);
    case 'watch':
      serveWatch(ctx, target, url.searchParams, req, res);
      return undefined;
    case 'create': return createObject(request);
    case 'update': return replaceObject(request);
    case 'patch': return patchObject(request);
    default: return deleteObject(request);
  }
}

function discoveryDocument(ctx: RouterContext, path: string): JsonObject | undefined {
  if (path === '/version') return { ...SERVER_VERSION };
  if (path === '/api') return apiVersions(ctx.hostPort());
  if (path === '/apis') return apiGroupList();
  if (path === '/openapi/v3') return openApiV3Index();
  if (path.startsWith('/openapi/v3/')) return openApiV3GroupVersion(path.slice('/openapi/v3/'.length));
  const gv = /^\/api\/(v1)$/.exec(path)?.[1] ?? /^\/apis\/([^/]+\/[^/]+)$/.exec(path)?.[1];
  return gv ? apiResourceList(gv) : undefined;
}

/** Answers from the deny list, as RBAC would; `allowed: false` carries no reason, like a plain RBAC denial. */
function accessReview(ctx: RouterContext, review: JsonValue | undefined): JsonObject {
  const spec = isJsonObject(review) && isJsonObject(review.spec) ? review.spec : {};
  const attrs = isJsonObject(spec.resourceAttributes) ? spec.resourceAttributes : {};
  const subresource = stringAt(attrs, 'subresource');
  const denied = ctx.faults.isDenied({
    verb: stringAt(attrs, 'verb') ?? '', group: stringAt(attrs, 'group') ?? '', resource: stringAt(attrs, 'resource') ?? '',
    subresource: subresource === '' ? undefined : subresource, namespace: stringAt(attrs, 'namespace') || undefined,
  });
  const metadata = isJsonObject(review) && isJsonObject(review.metadata) ? review.metadata : {};
  return { kind: 'SelfSubjectAccessReview', apiVersion: 'authorization.k8s.io/v1', metadata: { ...metadata, creationTimestamp: null }, spec, status: { allowed: !denied } };
}
