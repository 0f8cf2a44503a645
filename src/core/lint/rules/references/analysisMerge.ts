// What Argo does when it builds an AnalysisRun from templates (utils/analysis: FlattenTemplates,
// MergeArgs) and the per-template checks of validation_references.go, over plain YAML values.
import type { ResolvedTemplate } from './analysisRefs';
import { dig, isRecord, list, str } from './refHelpers';

export interface Arg {
  readonly name: string;
  /** Go's *string: undefined when unset (a YAML null is unset too). */
  readonly value: string | undefined;
  readonly hasValueFrom: boolean;
}

function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function argsOf(v: unknown): Arg[] {
  const out: Arg[] = [];
  for (const a of list(v)) {
    if (!isRecord(a)) continue;
    const n = str(a.name);
    if (n === undefined) continue;
    out.push({ name: n, value: scalarText(a.value), hasValueFrom: a.valueFrom !== undefined && a.valueFrom !== null });
  }
  return out;
}

function firstDuplicate(names: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) return n;
    seen.add(n);
  }
  return undefined;
}

function metricNames(v: unknown, key: string): string[] {
  const out: string[] = [];
  for (const m of list(v)) {
    const n = str(dig(m, key));
    if (n !== undefined) out.push(n);
  }
  return out;
}

export interface Flattened {
  readonly error: string | undefined;
  readonly args: Arg[];
  readonly dryRunNames: string[];
  readonly retentionNames: string[];
}

/** FlattenTemplates: metrics, then dryRun, then measurementRetention, then args. */
export function flattenTemplates(templates: readonly ResolvedTemplate[]): Flattened {
  const metrics: string[] = [];
  const dryRunNames: string[] = [];
  const retentionNames: string[] = [];
  for (const t of templates) {
    metrics.push(...metricNames(t.spec.metrics, 'name'));
    dryRunNames.push(...metricNames(t.spec.dryRun, 'metricName'));
    retentionNames.push(...metricNames(t.spec.measurementRetention, 'metricName'));
  }
  const fail = (error: string): Flattened => ({ error, args: [], dryRunNames, retentionNames });
  const dupMetric = firstDuplicate(metrics);
  if (dupMetric !== undefined) return fail(`two metrics have the same name '${dupMetric}'`);
  const dupDry = firstDuplicate(dryRunNames);
  if (dupDry !== undefined) return fail(`two Dry-Run metric rules have the same name '${dupDry}'`);
  const dupRet = firstDuplicate(retentionNames);
  if (dupRet !== undefined) return fail(`two Measurement Retention metric rules have the same name '${dupRet}'`);
  const args: Arg[] = [];
  const byName = new Map<string, number>();
  for (const t of templates) {
    for (const a of argsOf(t.spec.args)) {
      const i = byName.get(a.name);
      if (i === undefined) {
        byName.set(a.name, args.length);
        args.push(a);
        continue;
      }
      const prev = args[i]!;
      if (prev.value !== undefined && a.value !== undefined && prev.value !== a.value) {
        return fail(`Argument \`${a.name}\` specified multiple times with different values: '${prev.value}', '${a.value}'`);
      }
      // A value beats no value.
      if (prev.value === undefined && a.value !== undefined) args[i] = a;
    }
  }
  return { error: undefined, args, dryRunNames, retentionNames };
}

/** MergeArgs: template args the caller does not supply and that have no value/valueFrom. */
export function unresolvedArgs(templateArgs: readonly Arg[], callerArgs: readonly Arg[]): string[] {
  const supplied = new Set(callerArgs.filter((a) => a.value !== undefined || a.hasValueFrom).map((a) => a.name));
  return templateArgs.filter((a) => a.value === undefined && !a.hasValueFrom && !supplied.has(a.name)).map((a) => a.name);
}

/** The step's own dryRun / measurementRetention merged with the templates' (duplicates fail). */
export function stepMergeError(flat: Flattened, stepDryRun: unknown, stepRetention: unknown): string | undefined {
  const dry = firstDuplicate([...metricNames(stepDryRun, 'metricName'), ...flat.dryRunNames]);
  if (dry !== undefined) return `two Dry-Run metric rules have the same name '${dry}'`;
  const ret = firstDuplicate([...metricNames(stepRetention, 'metricName'), ...flat.retentionNames]);
  if (ret !== undefined) return `two Measurement Retention metric rules have the same name '${ret}'`;
  return undefined;
}

const TAG = /\{\{(.*?)\}\}/g;

/** Every string of a value, depth first (Argo substitutes into the metric serialised as JSON). */
function* strings(v: unknown): Generator<string> {
  if (typeof v === 'string') yield v;
  else if (Array.isArray(v)) for (const x of v) yield* strings(x);
  else if (isRecord(v)) for (const x of Object.values(v)) yield* strings(x);
}

function substitute(s: string, values: ReadonlyMap<string, string>): string {
  return s.replace(TAG, (whole, tag: string) => values.get(tag.trim()) ?? whole);
}

/**
 * Checks of an inline / pre- / post-promotion template: args with both value and valueFrom, tags that
 * do not resolve, and metrics that never end. Returns Argo's error details (without the prefix).
 */
export function inlineTemplateErrors(t: ResolvedTemplate): string[] {
  const values = new Map<string, string>();
  for (const a of argsOf(t.spec.args)) {
    if (a.hasValueFrom && a.value !== undefined) return [`AnalysisTemplate ${t.name}: arg '${a.name}' has both Value and ValueFrom fields`];
    values.set(`args.${a.name}`, a.hasValueFrom || a.value === undefined ? 'dummy-value' : a.value);
  }
  const metrics = list(t.spec.metrics);
  for (const m of metrics) {
    // fasttemplate keeps going after a failure and Argo keeps the last error of the metric.
    let unresolved: string | undefined;
    for (const s of strings(m)) {
      for (const match of s.matchAll(TAG)) {
        const tag = match[1]!;
        if (!values.has(tag.trim())) unresolved = tag;
      }
    }
    if (unresolved !== undefined) return [`AnalysisTemplate ${t.name}: failed to resolve {{${unresolved}}}`];
  }
  const out: string[] = [];
  for (const m of metrics) {
    if (!isRecord(m)) continue;
    const count = countText(m.count, values);
    const interval = typeof m.interval === 'string' ? substitute(m.interval, values) : '';
    if (interval !== '' && (count === undefined || countValue(count) === 0)) {
      out.push(`AnalysisTemplate ${t.name} has metric ${str(m.name) ?? ''} which runs indefinitely. Invalid value for count: ${count ?? '<nil>'}`);
    }
  }
  return out;
}

function countText(v: unknown, values: ReadonlyMap<string, string>): string | undefined {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return substitute(v, values);
  return undefined;
}

/** intstr.IntValue: an int, or a string parsed as an int (0 when it does not parse). */
export function countValue(s: string): number {
  return /^[+-]?\d+$/.test(s.trim()) ? Number(s.trim()) : 0;
}

/** Background templates: args without a value must be named in `canary.analysis.args`. */
export function backgroundArgErrors(t: ResolvedTemplate, rolloutArgs: unknown): { detail: string; arg: string }[] {
  const out: { detail: string; arg: string }[] = [];
  const names = new Set(argsOf(rolloutArgs).map((a) => a.name));
  for (const a of argsOf(t.spec.args)) {
    if (a.value !== undefined || a.hasValueFrom) continue;
    if (rolloutArgs === undefined || rolloutArgs === null) out.push({ detail: 'missing analysis arguments in rollout spec', arg: a.name });
    else if (!names.has(a.name)) out.push({ detail: a.name, arg: a.name });
  }
  return out;
}
