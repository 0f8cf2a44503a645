// Helpers for extension-host tests: open fixtures, and wait for diagnostics by event (never sleep).
import * as vscode from 'vscode';

export const EXTENSION_ID = 'argo-rollouts-tools.argo-rollouts-vscode';
export const SOURCE = 'argo-rollouts';

export function fixture(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the fixture workspace folder open');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

export async function openFixture(relative: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixture(relative));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Our diagnostics for a document. */
export function argoDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function ruleOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c);
}

export function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  return JSON.stringify(ds.map((d) => `${ruleOf(d)}@${d.range.start.line}:${d.range.start.character} ${d.message}`));
}

/**
 * Resolves with the document's diagnostics once `ok` holds for them: at once if it already does,
 * else on the next diagnostics change that makes it true. Fails after `timeoutMs`, saying what was there.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  ok: (ds: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 15000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const now = argoDiagnostics(uri);
    if (ok(now)) {
      resolve(now);
      return;
    }
    const key = uri.toString();
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics: ${describeDiagnostics(argoDiagnostics(uri))}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === key)) return;
      const ds = argoDiagnostics(uri);
      if (!ok(ds)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(ds);
    });
  });
}

export function hasRule(rule: string): (ds: vscode.Diagnostic[]) => boolean {
  return (ds) => ds.some((d) => ruleOf(d) === rule);
}

/** Replaces the first occurrence of `from` in an open document (an in-memory edit: nothing is saved). */
export async function replaceText(doc: vscode.TextDocument, from: string, to: string, after = 0): Promise<void> {
  const at = doc.getText().indexOf(from, after);
  if (at < 0) throw new Error(`"${from}" not found in ${doc.uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + from.length)), to);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('applyEdit failed');
}
