// "▶ Launch canary in <context>/<namespace>" above each `kind: Rollout` line, and the context key
// `argoRollouts.rolloutDocument` the editor title button's `when` reads. Both use a line match, not a
// parse: they run on every YAML edit, and the command itself picks and validates the document.
import * as vscode from 'vscode';
import type { ClusterSession } from '../cluster/clusterSession';
import { commandIds } from '../commandIds';

// A fresh RegExp per use: a shared global one carries lastIndex from one call to the next (matchAll
// copies it), and lenses went missing after the context key's check.
const KIND_ROLLOUT_SOURCE = /^kind:[ \t]*(["']?)Rollout\1[ \t]*(#.*)?$/.source;
export const ROLLOUT_DOCUMENT_KEY = 'argoRollouts.rolloutDocument';

export function hasRolloutKind(text: string): boolean {
  return new RegExp(KIND_ROLLOUT_SOURCE, 'm').test(text);
}

export class LaunchCodeLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly session: ClusterSession) {
    // The title names the context and namespace: a switch must retitle every lens.
    this.subscription = session.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const text = document.getText();
    const title = `▶ Launch canary in ${this.target()}`;
    const lenses: vscode.CodeLens[] = [];
    for (const m of text.matchAll(new RegExp(KIND_ROLLOUT_SOURCE, 'gm'))) {
      const range = document.lineAt(document.positionAt(m.index).line).range;
      lenses.push(new vscode.CodeLens(range, { title, command: commandIds.launchCanary, arguments: [document.uri, m.index] }));
    }
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  /** Not connecting just to title a lens: until the cluster view or a command has started the session, "current context". */
  private target(): string {
    const contexts = this.session.contexts();
    return contexts ? `${contexts.currentContext}/${contexts.currentNamespace}` : 'current context';
  }
}
