// The two sides of the launch diff as read-only virtual documents (`argo-rollouts-live:` and
// `argo-rollouts-file:`), so vscode.diff shows the live spec against the spec after the apply without writing
// anything to disk. The text is the normalised YAML (sorted keys, defaults folded) that describeLaunch
// compares, so the diff shows what will change, not formatting.
import * as vscode from 'vscode';
import { stringify } from 'yaml';
import { at } from '../../core/actions/untrusted';
import { normalizeJson } from '../../core/launch/specDiff';

export const LIVE_SCHEME = 'argo-rollouts-live';
export const FILE_SCHEME = 'argo-rollouts-file';
const REFRESH_WAIT_MS = 1000;

export class LaunchDiffDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Opens the diff editor of a launch: live (left, empty for a new rollout) against the spec after the apply (right). */
  async show(context: string, namespace: string, name: string, live: unknown, manifest: unknown): Promise<void> {
    const path = `/${context}/${namespace}/${name}.yaml`;
    const left = vscode.Uri.from({ scheme: LIVE_SCHEME, path });
    const right = vscode.Uri.from({ scheme: FILE_SCHEME, path });
    await Promise.all([this.set(left, renderSpec(live)), this.set(right, renderSpec(manifest))]);
    await vscode.commands.executeCommand('vscode.diff', left, right, `${name}: live ↔ after apply (${context}/${namespace})`, { preview: true });
  }

  dispose(): void {
    this.changed.dispose();
  }

  /**
   * A diff of the same rollout may still be open from an earlier launch: VS Code re-reads the content
   * after onDidChange, asynchronously. Waiting for the new text (at most a second) keeps the confirmation
   * dialog from showing over the previous launch's diff.
   */
  private async set(uri: vscode.Uri, text: string): Promise<void> {
    this.texts.set(uri.toString(), text);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!open || open.getText() === text) {
      this.changed.fire(uri);
      return;
    }
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      };
      const timer = setTimeout(done, REFRESH_WAIT_MS);
      const sub = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === uri.toString() && e.document.getText() === text) done();
      });
      this.changed.fire(uri);
    });
  }
}

function renderSpec(obj: unknown): string {
  const spec = normalizeJson(at(obj, 'spec'));
  return spec === undefined ? '' : stringify({ spec }, { sortMapEntries: true });
}
