// Helpers for rule tests: lint YAML text and look at findings the way a user sees them.
import { lintFiles, lintText, type SourceFile } from '../../../src/core/lint/lint';
import type { Finding } from '../../../src/core/lint/types';

export { lintFiles, lintText };

/** Findings of one rule for a single-file text. */
export function findings(text: string, rule?: string): Finding[] {
  return lintText(text).filter((f) => rule === undefined || f.rule === rule);
}

/** Findings of one rule for `path` when linted together with other files. */
export function findingsIn(files: SourceFile[], path: string, rule?: string): Finding[] {
  return (lintFiles(files).get(path) ?? []).filter((f) => rule === undefined || f.rule === rule);
}

/** The source text a finding underlines. */
export function underlined(text: string, f: Finding): string {
  return text.slice(f.span.start, f.span.end);
}

/** Applies a finding's fix to the text. */
export function applyFix(text: string, f: Finding): string {
  if (!f.fix) throw new Error(`finding ${f.rule} has no fix`);
  const edits = [...f.fix.edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Joins YAML lines: lets tests write manifests without template-literal indentation trouble. */
export function yaml(...lines: string[]): string {
  return lines.join('\n') + '\n';
}
