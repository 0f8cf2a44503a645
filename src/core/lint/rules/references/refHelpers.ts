// Small readers for the reference rules: type guards over plain YAML values, the Rollout's
// strategy sections, and the "is this object in the workspace or only in the cluster" severity rule.
import { asRecord, isRecord } from '../../../untrustedJson';
import type { IndexedKind, IndexedObject, ReferenceIndex } from '../../referenceIndex';
import type { RuleContext, RuleFix } from '../../rule';
import type { Severity } from '../../types';
import type { Path } from '../../yamlPath';

export { isRecord };

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A non-empty string, the way Go treats `""` as "not set". */
export function name(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export const rec = asRecord;

export function list(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Reads nested maps; undefined as soon as a step is not a map. */
export function dig(v: unknown, ...keys: string[]): unknown {
  let cur = v;
  for (const k of keys) {
    if (!isRecord(cur)) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** A map of string labels (non-string values are ignored, like a failed Go decode would be). */
export function labels(v: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (!isRecord(v)) return out;
  for (const [k, val] of Object.entries(v)) {
    if (typeof val === 'string') out.set(k, val);
    else if (typeof val === 'number' || typeof val === 'boolean') out.set(k, String(val));
  }
  return out;
}

export interface Strategy {
  readonly canary: Record<string, unknown> | undefined;
  readonly blueGreen: Record<string, unknown> | undefined;
}

export function strategyOf(rollout: Record<string, unknown>): Strategy {
  const s = dig(rollout, 'spec', 'strategy');
  return { canary: rec(dig(s, 'canary')), blueGreen: rec(dig(s, 'blueGreen')) };
}

export function trafficRouting(rollout: Record<string, unknown>): Record<string, unknown> | undefined {
  return rec(dig(strategyOf(rollout).canary, 'trafficRouting'));
}

/** The Rollout's namespace (undefined matches any namespace in the index). */
export function namespaceOf(ctx: RuleContext): string | undefined {
  return ctx.doc.namespace;
}

function dirOf(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return i < 0 ? '' : file.slice(0, i);
}

export const CLUSTER_ONLY_SUFFIX = ' — not found in the workspace; if it exists only in the cluster, ignore this';

/**
 * How sure we are that a missing object is really missing. The workspace "clearly holds the app's
 * manifests" of a kind when another object of that kind this Rollout references was found, or when
 * the Rollout's own file or folder holds objects of that kind: then a missing one is an error.
 * Otherwise the object may live only in the cluster (or another repository), so it is a warning.
 */
export function missingSeverity(ctx: RuleContext, kind: IndexedKind, siblingFound: boolean): Severity {
  if (siblingFound) return 'error';
  const dir = dirOf(ctx.doc.file);
  const near = ctx.index.all(kind).some((o) => o.doc.file === ctx.doc.file || dirOf(o.doc.file) === dir);
  return near ? 'error' : 'warning';
}

export interface MissingRef {
  readonly at: Path;
  readonly argoPath: string;
  readonly message: string;
  /** Creates the missing object, when that is unambiguous. */
  readonly fix?: RuleFix;
}

/** Reports each missing reference with the severity `missingSeverity` gives for its kind. */
export function reportMissing(ctx: RuleContext, kind: IndexedKind, missing: readonly MissingRef[], siblingFound: boolean): void {
  if (missing.length === 0) return;
  const severity = missingSeverity(ctx, kind, siblingFound);
  for (const m of missing) {
    ctx.report({
      message: severity === 'error' ? m.message : m.message + CLUSTER_ONLY_SUFFIX,
      at: m.at,
      argoPath: m.argoPath,
      severity,
      ...(m.fix ? { fix: m.fix } : {}),
    });
  }
}

/** Looks an object up in the Rollout's namespace. */
export function findIn(index: ReferenceIndex, kind: IndexedKind, objName: string, namespace: string | undefined): IndexedObject | undefined {
  return index.find(kind, objName, namespace);
}

/** Go's `%s` of a []string: `[a b]`. */
export function goList(items: readonly string[]): string {
  return `[${items.join(' ')}]`;
}

/** Levenshtein distance, bounded: small names only, so quadratic is fine. */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
