// Just enough OpenAPI v3 for kubectl 1.32: `kubectl apply` refuses to run ("failed to download
// openapi") unless it can either validate client-side against a schema or see that the server does
// field validation, which it reads from the `fieldValidation` query parameter of each kind's PATCH
// operation. The PATCH content types also tell `kubectl apply` which patch to compute: custom
// resources list no strategic merge patch, so it sends a JSON merge patch, as against a real cluster.
// Built-in kinds omit it too, so kubectl computes their strategic patch from its compiled-in types
// instead of from schemas this double does not serve. No schemas: the double does not validate fields.
import type { JsonObject } from './jsonValue';
import { RESOURCES, type ResourceDef } from './resourceTable';

function basePath(def: ResourceDef): string {
  return def.group === '' ? `api/${def.version}` : `apis/${def.group}/${def.version}`;
}

const hashOf = (gv: string): string => Buffer.from(gv).toString('hex').slice(0, 16).toUpperCase();

export function openApiV3Index(): JsonObject {
  const paths: JsonObject = {};
  for (const def of RESOURCES) {
    const gv = basePath(def);
    paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=${hashOf(gv)}` };
  }
  return { paths };
}

const queryParam = (name: string, type = 'string'): JsonObject => ({ name, in: 'query', schema: { type, uniqueItems: true } });

function operation(def: ResourceDef, action: string, extra: JsonObject = {}): JsonObject {
  return {
    tags: [def.group === '' ? 'core_v1' : `${def.group}_${def.version}`],
    operationId: `${action}${def.kind}`,
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': { group: def.group, version: def.version, kind: def.kind },
    responses: { '200': { description: 'OK' } },
    ...extra,
  };
}

function itemPath(def: ResourceDef): JsonObject {
  const patchTypes = ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml'];
  const content: JsonObject = {};
  for (const t of patchTypes) content[t] = { schema: { type: 'object' } };
  return {
    get: operation(def, 'get'),
    put: operation(def, 'put', { parameters: [queryParam('dryRun'), queryParam('fieldManager'), queryParam('fieldValidation')] }),
    patch: operation(def, 'patch', {
      parameters: [queryParam('dryRun'), queryParam('fieldManager'), queryParam('fieldValidation'), queryParam('force', 'boolean')],
      requestBody: { content, required: true },
    }),
    delete: operation(def, 'delete'),
  };
}

/** The OpenAPI v3 document of one group version (`api/v1`, `apis/argoproj.io/v1alpha1`), or undefined. */
export function openApiV3GroupVersion(gvPath: string): JsonObject | undefined {
  const defs = RESOURCES.filter((d) => basePath(d) === gvPath);
  if (defs.length === 0) return undefined;
  const paths: JsonObject = {};
  for (const def of defs) {
    const scope = def.namespaced ? `/${basePath(def)}/namespaces/{namespace}` : `/${basePath(def)}`;
    paths[`${scope}/${def.plural}/{name}`] = itemPath(def);
    paths[`${scope}/${def.plural}`] = { get: operation(def, 'list'), post: operation(def, 'post', { parameters: [queryParam('fieldValidation')] }) };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'unversioned' }, paths, components: { schemas: {} } };
}
