// The Rollouts a YAML file declares, found by lines rather than a parse: it runs for every CodeLens
// request of every YAML editor, and only needs `kind: Rollout` with `metadata.name`/`namespace`.
// Pure (no `vscode`), so it is tested in plain mocha.

export interface RolloutDocumentRef {
  /** Offset of the `kind: Rollout` line (where the lens goes). */
  readonly offset: number;
  readonly name: string;
  /** undefined when the document sets none (kubectl would use the context's namespace). */
  readonly namespace: string | undefined;
}

const KIND_ROLLOUT = /^kind:[ \t]*(["']?)Rollout\1[ \t]*(#.*)?\r?$/m;
const METADATA = /^metadata:[ \t]*(#.*)?\r?$/m;
const SEPARATOR = /^---.*$/gm;

export function rolloutDocumentRefs(text: string): RolloutDocumentRef[] {
  const refs: RolloutDocumentRef[] = [];
  let start = 0;
  const bounds: [number, number][] = [];
  for (const m of text.matchAll(SEPARATOR)) {
    bounds.push([start, m.index]);
    start = m.index + m[0].length;
  }
  bounds.push([start, text.length]);
  for (const [from, to] of bounds) {
    const doc = text.slice(from, to);
    const kind = KIND_ROLLOUT.exec(doc);
    if (!kind) continue;
    const meta = metadataFields(doc);
    if (meta.name === undefined) continue;
    refs.push({ offset: from + kind.index, name: meta.name, namespace: meta.namespace });
  }
  return refs;
}

/** `name` and `namespace` among the direct children of the top-level `metadata:` block. */
function metadataFields(doc: string): { name?: string; namespace?: string } {
  const meta = METADATA.exec(doc);
  if (!meta) return {};
  const lines = doc.slice(meta.index + meta[0].length).split('\n').slice(1);
  let indent: string | undefined;
  const out: { name?: string; namespace?: string } = {};
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    if (/^\s*(#.*)?$/.test(line)) continue;
    const lead = /^[ \t]*/.exec(line)?.[0] ?? '';
    if (lead === '') break;
    indent ??= lead;
    if (lead !== indent) continue;
    const field = /^(name|namespace):[ \t]*(.*)$/.exec(line.slice(lead.length));
    if (!field) continue;
    const value = scalar(field[2] ?? '');
    if (value !== undefined && out[field[1] === 'name' ? 'name' : 'namespace'] === undefined) out[field[1] === 'name' ? 'name' : 'namespace'] = value;
  }
  return out;
}

/** A plain or quoted one-line scalar without its comment; undefined when empty or a template (`{{ }}`). */
function scalar(raw: string): string | undefined {
  const quoted = /^(["'])(.*?)\1/.exec(raw);
  const value = quoted ? (quoted[2] ?? '') : raw.replace(/[ \t]+#.*$/, '').trim();
  if (value === '' || value.includes('{{')) return undefined;
  return value;
}
