// A server-side apply of a field the cluster's CRD does not declare fails before any merge, with
// HTTP 500 and no Status reason: structured-merge-diff cannot type the applied object
// (k8s.io/apimachinery managedfields/internal/structuredmerge.go):
//   failed to create typed patch object (default/web; argoproj.io/v1alpha1, Kind=Rollout): .spec.foo: field not declared in schema
// and with several fields `…: errors:\n  .spec.a: field not declared in schema\n  .spec.b: …`.
// It is no API server trouble: the manifest and the cluster's CRD disagree. This names the fields
// and the two likely causes.
import type { ObjectRef } from '../actions/kubeRequest';

const TYPED_PATCH = 'failed to create typed patch object';
const UNDECLARED = /(\.[^\s:]*(?:\[[^\]]*\][^\s:]*)*): field not declared in schema/g;

/** The undeclared fields a failed apply names; [] when the failure is something else. */
export function undeclaredFields(apiMessage: string): string[] {
  if (!apiMessage.includes(TYPED_PATCH)) return [];
  return [...new Set([...apiMessage.matchAll(UNDECLARED)].map((m) => m[1] ?? '').filter((f) => f !== ''))];
}

export function undeclaredFieldMessage(ref: ObjectRef, fields: readonly string[], context: string, lintOverridden: boolean): string {
  const which = fields.length === 1 ? `field ${fields[0]}` : `fields ${fields.join(', ')}`;
  const causes = [
    `the file has a field Argo Rollouts does not know (a misspelling or wrong indentation${lintOverridden ? ': the lint errors you launched anyway may point at it' : ', which the linter flags'})`,
    'or the cluster\'s Argo Rollouts CRDs are older than this manifest (a field added in a later release): upgrade the CRDs or leave the field out',
  ];
  return `Nothing was changed: the API server refused rollout ${ref.name} in namespace "${ref.namespace}" (context "${context}") because the cluster's Rollout CRD `
    + `does not declare ${which} (HTTP 500, "field not declared in schema"). Likely causes: ${causes.join('; ')}.`;
}
