// The sessions of `argoRollouts.contexts`: one ClusterSession pinned to each listed context, each
// with its own connection and RolloutStore (whose watches the tree holds only while it is visible).
// Empty setting: no session here, and the Rollouts view shows the current context alone as before.
import * as vscode from 'vscode';
import { contextsSetting } from '../../core/contexts/contextsSetting';
import { ClusterSession } from './clusterSession';

export function readContextsSetting(): string[] {
  return contextsSetting(vscode.workspace.getConfiguration('argoRollouts').get<unknown>('contexts'));
}

export class ContextSessions implements vscode.Disposable {
  private readonly sessions = new Map<string, ClusterSession>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the list of contexts changed (not when one of them reconnects: see each session). */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.update();
  }

  /** The listed contexts, in the setting's order. */
  get names(): string[] {
    return [...this.sessions.keys()];
  }

  get active(): boolean {
    return this.sessions.size > 0;
  }

  /** The session pinned to `context`, if the setting lists it. */
  session(context: string): ClusterSession | undefined {
    return this.sessions.get(context);
  }

  all(): ClusterSession[] {
    return [...this.sessions.values()];
  }

  /** Re-reads the setting: new contexts get a session (not started until shown), removed ones are closed. */
  update(): void {
    const wanted = readContextsSetting();
    const before = this.names.join('\n');
    for (const [name, session] of [...this.sessions]) {
      if (wanted.includes(name)) continue;
      session.dispose();
      this.sessions.delete(name);
    }
    const next = new Map<string, ClusterSession>();
    for (const name of wanted) next.set(name, this.sessions.get(name) ?? new ClusterSession(name));
    this.sessions.clear();
    for (const [name, session] of next) this.sessions.set(name, session);
    if (this.names.join('\n') !== before) this.changed.fire();
  }

  /** Retry: every started session reads the kubeconfig again and reconnects. */
  reload(): void {
    for (const session of this.sessions.values()) if (session.started) session.reload();
  }

  dispose(): void {
    for (const session of this.sessions.values()) session.dispose();
    this.sessions.clear();
    this.changed.dispose();
  }
}
