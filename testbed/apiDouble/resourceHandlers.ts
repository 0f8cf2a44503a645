// The verbs on resource URLs, as functions from a parsed request to a JSON answer. HTTP plumbing
// (auth, faults, watch streaming) lives in router.ts and watchStream.ts.
import { parse as parseYaml } from 'yaml';
import { ApiError, badRequest, conflict, invalid, notFound, resourceNotFound, unsupportedPatch } from './apiStatus';
import type { ClusterStore } from './clusterStore';
import { applyJsonPatch, PatchError } from './jsonPatch';
import { cloneJson, isJsonObject, metadataOf, parseJson, stringAt, type JsonObject, type JsonValue } from './jsonValue';
import { applyMergePatch } from './mergePatch';
import { apiVersionOf, type ResourceDef } from './resourceTable';
import type { RequestTarget } from './requestTarget';
import { fromScale, toScale } from './scale';
import { parseFieldSelector, parseLabelSelector, type Selector } from './selectors';
import { conflictCauses, conflictMessage, managerFromUserAgent, recordUpdate, serverSideApply } from './serverSideApply';
import { applyStrategicMergePatch } from './strategicMergePatch';
import { asTable, tableRequested } from './tableOutput';
import { undeclaredFieldError } from './undeclaredFields';

export interface ResourceRequest {
  readonly store: ClusterStore;
  readonly target: RequestTarget;
  readonly query: URLSearchParams;
  readonly body: string;
  readonly contentType: string;
  /** The client's User-Agent: the field manager of a write that names none. */
  readonly userAgent?: string;
  /** The Accept header: `kubectl get` asks for a Table. */
  readonly accept?: string;
}

export interface Answer {
  readonly code: number;
  readonly body: JsonObject;
}

export function selectorOf(query: URLSearchParams): Selector {
  const labels = parseLabelSelector(query.get('labelSelector'));
  const fields = parseFieldSelector(query.get('fieldSelector'));
  return (obj) => labels(obj) && fields(obj);
}

function nameOf(t: RequestTarget): string {
  return t.name ?? '';
}

function bodyObject(text: string): JsonObject {
  const parsed = parseJson(text);
  if (!isJsonObject(parsed)) throw badRequest(`the body of the request was in an unknown format - accepted media types include: application/json, application/yaml`);
  return parsed;
}

function current(req: ResourceRequest): JsonObject {
  const found = req.store.get({ resource: req.target.def, namespace: req.target.namespace, name: nameOf(req.target) });
  if (!found) throw notFound(req.target.def, nameOf(req.target));
  return found;
}

/** Subresources the double serves for a resource; anything else is 404 as on a real server. */
function checkSubresource(t: RequestTarget): void {
  if (t.subresource === undefined) return;
  if (t.subresource === 'status' && t.def.statusSubresource) return;
  if (t.subresource === 'scale' && t.def.scale) return;
  throw resourceNotFound();
}

function nowRfc3339(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The object to store after a create, update or patch: `next` with the writer recorded as an Update manager. */
function owned(req: ResourceRequest, before: JsonObject | undefined, next: JsonObject): JsonObject {
  const { def, subresource } = req.target;
  const manager = req.query.get('fieldManager') ?? managerFromUserAgent(req.userAgent);
  return recordUpdate({
    before, after: next, manager, apiVersion: apiVersionOf(def), time: nowRfc3339(),
    ...(subresource === 'status' ? { subresource } : {}), statusSubresource: def.statusSubresource,
  });
}

/** The answer as a Table when the client asked for one (kubectl get), else as is. */
function maybeTable(req: ResourceRequest, objects: readonly JsonObject[], resourceVersion: string, plain: JsonObject): Answer {
  const table = tableRequested(req.accept);
  if (!table) return { code: 200, body: plain };
  return { code: 200, body: asTable(req.target.def, objects, { resourceVersion, nowMs: req.store.currentTime().getTime(), query: req.query, version: table.version }) };
}

export function getObject(req: ResourceRequest): Answer {
  checkSubresource(req.target);
  const obj = current(req);
  if (req.target.subresource === 'scale') return { code: 200, body: toScale(req.target.def, obj) ?? obj };
  if (req.target.subresource !== undefined) return { code: 200, body: obj };
  return maybeTable(req, [obj], stringAt(obj.metadata, 'resourceVersion') ?? '', obj);
}

export function listObjects(req: ResourceRequest): Answer {
  if (req.target.subresource !== undefined) throw resourceNotFound();
  const { def, namespace } = req.target;
  const { items, resourceVersion } = req.store.list(def, { namespace, selector: selectorOf(req.query) });
  const list = { apiVersion: apiVersionOf(def), kind: `${def.kind}List`, metadata: { resourceVersion: String(resourceVersion) }, items };
  return maybeTable(req, items, String(resourceVersion), list);
}

function checkIdentity(req: ResourceRequest, obj: JsonObject, requireName: boolean): void {
  const meta = isJsonObject(obj.metadata) ? obj.metadata : {};
  const name = stringAt(meta, 'name');
  if (requireName && name !== nameOf(req.target)) {
    throw badRequest(`the name of the object (${name ?? ''}) does not match the name on the URL (${nameOf(req.target)})`);
  }
  const ns = stringAt(meta, 'namespace');
  if (req.target.def.namespaced && ns !== undefined && ns !== '' && ns !== req.target.namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
}

export function createObject(req: ResourceRequest): Answer {
  if (req.target.subresource !== undefined) throw resourceNotFound();
  const obj = bodyObject(req.body);
  checkIdentity(req, obj, false);
  return { code: 201, body: req.store.create(req.target.def, owned(req, undefined, obj), { namespace: req.target.namespace }) };
}

export function replaceObject(req: ResourceRequest): Answer {
  checkSubresource(req.target);
  const { def, namespace, subresource } = req.target;
  const given = bodyObject(req.body);
  if (subresource === 'scale') return { code: 200, body: writeScale(req, given) };
  checkIdentity(req, given, true);
  const rv = stringAt(given.metadata, 'resourceVersion');
  if (def.custom && (rv === undefined || rv === '')) {
    current(req); // a missing object is 404 before it is invalid
    throw invalid(def, nameOf(req.target), 'metadata.resourceVersion', 'Invalid value: 0x0: must be specified for an update');
  }
  const live = req.store.get({ resource: def, namespace, name: nameOf(req.target) });
  return { code: 200, body: req.store.update(def, owned(req, live, given), { namespace, subresource: subresource === 'status' ? 'status' : undefined }) };
}

function writeScale(req: ResourceRequest, scale: JsonValue): JsonObject {
  const { def, namespace } = req.target;
  const next = fromScale(def, current(req), scale);
  const written = req.store.update(def, next, { namespace });
  return toScale(def, written) ?? written;
}

function patched(req: ResourceRequest, base: JsonObject, type: string): JsonValue {
  const patchText = req.body;
  const patch = parseJson(patchText);
  if (patch === undefined) throw badRequest(`error decoding patch: invalid JSON`);
  try {
    if (type === 'application/merge-patch+json') return applyMergePatch(base, patch);
    if (type === 'application/json-patch+json') return applyJsonPatch(base, patch);
    if (type === 'application/strategic-merge-patch+json') {
      if (req.target.def.custom) throw unsupportedPatch();
      return applyStrategicMergePatch(base, patch);
    }
  } catch (e) {
    // The API server answers a failed JSON patch with an empty details object.
    if (e instanceof PatchError) throw new ApiError(422, 'Invalid', e.message, {});
    throw e;
  }
  throw unsupportedPatch();
}

export function patchObject(req: ResourceRequest): Answer {
  checkSubresource(req.target);
  const { def, namespace, subresource } = req.target;
  const type = req.contentType;
  if (type === 'application/apply-patch+yaml') return applyObject(req);
  if (subresource === 'scale') {
    const scale = toScale(def, current(req)) ?? {};
    return { code: 200, body: writeScale(req, patched(req, scale, type)) };
  }
  const base = current(req);
  const next = patched(req, base, type);
  if (!isJsonObject(next)) throw new ApiError(422, 'Invalid', 'the patched object is not a JSON object');
  checkIdentity(req, next, true);
  return { code: 200, body: req.store.update(def, owned(req, base, next), { namespace, subresource: subresource === 'status' ? 'status' : undefined }) };
}

function applyObject(req: ResourceRequest): Answer {
  const { def, namespace, subresource } = req.target;
  const manager = req.query.get('fieldManager');
  if (!manager) {
    throw new ApiError(422, 'Invalid', 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch', {
      group: 'meta.k8s.io', kind: 'PatchOptions', causes: [{ reason: 'FieldValueRequired', message: 'Required value: is required for apply patch', field: 'fieldManager' }],
    });
  }
  let applied: JsonValue;
  try {
    applied = parseYaml(req.body) as JsonValue;
  } catch {
    throw badRequest('error decoding YAML: the apply patch is not valid YAML');
  }
  if (!isJsonObject(applied)) throw badRequest('error decoding YAML: the apply patch is not an object');
  if (applied.apiVersion !== apiVersionOf(def) || applied.kind !== def.kind) {
    throw badRequest(`the API version in the data (${String(applied.apiVersion)}) does not match the expected API version (${apiVersionOf(def)})`);
  }
  checkIdentity(req, applied, true);
  const trimmed = appliedPart(def, applied, subresource === 'status');
  const untyped = undeclaredFieldError(def, trimmed, namespace, nameOf(req.target));
  if (untyped) throw untyped;
  const live = req.store.get({ resource: def, namespace, name: nameOf(req.target) });
  if (!live && subresource === 'status') throw notFound(def, nameOf(req.target));
  const rv = stringAt(applied.metadata, 'resourceVersion');
  if (live && rv !== undefined && rv !== stringAt(live.metadata, 'resourceVersion')) throw conflict(def, nameOf(req.target));
  const result = serverSideApply({
    live, applied: trimmed, manager, force: req.query.get('force') === 'true', apiVersion: apiVersionOf(def), time: nowRfc3339(),
    ...(subresource === 'status' ? { subresource } : {}),
  });
  // NewApplyConflict (apimachinery api/errors): reason Conflict, causes only, no name or kind in details.
  if (!result.ok) throw new ApiError(409, 'Conflict', conflictMessage(result.conflicts), { causes: conflictCauses(result.conflicts) });
  if (!live) return { code: 201, body: req.store.create(def, result.object, { namespace }) };
  return { code: 200, body: req.store.update(def, result.object, { namespace, subresource: subresource === 'status' ? 'status' : undefined }) };
}

/** What an apply may own: status only through /status, and never status through the main resource when it is a subresource. */
function appliedPart(def: ResourceDef, applied: JsonObject, toStatus: boolean): JsonObject {
  const out = cloneJson(applied);
  delete metadataOf(out).resourceVersion;
  if (toStatus) {
    for (const k of Object.keys(out)) if (!['apiVersion', 'kind', 'metadata', 'status'].includes(k)) delete out[k];
  } else if (def.statusSubresource) delete out.status;
  return out;
}

export function deleteObject(req: ResourceRequest): Answer {
  if (req.target.subresource !== undefined) throw resourceNotFound();
  const deleted = req.store.delete({ resource: req.target.def, namespace: req.target.namespace, name: nameOf(req.target) });
  if (!req.target.def.custom) return { code: 200, body: deleted };
  // A custom resource's DELETE answers with a Success Status naming it, not the object (as the real API server does).
  const { def } = req.target;
  return {
    code: 200,
    body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { name: nameOf(req.target), group: def.group, kind: def.plural, uid: stringAt(metadataOf(deleted), 'uid') ?? '' } },
  };
}
