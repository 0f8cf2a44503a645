// `--format json`: one object, keys in a fixed order, every linted file listed.
import type { FileResult } from './lintResults';

export function formatJson(results: readonly FileResult[]): string {
  const files = results.map((r) => ({
    path: r.path,
    findings: r.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      path: f.path,
    })),
  }));
  return JSON.stringify({ files }) + '\n';
}
