// apimachinery's `equality.Semantic.DeepDerivative` on JSON values, which `undo` uses to decide
// that the rollout's template already matches a revision. Unset parts of `a` are not compared:
// null, "", empty maps and empty lists match any value present in `b`, and keys only in `b` are
// ignored. Lists compare `a` as a prefix of `b`, as Go's forked reflect code does.
import { isRecord } from './untrusted';

export function deepDerivative(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return true;
  if (typeof a === 'string') return a === '' || a === b;
  if (Array.isArray(a)) {
    if (a.length === 0) return true;
    if (!Array.isArray(b) || a.length > b.length) return false;
    return a.every((item, i) => deepDerivative(item, b[i]));
  }
  if (isRecord(a)) {
    const keys = Object.keys(a);
    if (keys.length === 0) return true;
    if (!isRecord(b) || keys.length > Object.keys(b).length) return false;
    // A key of `a` missing from `b` fails even when its value is null (Go's invalid map index).
    return keys.every((k) => k in b && deepDerivative(a[k], b[k]));
  }
  return a === b;
}
