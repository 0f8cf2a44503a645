// Which document of an open file a launch applies: the Rollout under the cursor, or the file's only
// Rollout when the cursor is elsewhere (the editor title button has no meaningful cursor).
import { parseDocument } from 'yaml';
import { isRecord, type JsonRecord } from '../actions/untrusted';
import { splitDocuments } from '../lint/splitDocuments';
import type { Span } from '../lint/types';

export interface ManifestDocument {
  readonly manifest: JsonRecord;
  /** Where the document is in the file, to match lint findings to it. */
  readonly span: Span;
}

export type PickedDocument = ManifestDocument | { readonly error: string };

interface Candidate extends ManifestDocument {
  readonly kind: unknown;
  readonly parseError?: string;
}

export function pickRolloutDocument(text: string, offset: number): PickedDocument {
  const docs: Candidate[] = splitDocuments(text).map((chunk) => {
    const span = { start: chunk.base, end: chunk.base + chunk.text.length };
    const doc = parseDocument(chunk.text);
    const first = doc.errors[0];
    if (first) return { manifest: {}, span, kind: undefined, parseError: first.message.split('\n')[0] ?? '' };
    const value: unknown = doc.toJS();
    const manifest = isRecord(value) ? value : {};
    return { manifest, span, kind: manifest['kind'] };
  });
  const here = docs.find((d) => offset >= d.span.start && offset < d.span.end) ?? docs[docs.length - 1];
  if (here?.parseError !== undefined) return { error: `This YAML document cannot be parsed: ${here.parseError}` };
  if (here?.kind === 'Rollout') return { manifest: here.manifest, span: here.span };
  const rollouts = docs.filter((d) => d.kind === 'Rollout');
  const only = rollouts[0];
  if (rollouts.length === 1 && only) return { manifest: only.manifest, span: only.span };
  if (rollouts.length === 0) return { error: 'This file has no Rollout to launch (kind: Rollout).' };
  return { error: `This file has ${rollouts.length} Rollouts: put the cursor inside the one to launch.` };
}
