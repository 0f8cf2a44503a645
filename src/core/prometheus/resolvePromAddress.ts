// Where to send a template's queries from the user's machine. The template's `address` is what the
// controller uses inside the cluster, usually a Service DNS name the laptop cannot resolve; such a
// name goes through the Kubernetes API server's service proxy instead. A URL setting for the
// context wins over everything (port-forward, ingress, a hosted Prometheus).

export type PromAddress =
  | { kind: 'direct'; url: string; reason: string }
  | { kind: 'serviceProxy'; namespace: string; service: string; port: number; scheme: 'http' | 'https'; path: string; reason: string }
  | { kind: 'unusable'; reason: string };

export interface PromAddressOptions {
  /** The user's Prometheus URL for this context, when set. */
  readonly urlSetting?: string;
  readonly contextName: string;
}

// DNS labels of a Service and a namespace (RFC 1123).
const LABEL = '[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?';
const IN_CLUSTER = new RegExp(`^(${LABEL})\\.(${LABEL})(\\.svc(?:\\.cluster\\.local)?)?$`);

function parseUrl(text: string): URL | undefined {
  try {
    const u = new URL(text);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' ? u : undefined;
  } catch {
    return undefined;
  }
}

/** `path` of a URL without its trailing slash, so "/api/v1/query" can be appended. */
function basePath(u: URL): string {
  return u.pathname.replace(/\/+$/, '');
}

export function resolvePromAddress(templateAddress: string | undefined, opts: PromAddressOptions): PromAddress {
  const ctx = opts.contextName;
  const setting = opts.urlSetting?.trim();
  if (setting) {
    const u = parseUrl(setting);
    if (!u) return { kind: 'unusable', reason: `the Prometheus URL setting for context ${ctx} (${setting}) is not an http(s) URL` };
    const from = templateAddress ? ` instead of the template's ${templateAddress}` : '';
    return { kind: 'direct', url: `${u.origin}${basePath(u)}`, reason: `${setting} from the Prometheus URL setting for context ${ctx}${from}` };
  }
  const address = templateAddress?.trim() ?? '';
  if (address === '') {
    return {
      kind: 'unusable',
      reason: 'the template has no address (the controller then uses its ARGO_ROLLOUTS_PROMETHEUS_ADDRESS, which the extension cannot read); '
        + `set \`argoRollouts.prometheus.urls\` for context ${ctx}`,
    };
  }
  const u = parseUrl(address);
  if (!u) return { kind: 'unusable', reason: `the template's address ${address} is not an http(s) URL (Argo: "prometheus address is not is url format")` };
  const scheme = u.protocol === 'https:' ? 'https' : 'http';
  const m = IN_CLUSTER.exec(u.hostname.toLowerCase());
  // "svc.ns" alone looks like any two-label public name (grafana.net); the rule asks for an
  // explicit port there, which public endpoints rarely have. ".svc" and ".svc.cluster.local" are unambiguous.
  if (m && (m[3] !== undefined || u.port !== '')) {
    const service = m[1] ?? '';
    const namespace = m[2] ?? '';
    const port = u.port !== '' ? Number(u.port) : scheme === 'https' ? 443 : 80;
    return {
      kind: 'serviceProxy', namespace, service, port, scheme, path: basePath(u),
      reason: `in-cluster address ${address} → through the API server's service proxy of context ${ctx}`,
    };
  }
  if (!u.hostname.includes('.') && u.hostname !== 'localhost') {
    return {
      kind: 'unusable',
      reason: `the template's address ${address} is a short in-cluster name whose namespace is the controller's, unknown here; `
        + `set \`argoRollouts.prometheus.urls\` for context ${ctx}`,
    };
  }
  return { kind: 'direct', url: `${u.origin}${basePath(u)}`, reason: `the template's address ${address}, sent directly` };
}

/** The API server path that proxies to `path` on the service (kubectl proxy's form), e.g. for /api/v1/query. */
export function serviceProxyPath(a: Extract<PromAddress, { kind: 'serviceProxy' }>, path: string): string {
  // Namespace and service are DNS labels (checked when resolving), so no escaping is needed.
  return `/api/v1/namespaces/${a.namespace}/services/${a.scheme}:${a.service}:${a.port}/proxy${a.path}${path}`;
}

/** The address in words for messages: the URL, or the service and the context whose API server proxies to it. */
export function describePromAddress(a: PromAddress, contextName: string): string {
  switch (a.kind) {
    case 'direct': return a.url;
    case 'serviceProxy': return `${a.scheme}://${a.service}.${a.namespace}:${a.port}${a.path} (via the API server of context ${contextName})`;
    case 'unusable': return '(no usable address)';
  }
}
