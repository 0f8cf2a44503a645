// Discovery documents (legacy, non-aggregated: kubectl and client-node fall back to them when the
// server does not answer the aggregated `apidiscovery.k8s.io/v2` media type) and /version.
import type { JsonObject } from './jsonValue';
import { apiVersionOf, RESOURCES, type ResourceDef } from './resourceTable';

export const SERVER_VERSION = { major: '1', minor: '32', gitVersion: 'v1.32.0', gitCommit: 'test-cluster', gitTreeState: 'clean',
  buildDate: '2024-12-11T00:00:00Z', goVersion: 'go1.23.4', compiler: 'gc', platform: 'linux/amd64' };

/** Groups other than the core group, in the order /apis lists them. */
const extraGroups: { group: string; version: string }[] = [{ group: 'authorization.k8s.io', version: 'v1' }];

function groupVersions(): { group: string; version: string }[] {
  const seen = new Map<string, { group: string; version: string }>();
  for (const r of RESOURCES) if (r.group !== '') seen.set(r.group, { group: r.group, version: r.version });
  for (const g of extraGroups) seen.set(g.group, g);
  return [...seen.values()];
}

export function apiVersions(hostPort: string): JsonObject {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: hostPort }] };
}

export function apiGroupList(): JsonObject {
  return {
    kind: 'APIGroupList', apiVersion: 'v1',
    groups: groupVersions().map(({ group, version }) => {
      const gv = { groupVersion: `${group}/${version}`, version };
      return { name: group, versions: [gv], preferredVersion: gv };
    }),
  };
}

function entries(def: ResourceDef): JsonObject[] {
  const main: JsonObject = { name: def.plural, singularName: def.singular, namespaced: def.namespaced, kind: def.kind, verbs: [...def.verbs] };
  if (def.shortNames.length > 0) main.shortNames = [...def.shortNames];
  if (def.categories.length > 0) main.categories = [...def.categories];
  const out: JsonObject[] = [main];
  if (def.statusSubresource) out.push({ name: `${def.plural}/status`, singularName: '', namespaced: def.namespaced, kind: def.kind, verbs: ['get', 'patch', 'update'] });
  if (def.scale) {
    out.push({ name: `${def.plural}/scale`, singularName: '', namespaced: def.namespaced, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch', 'update'] });
  }
  return out;
}

/** The APIResourceList of a group version, or undefined when the double does not serve it. */
export function apiResourceList(groupVersion: string): JsonObject | undefined {
  if (groupVersion === 'authorization.k8s.io/v1') {
    return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources: [
      { name: 'selfsubjectaccessreviews', singularName: 'selfsubjectaccessreview', namespaced: false, kind: 'SelfSubjectAccessReview', verbs: ['create'] },
    ] };
  }
  const defs = RESOURCES.filter((r) => apiVersionOf(r) === groupVersion);
  if (defs.length === 0) return undefined;
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion, resources: defs.flatMap(entries) };
}
