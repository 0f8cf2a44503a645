// Kubernetes label selectors as Argo validates and evaluates `spec.selector`: the syntax checks of
// `ValidateLabelSelector`, whether `LabelSelectorAsSelector` would accept it, and matching.
import { invalid, required } from '../../rule';
import type { Path } from '../../yamlPath';
import { isQualifiedName, isValidLabelValue } from './labelValidation';
import { list, rec, type Obj } from './rolloutShape';

export interface SelectorProblem {
  readonly message: string;
  /** YAML path of the offending key or value. */
  readonly at: Path;
  readonly part: 'key' | 'value';
  readonly argoPath: string;
}

/** Label values as Go would hold them; non-string scalars (a schema error) are compared as text. */
export function labelMap(v: unknown): Record<string, string> | undefined {
  const r = rec(v);
  if (!r) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(r)) {
    if (typeof val === 'string') out[k] = val;
    else if (typeof val === 'number' || typeof val === 'boolean') out[k] = String(val);
  }
  return out;
}

/** Syntax problems of a selector (upstream `ValidateLabelSelector`), in Go's order. */
export function selectorProblems(selector: Obj, base: Path, argoBase: string): SelectorProblem[] {
  const out: SelectorProblem[] = [];
  const matchLabels = rec(selector.matchLabels);
  if (matchLabels) {
    // Upstream reports matchLabels problems at the map's path, not per key.
    const argoPath = `${argoBase}.matchLabels`;
    for (const [k, v] of Object.entries(matchLabels)) {
      for (const m of isQualifiedName(k)) out.push({ message: invalid(k, m), at: [...base, 'matchLabels', k], part: 'key', argoPath });
      if (typeof v === 'string') {
        for (const m of isValidLabelValue(v)) out.push({ message: invalid(v, m), at: [...base, 'matchLabels', k], part: 'value', argoPath });
      }
    }
  }
  const exprs = list(selector.matchExpressions);
  for (let i = 0; i < exprs.length; i++) {
    const e = rec(exprs[i]);
    if (!e) continue;
    const at: Path = [...base, 'matchExpressions', i];
    const argo = `${argoBase}.matchExpressions[${i}]`;
    const op = typeof e.operator === 'string' ? e.operator : e.operator === undefined || e.operator === null ? '' : undefined;
    const values = list(e.values);
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0) {
        out.push({ message: required("must be specified when `operator` is 'In' or 'NotIn'"), at: [...at, 'values'], part: 'key', argoPath: `${argo}.values` });
      }
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0) {
        out.push({
          message: "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          at: [...at, 'values'],
          part: 'key',
          argoPath: `${argo}.values`,
        });
      }
    } else if (op !== undefined) {
      out.push({ message: invalid(op, 'not a valid selector operator'), at: [...at, 'operator'], part: 'value', argoPath: `${argo}.operator` });
    }
    const key = typeof e.key === 'string' ? e.key : e.key === undefined || e.key === null ? '' : undefined;
    if (key !== undefined) {
      for (const m of isQualifiedName(key)) out.push({ message: invalid(key, m), at: [...at, 'key'], part: 'value', argoPath: `${argo}.key` });
    }
    for (let j = 0; j < values.length; j++) {
      const v = values[j];
      if (typeof v !== 'string') continue;
      for (const m of isValidLabelValue(v)) out.push({ message: invalid(v, m), at: [...at, 'values', j], part: 'value', argoPath: `${argo}.values[${j}]` });
    }
  }
  return out;
}

/** True when the selector has no requirement at all (upstream: selects everything). */
export function selectorIsEmpty(selector: Obj): boolean {
  const ml = rec(selector.matchLabels);
  return (ml ? Object.keys(ml).length : 0) + list(selector.matchExpressions).length === 0;
}

/** Whether a (valid, non-empty) selector selects `labels`. */
export function selectorMatches(selector: Obj, labels: Record<string, string>): boolean {
  const ml = labelMap(selector.matchLabels);
  if (ml) for (const [k, v] of Object.entries(ml)) if (labels[k] !== v) return false;
  for (const item of list(selector.matchExpressions)) {
    const e = rec(item);
    if (!e || typeof e.key !== 'string') continue;
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const value = labels[e.key];
    const values = list(e.values).map(String);
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(value ?? '')) return false;
        break;
      case 'NotIn':
        if (has && values.includes(value ?? '')) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** The selector as Go's JSON encoder prints a `*metav1.LabelSelector` (field order, sorted map keys, omitempty). */
export function selectorJson(selector: Obj): unknown {
  const out: Record<string, unknown> = {};
  const ml = labelMap(selector.matchLabels);
  if (ml && Object.keys(ml).length > 0) out.matchLabels = sortedMap(ml);
  const exprs = list(selector.matchExpressions);
  if (exprs.length > 0) {
    out.matchExpressions = exprs.map((item) => {
      const e = rec(item) ?? {};
      const values = list(e.values);
      return { key: e.key ?? '', operator: e.operator ?? '', ...(values.length > 0 ? { values } : {}) };
    });
  }
  return out;
}

export function sortedMap(m: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(m).sort()) out[k] = m[k]!;
  return out;
}
