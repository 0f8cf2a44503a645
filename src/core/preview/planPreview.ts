// The query a "Preview query" runs: the template's query with its args resolved as the run created
// by a Rollout that uses it would resolve them (§5.1), and the values the user typed for what the
// workspace cannot know (a pod-template hash before the rollout exists, a secret, an arg nobody sets).
import { resolveArgs, substituteArgs, type ResolvedArg } from '../analysis/resolveArgs';
import type { TemplateMetric } from './templateMetrics';

export interface PreviewCall {
  readonly rolloutName: string;
  readonly rollout: unknown;
  /** The file the Rollout is written in (a URI string in the editor), when known. */
  readonly file?: string;
  /** `background analysis`, `step 3 analysis`, ... */
  readonly where: string;
  readonly args: readonly unknown[];
}

export type PreviewPlan =
  | { readonly ok: true; readonly query: string; readonly address: string | undefined; readonly args: readonly ResolvedArg[]; readonly argsFrom: string }
  /** `missing` are the args to ask the user for, in template order. */
  | { readonly ok: false; readonly missing: readonly string[]; readonly error: string };

/** Args whose value a preview cannot take from the manifest: unset, a secret, or a pod hash of a rollout not yet running. */
function needsInput(a: ResolvedArg): boolean {
  return a.value === undefined || a.source === 'secret' || (a.source === 'podTemplateHash' && a.value === '') || (a.source === 'fieldRef' && a.value === '');
}

export function planPreview(metric: TemplateMetric, call: PreviewCall | undefined, typed: Readonly<Record<string, string>>): PreviewPlan {
  if (metric.query === '') return { ok: false, missing: [], error: `Metric "${metric.metricName}" has no Prometheus query to preview.` };
  const resolved = resolveArgs(metric.templateArgs, call?.args ?? [], { rollout: call?.rollout });
  const args = resolved.args.map((a): ResolvedArg => {
    const value = typed[a.name];
    return needsInput(a) && value !== undefined ? { name: a.name, value, source: 'caller', from: 'typed for this preview' } : a;
  });
  const missing = args.filter(needsInput).map((a) => a.name);
  if (missing.length > 0) return { ok: false, missing, error: `Values needed for ${missing.map((m) => `args.${m}`).join(', ')}.` };
  const query = substituteArgs(metric.query, args);
  if (!query.ok) return { ok: false, missing: [], error: `The query cannot be resolved: ${query.error}.` };
  const address = metric.address === undefined ? undefined : substituteArgs(metric.address, args);
  if (address && !address.ok) return { ok: false, missing: [], error: `The address cannot be resolved: ${address.error}.` };
  const argsFrom = call ? `args of ${call.where} in Rollout ${call.rolloutName}` : 'template defaults';
  return { ok: true, query: query.text, address: address?.text, args, argsFrom };
}
