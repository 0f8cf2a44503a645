// Per-rule severity overrides from the user's settings (`argoRollouts.lint.rules`): change a rule's
// severity, or switch it off. Applied after linting, so the engine's caches stay setting-free.
import type { Finding, Severity } from './types';

export type SeverityOverride = Severity | 'off';

export type SeverityOverrides = Readonly<Record<string, SeverityOverride>>;

const VALID: readonly string[] = ['error', 'warning', 'info', 'off'];

export function isSeverityOverride(v: unknown): v is SeverityOverride {
  return typeof v === 'string' && VALID.includes(v);
}

/** Keeps only well-formed entries of a settings value (settings are user-edited JSON). */
export function parseSeverityOverrides(raw: unknown): SeverityOverrides {
  const out: Record<string, SeverityOverride> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
  for (const [id, v] of Object.entries(raw)) if (isSeverityOverride(v)) out[id] = v;
  return out;
}

export function applySeverityOverrides(findings: readonly Finding[], overrides: SeverityOverrides): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const o = Object.prototype.hasOwnProperty.call(overrides, f.rule) ? overrides[f.rule] : undefined;
    if (o === undefined) out.push(f);
    else if (o !== 'off') out.push(o === f.severity ? f : { ...f, severity: o });
  }
  return out;
}
