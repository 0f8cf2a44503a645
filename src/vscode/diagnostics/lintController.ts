// Keeps ONE lint workspace in step with the editor and the disk, and publishes diagnostics.
// Editor text wins over disk: while a document is open, file-system events for it are ignored.
// Open documents are linted on open and, debounced, on change; a newer change cancels the pending
// lint. When a file's objects change, the files referencing them are re-published too.
import * as vscode from 'vscode';
import { parseAllDocuments } from 'yaml';
import { mentionsArgo, type LintWorkspace } from '../../core/lint/engine';
import { matchesAnyGlob } from '../../core/lint/globMatch';
import { LineIndex } from '../../core/lint/lineIndex';
import { isLintRelevant } from '../../core/lint/lintRelevance';
import { createWorkspace } from '../../core/lint/lint';
import { applySeverityOverrides } from '../../core/lint/severityOverrides';
import type { IndexedKind } from '../../core/lint/referenceIndex';
import type { Finding, TextEdit } from '../../core/lint/types';
import type { Path } from '../../core/lint/yamlPath';
import { MANIFEST, type FileRole } from '../../core/lint/template/fileRole';
import { FileRoles } from '../../render/fileRoles';
import type { Settings } from '../config';
import type { Logger } from '../log';
import { toDiagnostic, type PositionAt } from './toDiagnostic';

// `helm`: vscode-kubernetes-tools gives Helm templates their own language id.
const LANGUAGES: readonly string[] = ['yaml', 'json', 'jsonc', 'helm'];
const SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-remote', 'vscode-vfs'];
/** Files bigger than this are not read from disk (an open editor is still linted). */
const MAX_DISK_BYTES = 16 * 1024 * 1024;

interface Published {
  /** The document version the findings belong to; undefined for a file linted from disk. */
  readonly version: number | undefined;
  readonly findings: readonly Finding[];
}

export class LintController implements vscode.Disposable {
  private readonly ws: LintWorkspace = createWorkspace();
  private readonly collection = vscode.languages.createDiagnosticCollection('argo-rollouts');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly published = new Map<string, Published>();
  /** Document version last given to the workspace, per open document. */
  private readonly lintedVersion = new Map<string, number>();
  /** Bumped on every disk read, so that a slow read never overwrites a newer one. */
  private readonly diskGeneration = new Map<string, number>();
  /** Files holding Argo objects (what "Lint Workspace" reports on). */
  private readonly argoFiles = new Set<string>();
  /** Content changes since the document was last linted, replayed into the workspace on the next lint. */
  private readonly pendingEdits = new Map<string, { fromVersion: number; edits: TextEdit[] }>();
  /** After "Lint Workspace", closed files keep (and refresh) their diagnostics. */
  private workspaceWide = false;
  /** Helm templates and Kustomize patches, told by the Chart.yaml / kustomization.yaml files around them. */
  readonly roles = new FileRoles();

  constructor(
    private settings: Settings,
    private readonly extensionUri: vscode.Uri,
    private readonly log: Logger,
  ) {}

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.collection.dispose();
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    if (!settings.enable) this.collection.clear();
    for (const doc of vscode.workspace.textDocuments) this.lintDocument(doc);
  }

  /** Findings currently shown for a document, when they belong to its current text. */
  findingsFor(document: vscode.TextDocument): readonly Finding[] {
    const p = this.published.get(document.uri.toString());
    return p && (p.version === undefined || p.version === document.version) ? p.findings : [];
  }

  /** The workspace objects that reference `kind`/`name` (Rollouts using a template, ...), with the file (URI) each is in. */
  usersOf(kind: IndexedKind, name: string): readonly { readonly kind: string; readonly name: string; readonly value: unknown; readonly file: string }[] {
    return this.ws.usersOf(kind, name).map((o) => ({ kind: o.kind, name: o.name, value: o.value, file: o.doc.file }));
  }

  /** The file and offset where the workspace has the object `kind`/`name` (and `path` in it), if it knows it. */
  locate(kind: IndexedKind, name: string, namespace: string | undefined, path: Path = []): { uri: vscode.Uri; offset: number; value: Record<string, unknown> } | undefined {
    const found = this.ws.locate(kind, name, namespace, path);
    return found ? { uri: vscode.Uri.parse(found.file), offset: found.offset, value: found.value } : undefined;
  }

  /** The Argo CD Applications in the workspace's files (plain values), for choosing a chart's values. */
  argoCdApplications(): { file: string; value: unknown }[] {
    const out: { file: string; value: unknown }[] = [];
    for (const key of this.ws.paths()) {
      const text = this.ws.textOf(key);
      if (!text || !/kind:\s*["']?Application\b/.test(text)) continue;
      for (const doc of parseAllDocuments(text, { logLevel: 'silent' })) {
        if (doc.errors.length === 0) out.push({ file: vscode.workspace.asRelativePath(vscode.Uri.parse(key), false), value: doc.toJS() });
      }
    }
    return out;
  }

  /** True when the document's last linted text holds Argo objects. */
  /** The text the linter holds for a file (its key, a URI string): an open document's, or the file's on disk. */
  textOf(key: string): string | undefined {
    return this.ws.textOf(key);
  }

  isArgoDocument(document: vscode.TextDocument): boolean {
    return this.argoFiles.has(document.uri.toString());
  }

  isLintable(document: vscode.TextDocument): boolean {
    return LANGUAGES.includes(document.languageId) && SCHEMES.includes(document.uri.scheme) && !this.isExcluded(document.uri);
  }

  isExcluded(uri: vscode.Uri): boolean {
    return this.settings.exclude.length > 0 && matchesAnyGlob(vscode.workspace.asRelativePath(uri, false), this.settings.exclude);
  }

  /**
   * Keeps an edit's content changes, so that the next lint hands the workspace only the changed
   * ranges (re-parsing the edited document) instead of the whole text of a possibly huge file.
   */
  recordChanges(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const linted = this.lintedVersion.get(key);
    if (linted === undefined || !this.ws.has(key)) return;
    let pending = this.pendingEdits.get(key);
    if (!pending) {
      pending = { fromVersion: linted, edits: [] };
      this.pendingEdits.set(key, pending);
    }
    for (const c of e.contentChanges) pending.edits.push({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, newText: c.text });
  }

  /** Debounced lint after an edit; a newer edit replaces the pending one. */
  schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.cancel(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.lintDocument(document);
      }, this.settings.debounceMs),
    );
  }

  /** Lints an open document now, and re-publishes the files whose references it changed. */
  lintDocument(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (document.isClosed) return;
    if (!this.isLintable(document)) {
      // Excluded since it was linted (settings changed): forget it.
      if (this.lintedVersion.delete(key)) {
        this.clear(key);
        this.refresh(this.ws.removeFile(key));
      }
      return;
    }
    this.cancel(key);
    const affected = this.update(key, document);
    this.lintedVersion.set(key, document.version);
    this.publish(key, this.argoFiles.has(key), document.version, (o) => document.positionAt(o));
    this.refresh(affected);
  }

  /**
   * Brings the workspace to the document's text: by replaying the recorded changes when they
   * continue from the version last linted, else (or if the result's length disagrees with the
   * document, which should never happen) by handing over the whole text.
   */
  private update(key: string, document: vscode.TextDocument): string[] {
    const pending = this.pendingEdits.get(key);
    this.pendingEdits.delete(key);
    if (pending && this.ws.has(key) && this.lintedVersion.get(key) === pending.fromVersion) {
      const affected = this.ws.editFile(key, pending.edits);
      if (this.ws.lengthOf(key) === document.offsetAt(new vscode.Position(document.lineCount, 0))) {
        if (this.ws.fileMentionsArgo(key)) this.argoFiles.add(key);
        else this.argoFiles.delete(key);
        return affected;
      }
      this.log.warn(`replayed edits disagree with ${key}; linting its whole text`);
      return [...new Set([...affected, ...this.setText(key, document.getText())])];
    }
    return this.setText(key, document.getText());
  }

  closeDocument(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.cancel(key);
    this.lintedVersion.delete(key);
    this.pendingEdits.delete(key);
    if (!this.workspaceWide) this.clear(key);
    // The editor's text may have been discarded: the disk is the truth again.
    if (document.uri.scheme === 'untitled') this.refresh(this.ws.removeFile(key));
    else void this.loadFromDisk(document.uri);
  }

  /** Reads a file from disk into the workspace, unless an editor holds it. */
  async loadFromDisk(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    if (this.isOpen(key) || this.isExcluded(uri)) return;
    const generation = (this.diskGeneration.get(key) ?? 0) + 1;
    this.diskGeneration.set(key, generation);
    let text: string;
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.byteLength > MAX_DISK_BYTES) return;
      text = new TextDecoder().decode(bytes);
    } catch {
      this.removeFromDisk(uri);
      return;
    }
    if (this.diskGeneration.get(key) !== generation || this.isOpen(key)) return;
    const affected = this.setText(key, text);
    if (this.published.has(key) || (this.workspaceWide && mentionsArgo(text))) this.publish(key, mentionsArgo(text), undefined, positionsOf(text));
    this.refresh(affected);
  }

  removeFromDisk(uri: vscode.Uri): void {
    const key = uri.toString();
    if (this.isOpen(key)) return;
    this.diskGeneration.set(key, (this.diskGeneration.get(key) ?? 0) + 1);
    this.argoFiles.delete(key);
    this.clear(key);
    this.refresh(this.ws.removeFile(key));
  }

  /** Lints every indexed Argo file and keeps their diagnostics until the window closes. */
  async lintAll(): Promise<{ files: number; findings: number }> {
    this.workspaceWide = true;
    let findings = 0;
    const keys = [...this.argoFiles];
    for (const key of keys) {
      const doc = this.openDocument(key);
      if (doc) this.lintDocument(doc);
      else {
        const uri = vscode.Uri.parse(key);
        this.published.set(key, { version: undefined, findings: [] });
        await this.loadFromDisk(uri);
      }
      findings += this.published.get(key)?.findings.length ?? 0;
    }
    return { files: keys.length, findings };
  }

  private setText(key: string, text: string): string[] {
    const role = this.roleOf(key);
    // A Helm partial or values file is not a manifest: nothing to show, nothing to index.
    if (mentionsArgo(text) && role.kind !== 'helm-partial') this.argoFiles.add(key);
    else this.argoFiles.delete(key);
    if (!isLintRelevant(text) || role.kind === 'helm-partial') return this.ws.removeFile(key);
    return this.ws.setFile(key, text, role);
  }

  private roleOf(key: string): FileRole {
    const uri = vscode.Uri.parse(key);
    return uri.scheme === 'file' ? this.roles.roleOf(uri.fsPath) : MANIFEST;
  }

  /**
   * A Chart.yaml or kustomization.yaml changed: files around it may now be templates, patches or
   * manifests. Re-reads their roles and re-publishes what changed.
   */
  chartOrKustomizationChanged(uri: vscode.Uri): void {
    this.roles.forget(uri.fsPath);
    const changed: string[] = [];
    for (const key of this.ws.paths()) {
      const role = this.roleOf(key);
      if (JSON.stringify(role) === JSON.stringify(this.ws.roleOf(key))) continue;
      changed.push(key, ...(role.kind === 'helm-partial' ? this.ws.removeFile(key) : this.ws.setRole(key, role)));
      if (role.kind === 'helm-partial') {
        this.argoFiles.delete(key);
        this.clear(key);
      }
    }
    this.refresh([...new Set(changed)]);
  }

  private publish(key: string, argo: boolean, version: number | undefined, positionAt: PositionAt): void {
    if (!this.settings.enable || !argo) {
      this.clear(key);
      return;
    }
    const findings = applySeverityOverrides(this.ws.lintFile(key), this.settings.rules);
    this.published.set(key, { version, findings });
    this.collection.set(
      vscode.Uri.parse(key),
      findings.map((f) => toDiagnostic(f, positionAt, this.extensionUri)),
    );
  }

  /** Re-publishes files whose cross-file findings may have changed. */
  private refresh(keys: readonly string[]): void {
    for (const key of keys) {
      const doc = this.openDocument(key);
      if (doc) {
        // Up to date in the workspace: publish now; else its own pending lint will.
        if (this.lintedVersion.get(key) === doc.version) this.publish(key, this.argoFiles.has(key), doc.version, (o) => doc.positionAt(o));
        else this.schedule(doc);
      } else if (this.published.has(key)) {
        void this.loadFromDisk(vscode.Uri.parse(key)).catch((e: unknown) => this.log.error(`re-linting ${key}`, e));
      }
    }
    if (keys.length) this.log.debug(`re-published ${keys.length} referencing file(s)`);
  }

  private clear(key: string): void {
    this.published.delete(key);
    this.collection.delete(vscode.Uri.parse(key));
  }

  private cancel(key: string): void {
    const t = this.timers.get(key);
    if (t !== undefined) {
      clearTimeout(t);
      this.timers.delete(key);
    }
  }

  private openDocument(key: string): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === key);
  }

  private isOpen(key: string): boolean {
    return this.lintedVersion.has(key);
  }
}

/** Offset → Position over a text that has no TextDocument (a closed file read from disk). */
function positionsOf(text: string): PositionAt {
  const lines = new LineIndex(text);
  return (offset) => {
    const p = lines.position(offset);
    return new vscode.Position(p.line - 1, p.column - 1);
  };
}
