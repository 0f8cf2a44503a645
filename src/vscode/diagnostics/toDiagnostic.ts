// Findings → VS Code diagnostics and quick-fix edits. The only place that knows both shapes.
import * as vscode from 'vscode';
import { LineIndex } from '../../core/lint/lineIndex';
import type { Finding, Severity, Span } from '../../core/lint/types';

export const DIAGNOSTIC_SOURCE = 'argo-rollouts';

/** Offsets → positions of the exact text that was linted (a TextDocument, or a file read from disk). */
export type PositionAt = (offset: number) => vscode.Position;

const SEVERITY: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toRange(span: Span, positionAt: PositionAt): vscode.Range {
  return new vscode.Range(positionAt(span.start), positionAt(span.end));
}

/** The README section explaining a rule (the README is generated with a `rule-<id>` anchor per rule). */
export function ruleDocUri(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'README.md').with({ fragment: `rule-${ruleId}` });
}

export function toDiagnostic(f: Finding, positionAt: PositionAt, extensionUri: vscode.Uri): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(f.span, positionAt), f.message, SEVERITY[f.severity]);
  d.source = DIAGNOSTIC_SOURCE;
  d.code = { value: f.rule, target: ruleDocUri(extensionUri, f.rule) };
  return d;
}

export function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== DIAGNOSTIC_SOURCE) return undefined;
  const c = d.code;
  if (typeof c === 'object' && c !== null) return String(c.value);
  return c === undefined ? undefined : String(c);
}

/**
 * A WorkspaceEdit for a finding's fix; offsets are relative to `document`'s current text, or for an
 * edit in another file (the linter's key, a URI string) to `textOf(file)`, the text the linter holds for
 * it. Undefined when such a file's text is not known.
 */
export function fixEdit(document: vscode.TextDocument, f: Finding, textOf: (file: string) => string | undefined = () => undefined): vscode.WorkspaceEdit | undefined {
  if (!f.fix) return undefined;
  const edit = new vscode.WorkspaceEdit();
  for (const e of f.fix.edits) {
    if (e.file === undefined) {
      edit.replace(document.uri, toRange(e, (o) => document.positionAt(o)), e.newText);
      continue;
    }
    const text = textOf(e.file);
    if (text === undefined) return undefined;
    const lines = new LineIndex(text);
    const positionAt = (o: number): vscode.Position => {
      const p = lines.position(o);
      return new vscode.Position(p.line - 1, p.column - 1);
    };
    edit.replace(vscode.Uri.parse(e.file), toRange(e, positionAt), e.newText);
  }
  return edit;
}
