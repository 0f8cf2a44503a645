// §2.2 Istio VirtualServices: the routes the Rollout manages must exist and split between the
// stable and canary hosts (or DestinationRule subsets).
import type { IndexedObject } from '../../referenceIndex';
import { invalid, type Rule } from '../../rule';
import type { Path } from '../../yamlPath';
import { virtualServiceNamespaceName } from './referenceNotFoundRule';
import { dig, isRecord, list, name, rec, str, strategyOf } from './refHelpers';

const TR: Path = ['spec', 'strategy', 'canary', 'trafficRouting'];

interface Targets {
  readonly stable: string;
  readonly canary: string;
  readonly dRule: { readonly stableSubset: string; readonly canarySubset: string } | undefined;
}

function destinationsError(route: unknown, t: Targets): string | undefined {
  let stableSvc = false;
  let canarySvc = false;
  let stableSubset = false;
  let canarySubset = false;
  for (const d of list(dig(route, 'route'))) {
    // Hosts may be written as `svc.ns.svc.cluster.local`; Argo compares the first label.
    const host = (str(dig(d, 'destination', 'host')) ?? '').split('.')[0];
    const subset = str(dig(d, 'destination', 'subset')) ?? '';
    if (t.stable !== '' && host === t.stable) stableSvc = true;
    if (t.canary !== '' && host === t.canary) canarySvc = true;
    if (t.dRule) {
      if (t.dRule.stableSubset !== '' && subset === t.dRule.stableSubset) stableSubset = true;
      if (t.dRule.canarySubset !== '' && subset === t.dRule.canarySubset) canarySubset = true;
    }
  }
  if (t.dRule) {
    if (!canarySubset) return `Canary DestinationRule subset '${t.dRule.canarySubset}' not found in route`;
    if (!stableSubset) return `Stable DestinationRule subset '${t.dRule.stableSubset}' not found in route`;
    return undefined;
  }
  if (!canarySvc) return `Canary Service '${t.canary}' not found in route`;
  if (!stableSvc) return `Stable Service '${t.stable}' not found in route`;
  return undefined;
}

function httpError(routes: readonly unknown[], routeNames: readonly string[], managed: ReadonlySet<string>, t: Targets): string | undefined {
  const indexes: number[] = [];
  if (routeNames.length === 0) {
    const i = routes.findIndex((r) => (str(dig(r, 'name')) ?? '') === '');
    if (i >= 0) indexes.push(i);
  } else {
    for (const rn of routeNames) {
      const i = routes.findIndex((r) => str(dig(r, 'name')) === rn);
      if (i < 0) return `HTTP Route '${rn}' is not found in the defined Virtual Service.`;
      indexes.push(i);
    }
  }
  for (const i of indexes) {
    const e = destinationsError(routes[i], t);
    if (e) return e;
  }
  const unmanaged = routes.filter((r) => !managed.has(str(dig(r, 'name')) ?? '')).length;
  if (routeNames.length === 0 && unmanaged > 1) {
    return 'spec.http[] should be set in VirtualService and it must have exactly one route when omitting spec.strategy.canary.trafficRouting.istio.virtualService.routes';
  }
  return undefined;
}

function portOf(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

/** TLS and TCP routes are picked by port (and SNI hosts for TLS) instead of by name. */
function portRoutesError(kind: 'TLS' | 'TCP', routes: readonly unknown[], wanted: readonly unknown[], t: Targets): string | undefined {
  const indexes: number[] = [];
  if (wanted.length === 0) {
    if (routes.length > 0) indexes.push(0);
  } else {
    for (const w of wanted) {
      const wantPort = portOf(dig(w, 'port'));
      const wantSni = new Set(list(dig(w, 'sniHosts')).filter((h): h is string => typeof h === 'string'));
      let any = false;
      routes.forEach((r, i) => {
        const ports = new Set<number>();
        const sni = new Set<string>();
        for (const m of list(dig(r, 'match'))) {
          ports.add(portOf(dig(m, 'port')));
          for (const h of list(dig(m, 'sniHosts'))) if (typeof h === 'string') sni.add(h);
        }
        if (ports.size > 1) return;
        const port = ports.size === 1 ? [...ports][0]! : 0;
        if (port !== wantPort) return;
        if (kind === 'TLS' && (sni.size !== wantSni.size || [...sni].some((h) => !wantSni.has(h)))) return;
        indexes.push(i);
        any = true;
      });
      if (!any) return `No matching ${kind} routes found in the defined Virtual Service.`;
    }
  }
  for (const i of indexes) {
    const e = destinationsError(routes[i], t);
    if (e) return e;
  }
  if (wanted.length === 0 && routes.length > 1) {
    const lower = kind.toLowerCase();
    return `spec.${lower}[] should be set in VirtualService and it must have exactly one route when omitting spec.strategy.canary.trafficRouting.istio.virtualService.${lower}Routes`;
  }
  return undefined;
}

function vsErrors(vs: IndexedObject, entry: Record<string, unknown>, managed: ReadonlySet<string>, t: Targets): string[] {
  const spec = vs.value.spec;
  const http = dig(spec, 'http');
  const tls = dig(spec, 'tls');
  const tcp = dig(spec, 'tcp');
  const out: string[] = [];
  if (!Array.isArray(http) && !Array.isArray(tls) && !Array.isArray(tcp)) {
    return ['Unable to get any of the HTTP, TCP or TLS routes for the Istio VirtualService'];
  }
  if (Array.isArray(http)) {
    const routeNames = list(entry.routes).filter((r): r is string => typeof r === 'string');
    const e = httpError(http, routeNames, managed, t);
    if (e) out.push(`Istio VirtualService has invalid HTTP routes. Error: ${e}`);
  }
  if (Array.isArray(tls)) {
    const e = portRoutesError('TLS', tls, list(entry.tlsRoutes), t);
    if (e) out.push(`Istio VirtualService has invalid TLS routes. Error: ${e}`);
  }
  if (Array.isArray(tcp)) {
    const e = portRoutesError('TCP', tcp, list(entry.tcpRoutes), t);
    if (e) out.push(`Istio VirtualService has invalid TCP routes. Error: ${e}`);
  }
  return out;
}

export const istioVirtualServiceRule = {
  id: 'istio-virtual-service-routes',
  severity: 'error',
  kinds: ['Rollout'],
  usesIndex: true,
  title: 'The Istio VirtualService must have the routes the Rollout names, each splitting stable and canary',
  description:
    'For every VirtualService in istio.virtualService(s) the controller finds the HTTP routes named in `routes` (or the single unnamed route), and the TLS/TCP routes matching `tlsRoutes`/`tcpRoutes` ports, and requires each to have destinations for both the stable and canary Services (or, with a destinationRule, both subsets). Routes listed in managedRoutes are not counted. Otherwise the Rollout is InvalidSpec. Add the missing route or destination.',
  source: '§2.2 Istio VirtualServices',
  check(ctx) {
    const canary = strategyOf(ctx.value).canary;
    const istio = rec(dig(canary, 'trafficRouting', 'istio'));
    if (!canary || !istio) return;
    const pingPong = rec(canary.pingPong);
    const dr = rec(istio.destinationRule);
    const t: Targets = {
      stable: name(canary.stableService) ?? (pingPong ? (name(pingPong.pingService) ?? '') : ''),
      canary: name(canary.canaryService) ?? (pingPong ? (name(pingPong.pongService) ?? '') : ''),
      dRule: dr ? { stableSubset: str(dr.stableSubsetName) ?? '', canarySubset: str(dr.canarySubsetName) ?? '' } : undefined,
    };
    const managed = new Set(list(dig(canary, 'trafficRouting', 'managedRoutes')).map((m) => str(dig(m, 'name')) ?? ''));
    const many = list(istio.virtualServices).length > 0;
    const entries = many ? list(istio.virtualServices) : [istio.virtualService];
    const argoPath = `${TR.join('.')}.istio.${many ? 'virtualServices' : 'virtualService'}.name`;
    entries.forEach((entry, i) => {
      if (!isRecord(entry)) return;
      const full = name(entry.name);
      if (full === undefined) return;
      const { namespace, name: vsName } = virtualServiceNamespaceName(full);
      const vs = ctx.index.find('VirtualService', vsName, namespace ?? ctx.doc.namespace);
      if (!vs) return;
      const at: Path = many ? [...TR, 'istio', 'virtualServices', i, 'name'] : [...TR, 'istio', 'virtualService', 'name'];
      for (const e of vsErrors(vs, entry, managed, t)) ctx.report({ message: invalid(vsName, e), at, argoPath });
    });
  },
} as const satisfies Rule;
