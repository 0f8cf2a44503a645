// Entry points for linting whole sets of files at once (CLI, tests).
import { LintWorkspace } from './engine';
import { allRules } from './rules/allRules';
import { templateReferences } from './rules/references/templateReferences';
import type { FileRole } from './template/fileRole';
import type { Finding } from './types';

export interface SourceFile {
  readonly path: string;
  readonly text: string;
  /** A Helm template, a Kustomize patch (default: a manifest). */
  readonly role?: FileRole;
}

export function createWorkspace(): LintWorkspace {
  return new LintWorkspace(allRules, { referencesOf: templateReferences });
}

/** Lints files together, so references between them are resolved. Findings per path, in order. */
export function lintFiles(files: readonly SourceFile[]): Map<string, Finding[]> {
  const ws = createWorkspace();
  for (const f of files) ws.setFile(f.path, f.text, f.role);
  const out = new Map<string, Finding[]>();
  for (const f of files) out.set(f.path, ws.lintFile(f.path));
  return out;
}

export function lintText(text: string, path = 'input.yaml'): Finding[] {
  return lintFiles([{ path, text }]).get(path) ?? [];
}
