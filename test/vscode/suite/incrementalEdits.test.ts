import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { lintText } from '../../../src/core/lint/lint';
import { argoDiagnostics, waitForDiagnostics } from './helpers';

const ROLLOUT = [
  'apiVersion: argoproj.io/v1alpha1',
  'kind: Rollout',
  'metadata:',
  '  name: typed',
  'spec:',
  '  selector:',
  '    matchLabels: {app: typed}',
  '  template:',
  '    metadata:',
  '      labels: {app: typed}',
  '    spec:',
  '      containers: [{name: app, image: "app:1"}]',
  '  strategy:',
  '    canary:',
  '      steps:',
  '        - setWeight: 10',
  '        - pause: {duration: 30s}',
  '',
].join('\n');

/** What a fresh lint of the whole text reports, as "rule line:col-line:col" strings. */
function expected(doc: vscode.TextDocument): string[] {
  return lintText(doc.getText())
    .map((f) => `${f.rule} ${where(doc.positionAt(f.span.start), doc.positionAt(f.span.end))}`)
    .sort();
}

function shown(doc: vscode.TextDocument): string[] {
  return argoDiagnostics(doc.uri)
    .map((d) => `${String((d.code as { value: string }).value)} ${where(d.range.start, d.range.end)}`)
    .sort();
}

function where(a: vscode.Position, b: vscode.Position): string {
  return `${a.line + 1}:${a.character + 1}-${b.line + 1}:${b.character + 1}`;
}

describe('linting while typing', () => {
  it('shows after a burst of edits exactly what a fresh lint of the final text reports', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: ROLLOUT });
    const editor = await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(doc.uri, (ds) => ds.length === 0, 'a clean Rollout');
    // Several edits in quick succession, inside the debounce window: a multi-cursor edit (two
    // changes in one event), a deletion, and a second document appended after a `---` marker.
    const line = (text: string): number => doc.getText().split('\n').findIndex((l) => l.includes(text));
    const range = (text: string): vscode.Range => {
      const at = doc.getText().indexOf(text);
      return new vscode.Range(doc.positionAt(at), doc.positionAt(at + text.length));
    };
    await editor.edit((b) => {
      b.replace(range('10'), '150');
      b.replace(range('30s'), '1d');
    });
    await editor.edit((b) => b.delete(new vscode.Range(line('matchLabels'), 0, line('matchLabels') + 1, 0)));
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '---\napiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {name: second}\nspec: {replicas: -1}\n'));
    const want = expected(doc);
    assert.ok(want.some((w) => w.startsWith('step-set-weight-range')), `the edits produce findings: ${want.join(', ')}`);
    await waitForDiagnostics(doc.uri, () => JSON.stringify(shown(doc)) === JSON.stringify(want), `diagnostics equal to a fresh lint: ${want.join(', ')}`);
    assert.deepEqual(shown(doc), want);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
