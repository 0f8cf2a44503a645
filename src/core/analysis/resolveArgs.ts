// Analysis arguments as Argo resolves them (§5.1): the Rollout-side args are turned into plain values
// first (BuildArgumentsForRolloutAnalysisRun: podTemplateHashValue, fieldRef), then merged over the
// template's args (MergeArgs: only names the template declares; a caller value beats the default),
// then secrets are filled in at measurement time — here a mask, the panel never reads Secrets.
import { goQuote } from '../expr/goValue';
import { isRecord } from '../lint/lintDoc';
import { rolloutFieldPath } from './rolloutFieldPath';

/** Argo's mask for secret values in messages and logs. */
export const SECRET_MASK = '*****';

export type ArgSource = 'template' | 'caller' | 'podTemplateHash' | 'fieldRef' | 'secret' | 'none';

export interface ResolvedArg {
  readonly name: string;
  /** undefined: no value (a template valueFrom Argo cannot fill in), which substitution reports. */
  readonly value: string | undefined;
  readonly source: ArgSource;
  /** For the UI: where the value came from, e.g. `status.stableRS`, `spec.template.spec.containers[0].image`, `secret db/password`. */
  readonly from?: string;
}

export type ResolveArgsResult = { ok: true; args: ResolvedArg[] } | { ok: false; error: string; args: ResolvedArg[] };

export interface RolloutContext {
  /** The Rollout object as read from the cluster (untrusted). */
  readonly rollout?: unknown;
  /** Override the hashes otherwise read from `status.stableRS` / `status.currentPodHash`. */
  readonly stablePodHash?: string;
  readonly latestPodHash?: string;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function entries(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

function status(ctx: RolloutContext, key: string): string {
  const st = isRecord(ctx.rollout) && isRecord(ctx.rollout.status) ? ctx.rollout.status : {};
  return str(st[key]) ?? '';
}

/** BuildArgumentsForRolloutAnalysisRun: every caller arg ends up with a (possibly empty) value. */
function callerValues(callerArgs: unknown, ctx: RolloutContext): { args: ResolvedArg[]; error?: string } {
  const out: ResolvedArg[] = [];
  let error: string | undefined;
  for (const a of entries(callerArgs)) {
    const name = str(a.name) ?? '';
    const vf = isRecord(a.valueFrom) ? a.valueFrom : undefined;
    const hash = vf ? str(vf.podTemplateHashValue) : undefined;
    const fieldPath = vf && isRecord(vf.fieldRef) ? (str(vf.fieldRef.fieldPath) ?? '') : undefined;
    if (vf && vf.podTemplateHashValue !== undefined && vf.podTemplateHashValue !== null) {
      if (hash === 'Latest') out.push({ name, value: ctx.latestPodHash ?? status(ctx, 'currentPodHash'), source: 'podTemplateHash', from: 'status.currentPodHash' });
      else if (hash === 'Stable') out.push({ name, value: ctx.stablePodHash ?? status(ctx, 'stableRS'), source: 'podTemplateHash', from: 'status.stableRS' });
      else out.push({ name, value: str(a.value) ?? '', source: 'caller' });
    } else if (fieldPath !== undefined) {
      const r = rolloutFieldPath(ctx.rollout, fieldPath);
      // A metadata path fails at once; a JSON path leaves an empty value and the error of the last such arg.
      if (!r.ok && fieldPath.startsWith('metadata')) return { args: out, error: r.error };
      if (!fieldPath.startsWith('metadata')) error = r.ok ? undefined : r.error;
      out.push({ name, value: r.ok ? r.value : '', source: 'fieldRef', from: fieldPath });
    } else {
      out.push({ name, value: str(a.value) ?? '', source: 'caller' });
    }
  }
  return error === undefined ? { args: out } : { args: out, error };
}

/**
 * Resolves the args a run will use: template defaults, overridden by the caller (rollout step,
 * background analysis, pre/post promotion), with the Rollout's own values filled in.
 */
export function resolveArgs(templateArgs: unknown, callerArgs: unknown, ctx: RolloutContext = {}): ResolveArgsResult {
  const caller = callerValues(callerArgs, ctx);
  const merged: ResolvedArg[] = [];
  let unresolved: string | undefined;
  for (const t of entries(templateArgs)) {
    const name = str(t.name) ?? '';
    const vf = isRecord(t.valueFrom) ? t.valueFrom : undefined;
    const incoming = caller.args.find((c) => c.name === name);
    const secret = vf && isRecord(vf.secretKeyRef) ? vf.secretKeyRef : undefined;
    if (incoming) merged.push(incoming);
    else if (typeof t.value === 'string') merged.push({ name, value: t.value, source: 'template' });
    else if (secret) merged.push({ name, value: SECRET_MASK, source: 'secret', from: `secret ${str(secret.name) ?? ''}/${str(secret.key) ?? ''}` });
    else {
      if (!vf) unresolved ??= name;
      merged.push({ name, value: undefined, source: 'none' });
    }
  }
  if (caller.error !== undefined) return { ok: false, error: caller.error, args: merged };
  if (unresolved !== undefined) return { ok: false, error: `args.${unresolved} was not resolved`, args: merged };
  return { ok: true, args: merged };
}

export type SubstituteResult = { ok: true; text: string } | { ok: false; error: string; text: string };

/**
 * Argo's template.ResolveArgs on one string: `{{ args.x }}` (spaces trimmed) becomes the value. Every
 * arg must have a value, even unused ones; an unknown tag is replaced by nothing and reported (the last
 * one wins, as in Argo). Values are inserted as-is: Argo JSON-escapes them into the serialized metric
 * and decodes it again, so the net text is the raw value.
 */
export function substituteArgs(text: string, args: readonly { readonly name: string; readonly value: string | undefined }[]): SubstituteResult {
  const missing = args.find((a) => a.value === undefined);
  if (missing) return { ok: false, error: `argument "${missing.name}" was not supplied`, text };
  const values = new Map(args.map((a) => [`args.${a.name}`, a.value ?? '']));
  let out = '';
  let error: string | undefined;
  let i = 0;
  for (;;) {
    const open = text.indexOf('{{', i);
    if (open < 0) break;
    const close = text.indexOf('}}', open + 2);
    if (close < 0) {
      // fasttemplate refuses the whole template (Argo reports it for the serialized metric).
      return { ok: false, error: `Cannot find end tag="}}" in the template=${goQuote(text)} starting from ${goQuote(text.slice(open + 2))}`, text };
    }
    const tag = text.slice(open + 2, close);
    const value = values.get(tag.trim());
    if (value === undefined) error = `failed to resolve {{${tag}}}`;
    out += text.slice(i, open) + (value ?? '');
    i = close + 2;
  }
  out += text.slice(i);
  return error === undefined ? { ok: true, text: out } : { ok: false, error, text: out };
}

/** Substitutes args in every string of a metric (Argo substitutes the whole metric as JSON). */
export function substituteArgsDeep(value: unknown, args: readonly { readonly name: string; readonly value: string | undefined }[]): { ok: true; value: unknown } | { ok: false; error: string; value: unknown } {
  let error: string | undefined;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const r = substituteArgs(v, args);
      if (!r.ok) error = r.error;
      return r.text;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const out = walk(value);
  return error === undefined ? { ok: true, value: out } : { ok: false, error, value: out };
}
