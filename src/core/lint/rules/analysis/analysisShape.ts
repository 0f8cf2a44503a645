// Reading analysis objects (AnalysisTemplate, ClusterAnalysisTemplate, AnalysisRun) defensively:
// rules get plain JSON-like values of any shape and must never throw.
import { findTemplateTags } from '../../../expr/templateTags';
import { isRecord } from '../../lintDoc';
import type { RuleContext } from '../../rule';
import type { Span } from '../../types';
import { nodeAt, type Path } from '../../yamlPath';
import { scalarOffsets } from './scalarOffsets';

export { isRecord };

export const ANALYSIS_KINDS = ['AnalysisTemplate', 'ClusterAnalysisTemplate', 'AnalysisRun'] as const;

/** What a spec-invalid run does; appended to Argo's text after " — ". */
export const RUN_ERROR = 'an AnalysisRun with this spec goes to phase Error ("Analysis spec invalid") and aborts its rollout';

export function specOf(value: Record<string, unknown>): Record<string, unknown> | undefined {
  return isRecord(value.spec) ? value.spec : undefined;
}

export function arrayAt(obj: Record<string, unknown> | undefined, key: string): unknown[] | undefined {
  const v = obj?.[key];
  return Array.isArray(v) ? v : undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Metrics as (index, record) pairs; non-map entries are skipped (the schema rules report them). */
export function metricsOf(spec: Record<string, unknown> | undefined): { index: number; metric: Record<string, unknown> }[] {
  const out: { index: number; metric: Record<string, unknown> }[] = [];
  arrayAt(spec, 'metrics')?.forEach((m, index) => {
    if (isRecord(m)) out.push({ index, metric: m });
  });
  return out;
}

/** Template args with a literal `value` (the defaults substitution can use). */
export function argValues(spec: Record<string, unknown> | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const a of arrayAt(spec, 'args') ?? []) {
    if (!isRecord(a) || typeof a.name !== 'string') continue;
    const v = a.value;
    if (typeof v === 'string') out.set(a.name, v);
    else if (typeof v === 'number' || typeof v === 'boolean') out.set(a.name, String(v));
  }
  return out;
}

/** Names of all declared args. */
export function argNames(spec: Record<string, unknown> | undefined): Set<string> {
  const out = new Set<string>();
  for (const a of arrayAt(spec, 'args') ?? []) {
    if (isRecord(a) && typeof a.name === 'string') out.add(a.name);
  }
  return out;
}

/** Replaces `{{args.x}}` tags from `args`; undefined when a tag cannot be resolved. */
export function resolveTags(s: string, args: ReadonlyMap<string, string>): string | undefined {
  const tags = findTemplateTags(s);
  if (tags.length === 0) return s;
  let out = '';
  let last = 0;
  for (const t of tags) {
    const v = t.name.startsWith('args.') ? args.get(t.name.slice(5)) : undefined;
    if (v === undefined) return undefined;
    out += s.slice(last, t.start) + v;
    last = t.end;
  }
  return out + s.slice(last);
}

/**
 * An int-or-string field as Argo reads it (`IntOrString.IntValue()`): ints as is, strings through
 * strconv.Atoi (0 when not an integer). Undefined when absent, of an unusable type, or when it holds
 * tags that the template's own arg defaults cannot resolve (then only the run can tell).
 */
export function intOrString(v: unknown, args: ReadonlyMap<string, string>): number | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = resolveTags(v, args);
  if (s === undefined) return undefined;
  return /^[+-]?\d+$/.test(s) && Math.abs(Number(s)) < 2 ** 63 ? Number(s) : 0;
}

/**
 * The document span of [start, end) inside the string value at `path`, through YAML quoting and
 * folding; the whole value when the exact place cannot be mapped.
 */
export function spanInValue(ctx: RuleContext, path: Path, start: number, end: number): Span {
  const node = nodeAt(ctx.doc.yaml, path);
  const offsets = scalarOffsets(node, ctx.doc.text);
  if (!offsets) return ctx.doc.span(path, 'value');
  return offsets.map(start, end) ?? offsets.whole;
}

/** Like spanInValue, but undefined when the value's source cannot be mapped exactly (an edit needs the exact text). */
export function exactSpanInValue(ctx: RuleContext, path: Path, start: number, end: number): Span | undefined {
  return scalarOffsets(nodeAt(ctx.doc.yaml, path), ctx.doc.text)?.map(start, end);
}

/** Every string under `value` with its path (Argo substitutes args into the metric serialized as JSON). */
export function collectStrings(value: unknown, path: Path, out: { path: Path; value: string }[]): void {
  if (typeof value === 'string') out.push({ path, value });
  else if (Array.isArray(value)) value.forEach((v, i) => collectStrings(v, [...path, i], out));
  else if (isRecord(value)) for (const [k, v] of Object.entries(value)) collectStrings(v, [...path, k], out);
}
