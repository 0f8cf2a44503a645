// The live "Rollouts" view. With `argoRollouts.contexts` empty it shows the current context (the
// session the status bar switches) as one section; with contexts listed, one section per context side
// by side as roots, each with its own session, store and watches (held only while the view is visible)
// and its own error row. The sections decide every row (contextTreeSection.ts); this class routes each
// element to its section and adds up what needs attention for the view's badge.
import * as vscode from 'vscode';
import { attentionBadge, type AttentionBadge } from '../../core/contexts/attentionBadge';
import type { ClusterSession } from '../cluster/clusterSession';
import type { ContextSessions } from '../cluster/contextSessions';
import { ContextTreeSection, type RolloutsElement } from './contextTreeSection';

export type { RolloutsElement } from './contextTreeSection';

export class RolloutsTreeProvider implements vscode.TreeDataProvider<RolloutsElement>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RolloutsElement | RolloutsElement[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly attentionChanged = new vscode.EventEmitter<void>();
  /** Fires when the badge may have changed (see badge()). */
  readonly onDidChangeAttention = this.attentionChanged.event;

  private sections: ContextTreeSection[] = [];
  private sectionSubscriptions: vscode.Disposable[] = [];
  private visible = false;
  private attentionOnly = false;
  private readOnly = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly session: ClusterSession, private readonly memento: vscode.Memento, private readonly contexts?: ContextSessions) {
    this.rebuild();
    if (contexts) this.disposables.push(contexts.onDidChange(() => this.rebuild()));
  }

  /** True when the view shows the contexts of `argoRollouts.contexts` side by side. */
  get multiContext(): boolean {
    return this.contexts?.active ?? false;
  }

  /**
   * With several contexts: how many rollouts need attention across them (as last seen while the view
   * was visible: the watches close when it hides). Undefined with one context (its namespace rows count).
   */
  badge(): AttentionBadge | undefined {
    if (!this.multiContext) return undefined;
    return attentionBadge(this.sections.map((s) => ({ context: s.section ?? '', count: s.attentionCount() })));
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    for (const s of this.sections) s.setVisible(visible);
  }

  setAttentionOnly(on: boolean): void {
    this.attentionOnly = on;
    for (const s of this.sections) s.setAttentionOnly(on);
  }

  setReadOnly(on: boolean): void {
    this.readOnly = on;
    for (const s of this.sections) s.setReadOnly(on);
  }

  isPinned(namespace: string, name: string): boolean {
    return this.sections[0]?.isPinned(namespace, name) ?? false;
  }

  /** Pins are by namespace and name, shared by every context shown. */
  async setPinned(namespace: string, name: string, pinned: boolean): Promise<void> {
    const [first, ...others] = this.sections;
    await first?.setPinned(namespace, name, pinned);
    for (const s of others) s.refreshNamespace(namespace);
  }

  namespacesChanged(): void {
    for (const s of this.sections) s.namespacesChanged();
  }

  /** Namespaces with watches held by the tree; with several contexts, as `context/namespace`. */
  heldNamespaces(): string[] {
    if (!this.multiContext) return this.sections[0]?.heldNamespaces() ?? [];
    return this.sections.flatMap((s) => s.heldNamespaces().map((ns) => `${s.section ?? ''}/${ns}`));
  }

  getTreeItem(el: RolloutsElement): vscode.TreeItem {
    return this.sectionOf(el).getTreeItem(el);
  }

  async getChildren(el?: RolloutsElement): Promise<RolloutsElement[]> {
    if (el) return this.sectionOf(el).getChildren(el);
    return this.sections.flatMap((s) => s.rootChildren());
  }

  getParent(el: RolloutsElement): RolloutsElement | undefined {
    return this.sectionOf(el).getParent(el);
  }

  /** The element of a rollout's row (of `context` when several are shown; else the first), for TreeView.reveal(). */
  rolloutElement(namespace: string, name: string, context?: string): RolloutsElement {
    const section = this.sections.find((s) => s.section === context) ?? this.sections[0];
    if (!section) throw new Error('the Rollouts view has no context');
    return section.rolloutElement(namespace, name);
  }

  dispose(): void {
    this.disposeSections();
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
    this.attentionChanged.dispose();
  }

  private sectionOf(el: RolloutsElement): ContextTreeSection {
    const section = (el.section !== undefined ? this.sections.find((s) => s.section === el.section) : undefined) ?? this.sections[0];
    if (!section) throw new Error('the Rollouts view has no context');
    return section;
  }

  /** One section per listed context (kept when still listed), or the current context's alone. */
  private rebuild(): void {
    const names = this.contexts?.active ? this.contexts.names : [undefined];
    const keep = new Map(this.sections.map((s) => [s.section, s]));
    const next = names.map((name) => {
      const kept = keep.get(name);
      if (kept && (name !== undefined ? kept.session === this.contexts?.session(name) : kept.session === this.session)) {
        keep.delete(name);
        return kept;
      }
      const session = name === undefined ? this.session : this.contexts?.session(name);
      if (!session) throw new Error(`no session for context ${name ?? ''}`);
      const section = new ContextTreeSection(session, this.memento, name);
      section.setReadOnly(this.readOnly);
      if (this.attentionOnly) section.setAttentionOnly(true);
      section.setVisible(this.visible);
      return section;
    });
    for (const gone of keep.values()) gone.dispose();
    this.sections = next;
    for (const d of this.sectionSubscriptions) d.dispose();
    this.sectionSubscriptions = next.flatMap((s) => [
      s.onDidChangeTreeData((e) => this.changed.fire(e)),
      s.onDidChangeAttention(() => this.attentionChanged.fire()),
    ]);
    this.changed.fire(undefined);
    this.attentionChanged.fire();
  }

  private disposeSections(): void {
    for (const d of this.sectionSubscriptions) d.dispose();
    this.sectionSubscriptions = [];
    for (const s of this.sections) s.dispose();
    this.sections = [];
  }
}
