// `valueFrom.fieldRef.fieldPath` of a Rollout-side analysis argument (§5.1), resolved the way
// BuildArgumentsForRolloutAnalysisRun does: paths starting with `metadata` go through Kubernetes'
// downward-API extractor (fieldpath.ExtractFieldPathAsString), anything else walks the Rollout's JSON
// (extractValueFromRollout). Error texts are Argo's / Kubernetes'.
import { formatGoValue, fromJson, goQuote, type GoValue } from '../expr/goValue';
import { asRecord } from '../untrustedJson';
import { isQualifiedName } from '../lint/rules/rollout/labelValidation';

export type FieldPathResult = { ok: true; value: string } | { ok: false; error: string };

const rec = asRecord;

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(rec(v) ?? {})) if (typeof x === 'string') out[k] = x;
  return out;
}

/** fieldpath.FormatMap: `key="value"` lines in key order. */
function formatMap(m: Record<string, string>): string {
  return Object.keys(m)
    .sort()
    .map((k) => `${k}=${goQuote(m[k]!)}`)
    .join('\n');
}

/** fieldpath.SplitMaybeSubscriptedPath: `metadata.labels['app']` → ['metadata.labels', 'app']. */
function splitSubscript(fieldPath: string): [string, string] | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const s = fieldPath.slice(0, -2);
  const at = s.indexOf("['");
  if (at <= 0) return undefined;
  return [s.slice(0, at), s.slice(at + 2)];
}

export function downwardApiValue(rollout: unknown, fieldPath: string): FieldPathResult {
  const meta = rec(rec(rollout)?.metadata) ?? {};
  const sub = splitSubscript(fieldPath);
  if (sub) {
    const [path, key] = sub;
    if (path !== 'metadata.annotations' && path !== 'metadata.labels') {
      return { ok: false, error: `fieldPath ${goQuote(fieldPath)} does not support subscript` };
    }
    const errs = isQualifiedName(path === 'metadata.annotations' ? key.toLowerCase() : key);
    if (errs.length > 0) return { ok: false, error: `invalid key subscript in ${fieldPath}: ${errs.join(';')}` };
    return { ok: true, value: stringMap(path === 'metadata.labels' ? meta.labels : meta.annotations)[key] ?? '' };
  }
  switch (fieldPath) {
    case 'metadata.annotations':
      return { ok: true, value: formatMap(stringMap(meta.annotations)) };
    case 'metadata.labels':
      return { ok: true, value: formatMap(stringMap(meta.labels)) };
    case 'metadata.name':
    case 'metadata.namespace':
    case 'metadata.uid': {
      const v = meta[fieldPath.slice('metadata.'.length)];
      return { ok: true, value: typeof v === 'string' ? v : '' };
    }
    default:
      return { ok: false, error: `unsupported fieldPath: ${fieldPath}` };
  }
}

/** extractValueFromRollout: `spec.template.spec.containers[0].image` and the like; a leaf prints like Go's %v. */
export function rolloutJsonValue(rollout: unknown, path: string): FieldPathResult {
  let m: GoValue = fromJson(rollout);
  const invalid: FieldPathResult = { ok: false, error: `invalid path ${path} in rollout` };
  for (const section of path.split(/[.[\]]+/)) {
    if (section === '') continue;
    if (Array.isArray(m)) {
      if (!/^[+-]?\d+$/.test(section)) return { ok: false, error: `invalid index '${section}'` };
      const i = Number(section);
      if (i >= m.length || i < 0) return { ok: false, error: `index ${i} out of range` };
      m = m[i] ?? null;
    } else if (m instanceof Map) {
      m = m.get(section) ?? null;
    } else {
      return invalid;
    }
  }
  if (m === null) return invalid;
  if (Array.isArray(m) || m instanceof Map) return { ok: false, error: `path ${path} in rollout must terminate in a primitive value` };
  return { ok: true, value: formatGoValue(m) };
}

export function rolloutFieldPath(rollout: unknown, fieldPath: string): FieldPathResult {
  return fieldPath.startsWith('metadata') ? downwardApiValue(rollout, fieldPath) : rolloutJsonValue(rollout, fieldPath);
}
