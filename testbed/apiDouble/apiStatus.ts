// Kubernetes `Status` objects for failures, worded as the real API server words them, so clients
// (and the extension's error handling) see the reasons and messages they will meet in a real cluster.
import type { JsonObject } from './jsonValue';
import { qualifiedKind, qualifiedResource, type ResourceDef } from './resourceTable';

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: JsonObject,
  ) {
    super(message);
  }

  toStatus(): JsonObject {
    // reason is omitempty: an error the server could not classify (StatusReasonUnknown) has none.
    const status: JsonObject = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: this.message };
    if (this.reason !== '') status.reason = this.reason;
    if (this.details) status.details = this.details;
    status.code = this.code;
    return status;
  }
}

function details(def: ResourceDef, name: string | undefined): JsonObject {
  const d: JsonObject = {};
  if (name !== undefined) d.name = name;
  if (def.group !== '') d.group = def.group;
  d.kind = def.plural;
  return d;
}

export function notFound(def: ResourceDef, name: string): ApiError {
  return new ApiError(404, 'NotFound', `${qualifiedResource(def)} "${name}" not found`, details(def, name));
}

export function alreadyExists(def: ResourceDef, name: string): ApiError {
  return new ApiError(409, 'AlreadyExists', `${qualifiedResource(def)} "${name}" already exists`, details(def, name));
}

export function conflict(def: ResourceDef, name: string): ApiError {
  return new ApiError(409, 'Conflict',
    `Operation cannot be fulfilled on ${qualifiedResource(def)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    details(def, name));
}

export function invalid(def: ResourceDef, name: string, field: string, detail: string): ApiError {
  return new ApiError(422, 'Invalid', `${qualifiedKind(def)} "${name}" is invalid: ${field}: ${detail}`,
    { name, group: def.group, kind: def.kind, causes: [{ reason: 'FieldValueInvalid', message: detail, field }] });
}

export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}

export function unauthorized(): ApiError {
  return new ApiError(401, 'Unauthorized', 'Unauthorized');
}

export interface ForbiddenRequest {
  readonly user: string;
  readonly verb: string;
  readonly def: ResourceDef;
  readonly subresource?: string;
  readonly namespace?: string;
  readonly name?: string;
}

/** The RBAC denial text: `rollouts.argoproj.io "x" is forbidden: User "u" cannot patch resource "rollouts/status" in API group "argoproj.io" in the namespace "default"`. */
export function forbidden(req: ForbiddenRequest): ApiError {
  const subject = req.name ? `${qualifiedResource(req.def)} "${req.name}"` : qualifiedResource(req.def);
  const resource = req.subresource ? `${req.def.plural}/${req.subresource}` : req.def.plural;
  const scope = req.namespace ? `in the namespace "${req.namespace}"` : 'at the cluster scope';
  return new ApiError(403, 'Forbidden',
    `${subject} is forbidden: User "${req.user}" cannot ${req.verb} resource "${resource}" in API group "${req.def.group}" ${scope}`,
    details(req.def, req.name));
}

export function resourceNotFound(): ApiError {
  return new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function methodNotAllowed(method: string): ApiError {
  return new ApiError(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`, { causes: [{ message: `${method} is not supported` }] });
}

export function unsupportedPatch(): ApiError {
  return new ApiError(415, 'UnsupportedMediaType',
    'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml');
}

export function injectedFailure(message: string): ApiError {
  return new ApiError(500, 'InternalError', `Internal error occurred: ${message}`, { causes: [{ message }] });
}

/** The watch cache's answer to a resourceVersion older than what it still holds. */
export function expired(requested: number, oldest: number): ApiError {
  return new ApiError(410, 'Expired', `too old resource version: ${requested} (${oldest})`);
}
