// Rendered lint in the editor: when a Helm template, a chart's values file or Chart.yaml, or a file
// of a Kustomize folder is opened or saved, the chart is rendered (helm template) or the folder built
// (kustomize build) in a child process — debounced, the previous run cancelled when superseded, never
// per keystroke — and the findings are shown where they belong (template line, values file with a
// related location, patch or base), in their own diagnostic collection. A missing binary is one
// information message per session.
import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import { LineIndex } from '../../core/lint/lineIndex';
import type { Finding } from '../../core/lint/types';
import type { PlacedFinding } from '../../core/render/mapRendered';
import { chooseValues, describeValues, type ValuesChoice } from '../../core/render/valuesSelection';
import { pickRenderedRollout } from '../../core/render/pickRendered';
import type { ManifestDocument } from '../../core/launch/pickRolloutDocument';
import { parseLintDoc } from '../../core/lint/lintDoc';
import { splitDocuments } from '../../core/lint/splitDocuments';
import { renderAndLint, type RenderResult, type RenderTarget } from '../../render/renderedLint';
import { KUSTOMIZATION_NAMES } from '../../core/lint/template/kustomization';
import { ruleDocUri } from '../diagnostics/toDiagnostic';
import { recordRendered } from './renderedRollouts';
import type { LintController } from '../diagnostics/lintController';
import type { Logger } from '../log';

export const RENDERED_SOURCE = 'argo-rollouts (rendered)';
const DEBOUNCE_MS = 400;
const TIMEOUT_MS = 60_000;

/** What a launch from a template or an overlay applies: a Rollout of the rendered output. */
export type RenderedLaunch =
  | { readonly error: string }
  | {
      readonly picked: ManifestDocument;
      /** Findings on the rendered output (the launch is blocked by the chosen document's errors). */
      readonly findings: readonly Finding[];
      /** For the confirmation: `rendered from chart gitops-hugo (helm/stack/gitops-hugo) with values.yaml, envValues/local.yaml`. */
      readonly origin: string;
    };

export interface RenderState {
  readonly status: 'rendering' | 'linted' | 'failed' | 'missing-binary';
  readonly kind: 'helm' | 'kustomize';
  /** Helm: the values in use. */
  readonly values?: ValuesChoice;
  readonly findings?: number;
  readonly toolMs?: number;
  readonly oursMs?: number;
}

interface Target {
  /** The chart or kustomization folder (absolute). */
  readonly dir: string;
  readonly kind: 'helm' | 'kustomize';
}

export class RenderController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('argo-rollouts-rendered');
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly running = new Map<string, AbortController>();
  /** Files each target's findings were published on, so a new run replaces them. */
  private readonly filesOf = new Map<string, Set<string>>();
  /** Findings per file, merged over targets (a values file may be shared… rarely; kept per target). */
  private readonly byTarget = new Map<string, Map<string, vscode.Diagnostic[]>>();
  private readonly states = new Map<string, RenderState>();
  private readonly warned = new Set<string>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with a target folder when its state changes (CodeLens refresh, tests). */
  readonly onDidChangeState = this.changed.event;

  constructor(
    private readonly lint: LintController,
    private readonly extensionUri: vscode.Uri,
    private readonly log: Logger,
  ) {}

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const a of this.running.values()) a.abort();
    this.collection.dispose();
    this.changed.dispose();
  }

  stateOf(dir: string): RenderState | undefined {
    return this.states.get(dir);
  }

  /** The chart or kustomization folder a file belongs to, if rendering concerns it. */
  targetOf(uri: vscode.Uri): Target | undefined {
    if (uri.scheme !== 'file') return undefined;
    const role = this.lint.roles.roleOf(uri.fsPath);
    if (role.kind === 'helm-template' || role.kind === 'helm-partial') return { dir: role.chartDir.split('/').join(nodePath.sep) || nodePath.sep, kind: 'helm' };
    if (role.kind === 'kustomize-patch') return { dir: role.kustomizationDir, kind: 'kustomize' };
    const dir = nodePath.dirname(uri.fsPath);
    if (KUSTOMIZATION_NAMES.some((n) => this.exists(nodePath.join(dir, n)))) return { dir, kind: 'kustomize' };
    return undefined;
  }

  /** Renders the file's chart or folder after a short pause; a newer request replaces a pending or running one. */
  schedule(uri: vscode.Uri): void {
    if (!enabled()) return;
    const target = this.targetOf(uri);
    if (!target) return;
    // A kustomization may name remote bases (kustomize then runs git on URLs the workspace chose).
    if (target.kind === 'kustomize' && !vscode.workspace.isTrusted) return;
    const key = target.dir;
    const pending = this.timers.get(key);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.run(target).catch((e: unknown) => this.log.error(`rendering ${key}`, e));
      }, DEBOUNCE_MS),
    );
  }

  /** Renders now and resolves when the findings are published (also used by the tests). */
  async run(target: Target): Promise<RenderState | undefined> {
    const key = target.dir;
    this.running.get(key)?.abort();
    const abort = new AbortController();
    this.running.set(key, abort);
    const values = target.kind === 'helm' ? this.valuesFor(target.dir) : undefined;
    this.setState(key, { status: 'rendering', kind: target.kind, ...(values ? { values } : {}) });
    const renderTarget: RenderTarget =
      target.kind === 'helm'
        ? { kind: 'helm', chartDir: target.dir, valueFiles: values!.valueFiles, set: values!.set, setString: values!.setString, ...(values!.inlineValues ? { inlineValues: values!.inlineValues } : {}), ...(values!.releaseName ? { releaseName: values!.releaseName } : {}) }
        : { kind: 'kustomize', dir: target.dir };
    const config = vscode.workspace.getConfiguration('argoRollouts');
    const result = await renderAndLint(renderTarget, { helm: config.get<string>('helm.path') || 'helm', kustomize: config.get<string>('kustomize.path') ?? '', timeoutMs: TIMEOUT_MS }, abort.signal);
    if (abort.signal.aborted || result.kind === 'cancelled') return undefined;
    this.running.delete(key);
    const state = this.publish(key, target, result, values);
    this.setState(key, state);
    return state;
  }

  private publish(key: string, target: Target, result: Exclude<RenderResult, { kind: 'cancelled' }>, values: ValuesChoice | undefined): RenderState {
    const base = { kind: target.kind, ...(values ? { values } : {}) };
    if (result.kind === 'missing-binary') {
      this.replace(key, []);
      if (!this.warned.has(target.kind)) {
        this.warned.add(target.kind);
        const settingId = target.kind === 'helm' ? 'argoRollouts.helm.path' : 'argoRollouts.kustomize.path';
        void vscode.window.showInformationMessage(result.message, 'Set Path').then((pick) => {
          if (pick) void vscode.commands.executeCommand('workbench.action.openSettings', settingId);
        });
      }
      this.log.info(result.message);
      return { status: 'missing-binary', ...base };
    }
    this.replace(key, result.placed);
    if (result.kind === 'failed') return { status: 'failed', ...base, findings: result.placed.length };
    if (target.kind === 'helm') recordRendered(target.dir, result.rendered, (dir, source) => nodePath.join(dir, ...source.split('/')));
    this.log.info(`rendered ${key}: ${result.documents} document(s), ${result.placed.length} finding(s); ${target.kind} ${Math.round(result.toolMs)} ms, lint ${Math.round(result.oursMs)} ms`);
    return { status: 'linted', ...base, findings: result.placed.length, toolMs: result.toolMs, oursMs: result.oursMs };
  }

  /** Publishes a target's placed findings, replacing what it published before. */
  private replace(key: string, placed: readonly PlacedFinding[]): void {
    const files = new Map<string, vscode.Diagnostic[]>();
    const texts = new Map<string, LineIndex>();
    for (const p of placed) {
      if (this.isDuplicate(p)) continue;
      let lines = texts.get(p.file);
      if (!lines) texts.set(p.file, (lines = new LineIndex(this.textOf(p.file))));
      const d = this.diagnostic(p.finding, lines);
      d.relatedInformation = p.related.map((r) => {
        const rl = texts.get(r.file) ?? new LineIndex(this.textOf(r.file));
        texts.set(r.file, rl);
        return new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.file(r.file), range(r.span, rl)), r.message);
      });
      const list = files.get(p.file) ?? [];
      list.push(d);
      files.set(p.file, list);
    }
    this.byTarget.set(key, files);
    const touched = new Set([...(this.filesOf.get(key) ?? []), ...files.keys()]);
    this.filesOf.set(key, new Set(files.keys()));
    for (const file of touched) {
      const all = [...this.byTarget.values()].flatMap((m) => m.get(file) ?? []);
      this.collection.set(vscode.Uri.file(file), all);
    }
  }

  /** A rendered finding the lint-as-written already shows at the same place is not shown twice. */
  private isDuplicate(p: PlacedFinding): boolean {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === p.file);
    const shown: readonly Finding[] = doc ? this.lint.findingsFor(doc) : [];
    return shown.some((f) => f.rule === p.finding.rule && f.span.start === p.finding.span.start);
  }

  private diagnostic(f: Finding, lines: LineIndex): vscode.Diagnostic {
    const severity = f.severity === 'error' ? vscode.DiagnosticSeverity.Error : f.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
    const d = new vscode.Diagnostic(range(f.span, lines), f.message, severity);
    d.source = RENDERED_SOURCE;
    d.code = { value: f.rule, target: ruleDocUri(this.extensionUri, f.rule) };
    return d;
  }

  /** The text the spans were computed on: the saved file (rendering reads the disk). */
  private textOf(file: string): string {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  }

  private exists(file: string): boolean {
    try {
      readFileSync(file);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Renders the chart or builds the folder of `document` for a launch, and picks the Rollout it means:
   * the template's own (by its place among the template's Rollouts at `offset`), else by name, else
   * the only one. Undefined when the document is in neither a chart nor a Kustomize folder.
   */
  async renderForLaunch(document: vscode.TextDocument, offset: number): Promise<RenderedLaunch | undefined> {
    const target = this.targetOf(document.uri);
    if (!target) return undefined;
    if (target.kind === 'kustomize' && !vscode.workspace.isTrusted) return { error: 'Building a Kustomize folder needs a trusted workspace (a kustomization may fetch remote bases): trust the workspace to launch from it.' };
    if (document.isDirty) return { error: `Save ${nodePath.basename(document.uri.fsPath)} first: the ${target.kind === 'helm' ? 'chart is rendered' : 'folder is built'} from the files on disk.` };
    const config = vscode.workspace.getConfiguration('argoRollouts');
    const tools = { helm: config.get<string>('helm.path') || 'helm', kustomize: config.get<string>('kustomize.path') ?? '', timeoutMs: TIMEOUT_MS };
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(target.dir));
    const shownDir = folder ? nodePath.relative(folder.uri.fsPath, target.dir).split(nodePath.sep).join('/') || '.' : target.dir;
    if (target.kind === 'helm') {
      const values = this.valuesFor(target.dir);
      const result = await renderAndLint({ kind: 'helm', chartDir: target.dir, valueFiles: values.valueFiles, set: values.set, setString: values.setString, ...(values.inlineValues ? { inlineValues: values.inlineValues } : {}), ...(values.releaseName ? { releaseName: values.releaseName } : {}) }, tools);
      if (result.kind !== 'linted') return { error: launchError(result) };
      const rel = nodePath.relative(target.dir, document.uri.fsPath).split(nodePath.sep).join('/');
      const isTemplate = /(^|\/)templates\//.test(rel);
      const picked = pickRenderedRollout(result.rendered, isTemplate ? { source: rel, ordinal: rolloutOrdinal(document.getText(), offset) } : {});
      if ('error' in picked) return picked;
      const chartName = /^name:\s*["']?([\w.-]+)/m.exec(this.textOf(nodePath.join(target.dir, 'Chart.yaml')))?.[1] ?? nodePath.basename(target.dir);
      return { picked, findings: result.findings, origin: `rendered from chart ${chartName} (${shownDir}) with ${describeValues(values)} (values from ${values.origin})` };
    }
    const result = await renderAndLint({ kind: 'kustomize', dir: target.dir }, tools);
    if (result.kind !== 'linted') return { error: launchError(result) };
    const here = splitDocuments(document.getText()).find((c) => offset >= c.base && offset <= c.base + c.text.length);
    const name = here ? parseLintDoc(document.uri.fsPath, here.text).doc.name : undefined;
    const picked = pickRenderedRollout(result.rendered, name !== undefined ? { name } : {});
    if ('error' in picked) return picked;
    return { picked, findings: result.findings, origin: `built from ${shownDir} with kustomize` };
  }

  /** The values the chart is rendered with: the setting, else an Application of the workspace, else values.yaml. */
  valuesFor(chartDir: string): ValuesChoice {
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(chartDir));
    const rel = folder ? nodePath.relative(folder.uri.fsPath, chartDir).split(nodePath.sep).join('/') : chartDir;
    const configured = vscode.workspace.getConfiguration('argoRollouts').get<Record<string, string[]>>('helm.valueFiles') ?? {};
    return chooseValues(rel, configured, this.lint.argoCdApplications());
  }

  private setState(key: string, state: RenderState): void {
    this.states.set(key, state);
    this.changed.fire(key);
  }
}

/** Which of the template's Rollout documents holds `offset` (0 when the cursor is in none). */
function rolloutOrdinal(text: string, offset: number): number {
  let n = 0;
  for (const chunk of splitDocuments(text)) {
    const isRollout = parseLintDoc('template', chunk.text, { kind: 'helm-template', chartDir: '' }).doc.kind === 'Rollout';
    if (offset >= chunk.base && offset <= chunk.base + chunk.text.length) return isRollout ? n : 0;
    if (isRollout) n++;
  }
  return 0;
}

function launchError(result: Exclude<RenderResult, { kind: 'linted' }>): string {
  switch (result.kind) {
    case 'missing-binary':
      return result.message;
    case 'cancelled':
      return 'The rendering was cancelled; nothing was launched.';
    case 'failed':
      return `Nothing was launched: ${result.placed[0]?.finding.message ?? 'the rendering failed'}`;
  }
}

function range(span: { start: number; end: number }, lines: LineIndex): vscode.Range {
  const s = lines.position(span.start);
  const e = lines.position(span.end);
  return new vscode.Range(s.line - 1, s.column - 1, e.line - 1, e.column - 1);
}

function enabled(): boolean {
  return vscode.workspace.getConfiguration('argoRollouts').get<boolean>('lint.enable') !== false;
}
