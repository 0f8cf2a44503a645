// "Open template" of a metric in the panel: the AnalysisTemplate document of the workspace when the
// lint workspace knows it (the user edits the source, not the cluster's copy), else the live object
// from the cluster as read-only YAML.
import * as vscode from 'vscode';
import { stringify } from 'yaml';
import { analysisTemplateRequest } from '../../core/actions/planCreateAnalysisRun';
import { isRecord } from '../../core/actions/untrusted';
import type { IndexedKind } from '../../core/lint/referenceIndex';
import type { PanelInput } from '../../core/panel/buildPanelState';
import type { ClusterSession } from '../cluster/clusterSession';
import type { Logger } from '../log';
import { analysisTemplateRefs, metricIndex, metricOfKey, type TemplateRef } from './analysisTemplateRefs';

export const LIVE_TEMPLATE_SCHEME = 'argo-rollouts-template';

/** Where the workspace has an object; the lint controller's `locate`. */
export type LocateObject = (kind: IndexedKind, name: string, namespace: string | undefined, path?: readonly (string | number)[]) =>
  { uri: vscode.Uri; offset: number; value: Record<string, unknown> } | undefined;

/** Read-only documents of live templates (a content provider's documents cannot be edited). */
export class LiveTemplateDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '# This template is no longer loaded: open it again from the rollout panel.\n';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export interface OpenTemplateDeps {
  readonly session: ClusterSession;
  readonly locate: LocateObject;
  readonly documents: LiveTemplateDocuments;
  readonly log: Logger;
}

export function openTemplate(deps: OpenTemplateDeps): (input: PanelInput, key: string) => Promise<void> {
  return async (input, key) => {
    const metric = metricOfKey(key);
    const refs = analysisTemplateRefs(input.rollout);
    if (refs.length === 0) {
      void vscode.window.showInformationMessage(`Rollout "${input.name}" names no AnalysisTemplate.`);
      return;
    }
    if (await openInWorkspace(deps, input.namespace, refs, metric)) return;
    if (await openLive(deps, input.namespace, refs, metric)) return;
    void vscode.window.showWarningMessage(`No AnalysisTemplate of rollout "${input.name}" (${refs.map((r) => r.name).join(', ')}) was found in the workspace or the cluster.`);
  };
}

const kindOf = (r: TemplateRef): IndexedKind => (r.clusterScope ? 'ClusterAnalysisTemplate' : 'AnalysisTemplate');
const namespaceOf = (r: TemplateRef, namespace: string): string | undefined => (r.clusterScope ? undefined : namespace);

/** The template that defines the metric, else the first one the workspace has. */
async function openInWorkspace(deps: OpenTemplateDeps, namespace: string, refs: readonly TemplateRef[], metric: string): Promise<boolean> {
  let fallback: { uri: vscode.Uri; offset: number } | undefined;
  for (const r of refs) {
    const found = deps.locate(kindOf(r), r.name, namespaceOf(r, namespace));
    if (!found) continue;
    const i = metricIndex(found.value, metric);
    if (i >= 0) {
      const at = deps.locate(kindOf(r), r.name, namespaceOf(r, namespace), ['spec', 'metrics', i, 'name']) ?? found;
      await show(at.uri, at.offset);
      return true;
    }
    fallback ??= deps.locate(kindOf(r), r.name, namespaceOf(r, namespace), ['metadata', 'name']) ?? found;
  }
  if (!fallback) return false;
  await show(fallback.uri, fallback.offset);
  return true;
}

async function openLive(deps: OpenTemplateDeps, namespace: string, refs: readonly TemplateRef[], metric: string): Promise<boolean> {
  const state = deps.session.state;
  if (state.kind !== 'connected') return false;
  let fallback: { ref: TemplateRef; obj: unknown } | undefined;
  for (const r of refs) {
    const got = await state.transport.send({ method: 'GET', path: analysisTemplateRequest(namespace, r.name, r.clusterScope).path });
    if (!got.ok) {
      deps.log.warn(`panel: reading ${kindOf(r)} ${r.name}: ${got.error.message}`);
      continue;
    }
    if (metricIndex(got.value.body, metric) >= 0) return showLive(deps, namespace, r, got.value.body, metric);
    fallback ??= { ref: r, obj: got.value.body };
  }
  return fallback ? showLive(deps, namespace, fallback.ref, fallback.obj, metric) : false;
}

async function showLive(deps: OpenTemplateDeps, namespace: string, r: TemplateRef, obj: unknown, metric: string): Promise<boolean> {
  const text = stringify(withoutManagedFields(obj));
  const where = r.clusterScope ? 'cluster' : namespace;
  const uri = vscode.Uri.from({ scheme: LIVE_TEMPLATE_SCHEME, path: `/${where}/${kindOf(r)}/${r.name}.yaml` });
  deps.documents.set(uri, text);
  // The metric's `- name:` line under spec.metrics (metadata.name often has the same text).
  const lines = text.split('\n');
  const metrics = lines.findIndex((l) => /^\s*metrics:\s*$/.test(l));
  const named = new RegExp(`^\\s*-?\\s*name:\\s*["']?${escapeRegExp(metric)}["']?\\s*$`);
  const line = lines.findIndex((l, i) => i > metrics && named.test(l));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, ...(line >= 0 ? { selection: new vscode.Range(line, 0, line, 0) } : {}) });
  return true;
}

async function show(uri: vscode.Uri, offset: number): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const at = doc.positionAt(offset);
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, selection: new vscode.Range(at, at) });
}

/** managedFields is bookkeeping nobody reads a template for. */
function withoutManagedFields(obj: unknown): unknown {
  if (!isRecord(obj)) return obj;
  const meta = obj['metadata'];
  if (!isRecord(meta)) return obj;
  const { managedFields: _drop, ...rest } = meta;
  return { ...obj, metadata: rest };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
