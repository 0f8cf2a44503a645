// Parses a resource URL (`/apis/<group>/<version>/namespaces/<ns>/<plural>/<name>/<subresource>`
// or the `/api/v1/...` core form) and the Kubernetes verb a request means.
import { findResource, type ResourceDef } from './resourceTable';

export interface RequestTarget {
  readonly def: ResourceDef;
  /** Set for namespaced requests; undefined means cluster scope (all namespaces for a namespaced list). */
  readonly namespace: string | undefined;
  readonly name: string | undefined;
  readonly subresource: string | undefined;
}

export function parseTarget(pathname: string): RequestTarget | undefined {
  const parts = pathname.split('/').filter((p) => p !== '').map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api' && parts.length >= 3) [group, version, rest] = ['', parts[1] ?? '', parts.slice(2)];
  else if (parts[0] === 'apis' && parts.length >= 4) [group, version, rest] = [parts[1] ?? '', parts[2] ?? '', parts.slice(3)];
  else return undefined;
  const namespaced = rest[0] === 'namespaces' && rest.length >= 3 && findResource(group, version, rest[2] ?? '')?.namespaced === true;
  const [namespace, plural, name, subresource, extra] = namespaced ? [rest[1], rest[2], rest[3], rest[4], rest[5]] : [undefined, rest[0], rest[1], rest[2], rest[3]];
  const def = findResource(group, version, plural ?? '');
  if (!def || extra !== undefined) return undefined;
  if (namespaced !== def.namespaced && name !== undefined) return undefined; // e.g. GET /apis/argoproj.io/v1alpha1/rollouts/x
  return { def, namespace, name, subresource };
}

export function verbOf(method: string, target: RequestTarget, watch: boolean): string | undefined {
  switch (method) {
    case 'GET': return target.name !== undefined ? 'get' : watch ? 'watch' : 'list';
    case 'POST': return target.name === undefined ? 'create' : undefined;
    case 'PUT': return target.name !== undefined ? 'update' : undefined;
    case 'PATCH': return target.name !== undefined ? 'patch' : undefined;
    case 'DELETE': return target.name !== undefined ? 'delete' : undefined;
    default: return undefined;
  }
}
