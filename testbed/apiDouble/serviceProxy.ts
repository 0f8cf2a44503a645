// The API server's service proxy: GET /api/v1/namespaces/<ns>/services/[<scheme>:]<name>[:<port>]/proxy/<path>
// forwarded to an upstream a test registers for that Service port (a real local Prometheus, a
// header recorder), as the real one forwards to an endpoint. Worded like the API server: 404 for a
// missing Service, 503 ServiceUnavailable "no service port …" / "no endpoints available for service …"
// (pkg/registry/core/service/storage), 503 "error trying to reach service: …" when the upstream
// does not answer (apimachinery's proxy transport), and RBAC on `services/proxy`. Like the real one,
// it deletes Authorization (the API server consumed it to authenticate the caller).
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ApiError, forbidden, notFound } from './apiStatus';
import type { ClusterStore } from './clusterStore';
import type { ClusterFaults } from './faults';
import { isJsonObject, type JsonObject } from './jsonValue';
import { findResource, type ResourceDef } from './resourceTable';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer']);
const PROXY_PATH = /^\/api\/v1\/namespaces\/([^/]+)\/services\/([^/]+)\/proxy(\/.*)?$/;

export interface ProxyTarget {
  readonly namespace: string;
  /** The path segment as sent, e.g. `http:prometheus:9090` (RBAC messages name it). */
  readonly segment: string;
  readonly name: string;
  readonly port: string;
  /** The path after /proxy, `/` when empty. */
  readonly rest: string;
}

/** net.SplitSchemeNamePort: `name`, `name:port` or `scheme:name:port`. */
export function parseProxyPath(pathname: string): ProxyTarget | undefined {
  const m = PROXY_PATH.exec(pathname);
  if (!m) return undefined;
  const namespace = decodeURIComponent(m[1] ?? '');
  const segment = decodeURIComponent(m[2] ?? '');
  const parts = segment.split(':');
  const [name, port] = parts.length === 3 ? [parts[1], parts[2]] : [parts[0], parts[1]];
  if (parts.length > 3 || !name) return undefined;
  return { namespace, segment, name, port: port ?? '', rest: m[3] ?? '/' };
}

/** Upstream base URLs by `<ns>/<name>:<port>`: the double's stand-in for a Service's endpoints. */
export class ServiceUpstreams {
  private readonly upstreams = new Map<string, string>();

  set(namespace: string, name: string, port: number, upstream: string | undefined): void {
    const key = `${namespace}/${name}:${port}`;
    if (upstream === undefined) this.upstreams.delete(key);
    else this.upstreams.set(key, upstream.replace(/\/+$/, ''));
  }

  get(namespace: string, name: string, port: number): string | undefined {
    return this.upstreams.get(`${namespace}/${name}:${port}`);
  }
}

function servicesDef(): ResourceDef {
  const def = findResource('', 'v1', 'services');
  if (!def) throw new Error('the resource table has no services');
  return def;
}

/** Creates the namespace and a Service with `port` when missing, so the proxy finds something to forward to. */
export function ensureService(store: ClusterStore, namespace: string, name: string, port: number): void {
  if (!store.get({ resource: 'namespaces', name: namespace })) store.create('namespaces', { metadata: { name: namespace } });
  if (store.get({ resource: 'services', namespace, name })) return;
  store.create('services', {
    metadata: { name, namespace },
    spec: { type: 'ClusterIP', ports: [{ name: 'http', port, protocol: 'TCP', targetPort: port }] },
  }, { namespace });
}

function servicePorts(service: JsonObject): { name: string; port: number }[] {
  const spec = service['spec'];
  const ports = isJsonObject(spec) ? spec['ports'] : undefined;
  if (!Array.isArray(ports)) return [];
  return ports.filter(isJsonObject).map((p) => ({ name: typeof p['name'] === 'string' ? p['name'] : '', port: typeof p['port'] === 'number' ? p['port'] : 0 }));
}

function unavailable(message: string): ApiError {
  return new ApiError(503, 'ServiceUnavailable', message);
}

function verbOfMethod(method: string): string {
  return ({ GET: 'get', HEAD: 'get', POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' } as Record<string, string>)[method] ?? 'get';
}

export interface ProxyContext {
  readonly store: ClusterStore;
  readonly faults: ClusterFaults;
  readonly upstreams: ServiceUpstreams;
  readonly user: string;
}

/** The upstream URL for the request, or the ApiError the API server would answer with. */
export function resolveProxy(ctx: ProxyContext, method: string, target: ProxyTarget, search: string): string {
  const def = servicesDef();
  const verb = verbOfMethod(method);
  if (ctx.faults.isDenied({ verb, group: '', resource: 'services', subresource: 'proxy', namespace: target.namespace })) {
    throw forbidden({ user: ctx.user, verb, def, subresource: 'proxy', namespace: target.namespace, name: target.segment });
  }
  const service = ctx.store.get({ resource: def, namespace: target.namespace, name: target.name });
  if (!service) throw notFound(def, target.name);
  const ports = servicePorts(service);
  const numeric = /^\d+$/.test(target.port);
  const port = target.port === '' ? ports[0] : ports.find((p) => (numeric ? p.port === Number(target.port) : p.name === target.port));
  if (!port && numeric) throw unavailable(`no service port ${target.port} found for service "${target.name}"`);
  const upstream = port ? ctx.upstreams.get(target.namespace, target.name, port.port) : undefined;
  if (upstream === undefined) throw unavailable(`no endpoints available for service "${target.name}"`);
  return `${upstream}${target.rest}${search}`;
}

function sendStatus(res: ServerResponse, error: ApiError): void {
  const text = JSON.stringify(error.toStatus());
  res.writeHead(error.code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Forwards the request to `upstreamUrl` and relays status, content type and body; cancels upstream when the caller goes away. */
export function forward(upstreamUrl: string, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(upstreamUrl);
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined || k === 'authorization' || k === 'host' || HOP_BY_HOP.has(k)) continue;
    headers[k] = v;
  }
  const open = url.protocol === 'https:' ? httpsRequest : httpRequest;
  // The API server does not verify the certificates of the pods it proxies to.
  const upstream = open(url, { method: req.method, headers, rejectUnauthorized: false }, (answer) => {
    // The upstream's headers as they are (Content-Encoding matters: kubectl asks for gzip), minus hop-by-hop ones.
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(answer.headers)) {
      if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
    }
    res.writeHead(answer.statusCode ?? 502, out);
    answer.pipe(res);
  });
  upstream.on('error', (e) => {
    if (res.headersSent) res.destroy();
    else sendStatus(res, unavailable(`error trying to reach service: ${e.message}`));
  });
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  upstream.end();
}
