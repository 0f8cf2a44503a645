// Launching a Rollout file as data: the server-side apply request (what `kubectl apply
// --server-side --field-manager=argo-rollouts-vscode` sends), the RBAC it needs, what will happen,
// and whether lint errors block it. src/kube/applyManifest.ts sends it.
import { ARGO_GROUP, resourcePath, type ObjectRef, type RbacAttributes } from '../actions/kubeRequest';
import { cloneJson, isRecord, stringAt, type JsonRecord } from '../actions/untrusted';
import type { Finding } from '../lint/types';
import { describeLaunch, type LaunchDescription } from './describeLaunch';
import { FIELD_MANAGER } from './fieldManager';
import type { ManifestDocument } from './pickRolloutDocument';

export const ROLLOUT_API_VERSION = 'argoproj.io/v1alpha1';

/**
 * A server-side apply PATCH. Its content type is not one of KubeRequest's, and the query carries the
 * field manager and `force`, so it has its own shape. The body is JSON, which is YAML: the API
 * server and the test double both read `application/apply-patch+yaml` JSON bodies (kubectl sends JSON).
 */
export interface ApplyPatchRequest {
  readonly method: 'PATCH';
  readonly path: string;
  readonly query: { readonly fieldManager: string; readonly force: 'true' | 'false' };
  readonly contentType: 'application/apply-patch+yaml';
  readonly body: JsonRecord;
}

export interface LaunchOptions {
  /** The current kubeconfig context, named in messages. */
  readonly context: string;
  /** The current namespace: used when the file sets none, and must match the file's otherwise. */
  readonly namespace: string;
  /** Findings of the whole file; only the chosen document's errors count. */
  readonly lintFindings: readonly Finding[];
  /** The user chose to launch despite lint errors. */
  readonly overrideLint?: boolean;
}

export type LaunchPlan =
  | { readonly verdict: 'refused'; readonly message: string }
  /** Lint errors; launching again with `overrideLint` makes it ready. */
  | { readonly verdict: 'blocked'; readonly message: string; readonly ref: ObjectRef; readonly lintErrors: readonly Finding[]; readonly description: LaunchDescription }
  | ReadyLaunch;

export interface ReadyLaunch {
  readonly verdict: 'ready';
  readonly ref: ObjectRef;
  readonly request: ApplyPatchRequest;
  /** Patch rollouts, and create rollouts when it does not exist yet (the API server asks both for an apply that creates). */
  readonly rbac: readonly RbacAttributes[];
  readonly description: LaunchDescription;
  /** Lint errors the user chose to override (empty otherwise). */
  readonly lintErrors: readonly Finding[];
  /** kubectl's line on success. */
  readonly message: string;
}

// Fields the server owns: a file saved from `kubectl get -o yaml` has them, and the API server
// refuses an apply with managedFields or a stale resourceVersion.
const SERVER_METADATA = ['resourceVersion', 'uid', 'creationTimestamp', 'generation', 'managedFields', 'selfLink'];

export function planLaunch(doc: ManifestDocument, live: unknown, options: LaunchOptions): LaunchPlan {
  const { manifest } = doc;
  const name = stringAt(manifest, 'metadata', 'name') ?? '';
  if (manifest['kind'] !== 'Rollout') return refused(`Only a Rollout can be launched; this document is kind ${String(manifest['kind'])}.`);
  if (manifest['apiVersion'] !== ROLLOUT_API_VERSION) {
    return refused(`The Rollout's apiVersion must be ${ROLLOUT_API_VERSION} (the file has ${String(manifest['apiVersion'])}).`);
  }
  if (name === '') return refused('The Rollout has no metadata.name: server-side apply needs a name (generateName is not enough).');
  const fileNamespace = stringAt(manifest, 'metadata', 'namespace');
  if (fileNamespace !== undefined && fileNamespace !== '' && fileNamespace !== options.namespace) {
    return refused(`Rollout ${name} is for namespace "${fileNamespace}" (metadata.namespace) but the current namespace is "${options.namespace}" `
      + `(context "${options.context}"). Switch to namespace "${fileNamespace}", or remove metadata.namespace from the file to launch into "${options.namespace}".`);
  }
  const ref: ObjectRef = { namespace: options.namespace, name };
  const body = applyBody(manifest, ref.namespace);
  const description = describeLaunch(body, isRecord(live) ? live : undefined, {
    before: `${options.context}/${ref.namespace}/rollouts/${name} (live)`,
    after: `${name} (file)`,
  });
  const lintErrors = options.lintFindings.filter((f) => f.severity === 'error' && f.span.start >= doc.span.start && f.span.start < doc.span.end);
  if (lintErrors.length > 0 && options.overrideLint !== true) {
    return { verdict: 'blocked', message: lintBlockMessage(name, lintErrors), ref, lintErrors, description };
  }
  const rbac: RbacAttributes[] = [{ group: ARGO_GROUP, resource: 'rollouts', verb: 'patch', namespace: ref.namespace }];
  if (!isRecord(live)) rbac.push({ group: ARGO_GROUP, resource: 'rollouts', verb: 'create', namespace: ref.namespace });
  return {
    verdict: 'ready',
    ref,
    request: applyRequest(ref, body, false),
    rbac,
    description,
    lintErrors,
    message: `rollout.argoproj.io/${name} serverside-applied`,
  };
}

/** The same launch taking over fields other managers own (`--force-conflicts`), after the user confirmed. */
export function withForce(plan: ReadyLaunch): ReadyLaunch {
  return { ...plan, request: applyRequest(plan.ref, plan.request.body, true) };
}

export function applyRequest(ref: ObjectRef, body: JsonRecord, force: boolean): ApplyPatchRequest {
  return {
    method: 'PATCH',
    path: resourcePath('rollouts', ref.namespace, ref.name),
    query: { fieldManager: FIELD_MANAGER, force: force ? 'true' : 'false' },
    contentType: 'application/apply-patch+yaml',
    body,
  };
}

/** The manifest without status and server-owned metadata, in the target namespace. */
export function applyBody(manifest: JsonRecord, namespace: string): JsonRecord {
  const body = cloneJson(manifest);
  delete body['status'];
  const metadata = isRecord(body['metadata']) ? body['metadata'] : {};
  for (const key of SERVER_METADATA) delete metadata[key];
  metadata['namespace'] = namespace;
  body['metadata'] = metadata;
  return body;
}

function lintBlockMessage(name: string, errors: readonly Finding[]): string {
  const first = errors[0];
  const n = errors.length;
  const firstText = first ? `: ${first.path ? `${first.path}: ` : ''}${first.message}` : '';
  return `Lint found ${n} error${n === 1 ? '' : 's'} in rollout ${name}${firstText}${n > 1 ? ` (and ${n - 1} more)` : ''}. `
    + 'The controller would likely reject it (InvalidSpec). Fix the errors, or launch anyway.';
}

function refused(message: string): LaunchPlan {
  return { verdict: 'refused', message };
}
