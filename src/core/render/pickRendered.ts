// Which Rollout of a rendered chart or built overlay a launch applies: the one the template under
// the cursor printed (its `# Source:` and its place among that template's Rollouts), or the one
// named like the Rollout of the patch or base being edited, or the only one.
import { parseDocument } from 'yaml';
import { isRecord } from '../untrustedJson';
import type { ManifestDocument } from '../launch/pickRolloutDocument';
import { plainValue } from './mapRendered';
import { renderedDocs } from './renderedDocs';

export interface RenderedChoice {
  /** The template (relative to the chart folder) whose Rollout is meant. */
  readonly source?: string;
  /** Which of that template's Rollouts (0: the first). */
  readonly ordinal?: number;
  /** The Rollout's name as written (kustomize may add a prefix or suffix). */
  readonly name?: string;
}

export function pickRenderedRollout(rendered: string, choice: RenderedChoice): ManifestDocument | { readonly error: string } {
  const rollouts = renderedDocs(rendered).flatMap((d) => {
    const doc = parseDocument(d.text, { logLevel: 'silent' });
    const value: unknown = doc.errors.length ? undefined : plainValue(doc);
    if (!isRecord(value) || value.kind !== 'Rollout') return [];
    const meta = isRecord(value.metadata) ? value.metadata : {};
    return [{ manifest: value, span: { start: d.base, end: d.base + d.text.length }, source: d.source, name: typeof meta.name === 'string' ? meta.name : '' }];
  });
  if (rollouts.length === 0) return { error: 'The rendered output has no Rollout to launch.' };
  let candidates = choice.source !== undefined ? rollouts.filter((r) => r.source === choice.source) : rollouts;
  if (choice.name !== undefined) {
    const name = choice.name;
    const named = candidates.filter((r) => r.name === name || r.name.startsWith(`${name}-`) || r.name.endsWith(`-${name}`));
    if (named.length) candidates = named;
  }
  const picked = candidates[Math.min(choice.ordinal ?? 0, candidates.length - 1)];
  if (!picked) return { error: `The rendered output has no Rollout from ${choice.source ?? 'this file'}.` };
  if (candidates.length > 1 && choice.ordinal === undefined) {
    return { error: `The rendered output has ${candidates.length} Rollouts (${candidates.map((c) => c.name).join(', ')}): open the template or patch of the one to launch.` };
  }
  return { manifest: picked.manifest, span: picked.span };
}
