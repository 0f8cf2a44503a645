// The arguments of an AnalysisRun as the panel may show and use them. The run's spec.args already
// hold the merged values (the controller resolved podTemplateHash and fieldRef args when it built
// the run); only secretKeyRef args are still references, read by the controller at measurement
// time. The panel never reads Secrets: they are shown as Argo's mask and make a query unrunnable.
import { SECRET_MASK, substituteArgsDeep } from '../analysis/resolveArgs';
import { at, isRecord } from '../untrustedJson';

export interface RunArg {
  readonly name: string;
  /** The value as the controller will use it; SECRET_MASK for a secret; undefined when it has none. */
  readonly value: string | undefined;
  readonly secret: boolean;
}

export function runArgs(run: unknown): RunArg[] {
  const args = at(run, 'spec', 'args');
  if (!Array.isArray(args)) return [];
  return args.filter(isRecord).map((a): RunArg => {
    const name = typeof a.name === 'string' ? a.name : '';
    if (typeof a.value === 'string') return { name, value: a.value, secret: false };
    if (isRecord(at(a, 'valueFrom', 'secretKeyRef'))) return { name, value: SECRET_MASK, secret: true };
    return { name, value: undefined, secret: false };
  });
}

/**
 * The metric with the args substituted in every string (Argo substitutes the whole metric). An arg
 * without a value keeps its `{{args.x}}` tag, so the text shows what is missing and a query with
 * `{{` left is known to be unrunnable. When substitution fails (an unknown tag, no end tag) the
 * metric is kept as written rather than shown with holes.
 */
export function substitutedMetric(metric: unknown, args: readonly RunArg[]): unknown {
  const values = args.map((a) => ({ name: a.name, value: a.value ?? `{{args.${a.name}}}` }));
  const r = substituteArgsDeep(metric, values);
  return r.ok ? r.value : metric;
}

/** `prometheus`, `web`, `job`, …; for a metric plugin the plugin's name; '' when none is set. */
export function providerOf(metric: unknown): string {
  const provider = at(metric, 'provider');
  if (!isRecord(provider)) return '';
  const key = Object.keys(provider).find((k) => provider[k] !== null && provider[k] !== undefined) ?? '';
  if (key === 'plugin') {
    const plugin = provider.plugin;
    return isRecord(plugin) ? (Object.keys(plugin)[0] ?? 'plugin') : 'plugin';
  }
  return key;
}

/** The Prometheus query of a metric (already substituted), or undefined. */
export function prometheusQuery(metric: unknown): string | undefined {
  const q = at(metric, 'provider', 'prometheus', 'query');
  return typeof q === 'string' && q !== '' ? q : undefined;
}

/** The first `{{…}}` tag left in a text, e.g. `{{args.ingress}}`. */
export function unresolvedTag(text: string): string | undefined {
  return /\{\{[^}]*\}\}|\{\{.*/.exec(text)?.[0];
}

/** Names of the secret args a (not yet substituted) text refers to with `{{args.x}}`. */
export function secretArgsIn(rawText: string, args: readonly RunArg[]): string[] {
  const used = [...rawText.matchAll(/\{\{\s*args\.([^}]*?)\s*\}\}/g)].map((m) => m[1] ?? '');
  return args.filter((a) => a.secret && used.includes(a.name)).map((a) => a.name);
}
