// `--format text`: one line per finding (`file:line:col severity message [rule]`, the form editors
// and terminals turn into links), then a summary line.
import type { Severity } from '../core/lint/types';
import { countFindings, type FileResult } from './lintResults';

export interface TextOptions {
  readonly color: boolean;
}

const SGR: Record<Severity | 'dim' | 'bold', string> = { error: '31', warning: '33', info: '36', dim: '2', bold: '1' };

export function formatText(results: readonly FileResult[], options: TextOptions): string {
  const paint = (style: keyof typeof SGR, s: string): string => (options.color ? `\x1b[${SGR[style]}m${s}\x1b[0m` : s);
  const out: string[] = [];
  for (const r of results) {
    for (const f of r.findings) {
      out.push(`${paint('bold', `${r.path}:${f.line}:${f.column}`)} ${paint(f.severity, f.severity)} ${oneLine(f.message)} ${paint('dim', `[${f.rule}]`)}`);
    }
  }
  out.push(summary(results));
  return out.join('\n') + '\n';
}

export function summary(results: readonly FileResult[]): string {
  const c = countFindings(results);
  if (c.error + c.warning + c.info === 0) return `No problems in ${plural(c.files, 'file')}`;
  const parts: string[] = [];
  if (c.error) parts.push(plural(c.error, 'error'));
  if (c.warning) parts.push(plural(c.warning, 'warning'));
  if (c.info) parts.push(plural(c.info, 'info'));
  return `${parts.join(', ')} in ${plural(c.filesWithFindings, 'file')} (${c.files} ${c.files === 1 ? 'file' : 'files'} checked)`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// A finding is one line of output, whatever the message holds.
function oneLine(s: string): string {
  return s.replace(/\r?\n/g, ' ');
}
