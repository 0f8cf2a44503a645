// The Rollouts each Helm template printed in its chart's last rendering, by rendered name: the Open
// panel CodeLens shows above a template whose rendered Rollout is live (a templated name is only
// known once rendered). Filled by the RenderController, read by the panel's CodeLens.
import * as vscode from 'vscode';
import { parseDocument } from 'yaml';
import { isRecord } from '../../core/untrustedJson';
import { plainValue } from '../../core/render/mapRendered';
import { renderedDocs } from '../../core/render/renderedDocs';

export interface RenderedRollout {
  /** The rendered name and namespace (undefined: the current namespace). */
  readonly name: string;
  readonly namespace: string | undefined;
  /** Which of the template's `kind: Rollout` documents printed it (0: the first). */
  readonly ordinal: number;
}

const byTemplate = new Map<string, RenderedRollout[]>();
const changed = new vscode.EventEmitter<void>();
export const onDidChangeRenderedRollouts = changed.event;

/** Records a chart's rendering: the Rollouts of each template (by its path relative to the chart). */
export function recordRendered(chartDir: string, rendered: string, toPath: (chartDir: string, source: string) => string): void {
  for (const key of [...byTemplate.keys()]) if (key.startsWith(chartDir)) byTemplate.delete(key);
  const counts = new Map<string, number>();
  for (const d of renderedDocs(rendered)) {
    if (d.source === undefined) continue;
    const doc = parseDocument(d.text, { logLevel: 'silent' });
    const value: unknown = doc.errors.length ? undefined : plainValue(doc);
    if (!isRecord(value) || value.kind !== 'Rollout' || !isRecord(value.metadata) || typeof value.metadata.name !== 'string') continue;
    const file = toPath(chartDir, d.source);
    const ordinal = counts.get(file) ?? 0;
    counts.set(file, ordinal + 1);
    const namespace = typeof value.metadata.namespace === 'string' ? value.metadata.namespace : undefined;
    byTemplate.set(file, [...(byTemplate.get(file) ?? []), { name: value.metadata.name, namespace, ordinal }]);
  }
  changed.fire();
}

/** The rendered Rollouts of a template, with the offset of the template's `kind: Rollout` line that printed each. */
export function renderedRolloutRefs(uri: vscode.Uri, text: string): { offset: number; name: string; namespace: string | undefined }[] {
  const rollouts = uri.scheme === 'file' ? byTemplate.get(uri.fsPath) : undefined;
  if (!rollouts?.length) return [];
  const kinds = [...text.matchAll(/^kind:[ \t]*(["']?)Rollout\1[ \t]*(#.*)?\r?$/gm)].map((m) => m.index);
  return rollouts.flatMap((r) => {
    const offset = kinds[Math.min(r.ordinal, kinds.length - 1)];
    return offset === undefined ? [] : [{ offset, name: r.name, namespace: r.namespace }];
  });
}
