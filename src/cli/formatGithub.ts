// `--format github`: GitHub Actions workflow commands, which the runner turns into annotations on
// the pull request. Escaping follows @actions/core: data escapes % CR LF; properties also : and ,.
import type { Severity } from '../core/lint/types';
import type { FileResult } from './lintResults';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function formatGithub(results: readonly FileResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      const props: [string, string | number][] = [
        ['file', r.path],
        ['line', f.line],
      ];
      // GitHub only honours columns for annotations on a single line.
      if (f.endLine === f.line) props.push(['col', f.column], ['endLine', f.endLine], ['endColumn', f.endColumn]);
      else props.push(['endLine', f.endLine]);
      props.push(['title', f.rule]);
      const p = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
      out.push(`::${COMMAND[f.severity]} ${p}::${escapeData(f.message)}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
