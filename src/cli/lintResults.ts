// Findings with 1-based line/column positions: what every output format prints.
import type { SourceFile } from '../core/lint/lint';
import { LineIndex } from '../core/lint/lineIndex';
import type { Finding, Severity } from '../core/lint/types';

export interface LocatedFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  /** Exclusive end, like VS Code and SARIF: the position just after the last underlined character. */
  readonly endLine: number;
  readonly endColumn: number;
  /** Argo's field path (or the YAML path), empty for syntax errors. */
  readonly path: string;
}

export interface FileResult {
  /** The path as given on the command line or found in a directory, or `<stdin>`. */
  readonly path: string;
  readonly findings: readonly LocatedFinding[];
}

export function locateFindings(files: readonly SourceFile[], findings: ReadonlyMap<string, readonly Finding[]>): FileResult[] {
  return files.map((file) => {
    const list = findings.get(file.path) ?? [];
    if (list.length === 0) return { path: file.path, findings: [] };
    const lines = new LineIndex(file.text);
    return { path: file.path, findings: list.map((f) => locate(f, lines, file.text.length)) };
  });
}

function locate(f: Finding, lines: LineIndex, length: number): LocatedFinding {
  // Spans are trusted to be inside the text; clamp anyway so a bad span cannot print nonsense.
  const start = Math.max(0, Math.min(f.span.start, length));
  const end = Math.max(start, Math.min(f.span.end, length));
  const s = lines.position(start);
  const e = lines.position(end);
  return { rule: f.rule, severity: f.severity, message: f.message, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, path: f.path };
}

export interface Counts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  /** Files with at least one finding. */
  readonly filesWithFindings: number;
  readonly files: number;
}

export function countFindings(results: readonly FileResult[]): Counts {
  const c = { error: 0, warning: 0, info: 0, filesWithFindings: 0, files: results.length };
  for (const r of results) {
    if (r.findings.length > 0) c.filesWithFindings++;
    for (const f of r.findings) c[f.severity]++;
  }
  return c;
}
