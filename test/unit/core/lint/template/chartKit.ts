// Lints the fixture charts and overlays of test/fixtures as the CLI and the editor do: every file
// with the role its place gives it (FileRoles), edits applied in memory so the fixtures stay clean.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { lintFiles } from '../../../../../src/core/lint/lint';
import { LineIndex } from '../../../../../src/core/lint/lineIndex';
import type { Finding } from '../../../../../src/core/lint/types';
import { FileRoles } from '../../../../../src/render/fileRoles';

export const FIXTURES = nodePath.resolve(__dirname, '../../../../fixtures');

export interface Located {
  readonly rule: string;
  readonly severity: string;
  readonly line: number;
  readonly column: number;
  /** The underlined text. */
  readonly text: string;
  readonly message: string;
}

/** Every file below `dir`, relative to it, sorted. */
export function filesBelow(dir: string): string[] {
  const out: string[] = [];
  const visit = (rel: string): void => {
    for (const name of readdirSync(nodePath.join(dir, rel)).sort()) {
      const child = rel ? `${rel}/${name}` : name;
      if (statSync(nodePath.join(dir, child)).isDirectory()) visit(child);
      else out.push(child);
    }
  };
  visit('');
  return out;
}

/**
 * Lints every file below `dir` together (`edit` may change a file's text first, by relative path).
 * Returns the findings per relative path, with 1-based lines and the underlined text.
 */
export function lintTree(dir: string, edit: (rel: string, text: string) => string = (_, t) => t): Map<string, Located[]> {
  const roles = new FileRoles();
  const files = filesBelow(dir).map((rel) => {
    const abs = nodePath.join(dir, rel);
    return { rel, path: abs, text: edit(rel, readFileSync(abs, 'utf8')), role: roles.roleOf(abs) };
  });
  const linted = lintFiles(files.filter((f) => f.role.kind !== 'helm-partial'));
  const out = new Map<string, Located[]>();
  for (const f of files) out.set(f.rel, (linted.get(f.path) ?? []).map((x) => locate(x, f.text)));
  return out;
}

export function locate(f: Finding, text: string): Located {
  const p = new LineIndex(text).position(f.span.start);
  return { rule: f.rule, severity: f.severity, line: p.line, column: p.column, text: text.slice(f.span.start, f.span.end), message: f.message };
}

/** Replaces the first occurrence of `from`, failing loudly when the fixture no longer has it. */
export function replaceOnce(text: string, from: string, to: string): string {
  const i = text.indexOf(from);
  if (i < 0) throw new Error(`fixture text not found: ${from}`);
  return text.slice(0, i) + to + text.slice(i + from.length);
}

/** The 1-based line of the first occurrence of `needle` in `text`. */
export function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not found: ${needle}`);
  return text.slice(0, i).split('\n').length;
}
