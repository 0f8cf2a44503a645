// The lint engine: keeps every file of a workspace split into documents, parses only documents whose
// text changed, caches each document's own findings, and re-runs cross-document rules only for
// documents whose looked-up objects changed. Lint never throws: a rule that crashes becomes an
// `internal-error` finding (which the fuzz test asserts never appears).
import { parseLintDoc, isRecord, type ParseResult } from './lintDoc';
import { indexedKind, MapReferenceIndex, objectKey, RecordingIndex, type IndexedKind } from './referenceIndex';
import type { Rule } from './rule';
import { splitDocuments } from './splitDocuments';
import { LINTED_KINDS, type Finding, type LintedKind } from './types';
import { formatPath } from './yamlPath';

interface DocState {
  readonly text: string;
  base: number;
  readonly parsed: ParseResult;
  readonly indexed: { kind: IndexedKind; key: string } | undefined;
  local: Finding[] | undefined;
  cross: { findings: Finding[]; deps: Set<string> } | undefined;
}

interface FileState {
  text: string;
  docs: DocState[];
}

export class LintWorkspace {
  private readonly files = new Map<string, FileState>();
  private index = new MapReferenceIndex();
  private readonly localRules: ReadonlyMap<KindKey, readonly Rule[]>;
  private readonly crossRules: ReadonlyMap<KindKey, readonly Rule[]>;

  constructor(rules: readonly Rule[]) {
    this.localRules = byKind(rules.filter((r) => !r.usesIndex));
    this.crossRules = byKind(rules.filter((r) => r.usesIndex));
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  /**
   * Sets a file's text. Returns the other files whose findings may have changed because an object
   * they reference changed (their cross-document findings are recomputed on the next lint).
   */
  setFile(file: string, text: string): string[] {
    const old = this.files.get(file);
    if (old && old.text === text) return [];
    // Reuse unchanged documents. A keystroke changes one chunk, so first try the old document at the
    // same index (counted from the start, then from the end): comparing two strings is a memcmp,
    // while a Map keyed by text hashes every chunk of the file (megabytes) on every keystroke.
    const oldDocs = old?.docs ?? [];
    const used = new Set<DocState>();
    let previous: Map<string, DocState[]> | undefined;
    const docs: DocState[] = [];
    const changedKeys = new Set<string>();
    const chunks = splitDocuments(text);
    const fromEnd = oldDocs.length - chunks.length;
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i]!;
      let reused: DocState | undefined;
      for (const candidate of [oldDocs[i], oldDocs[i + fromEnd]]) {
        if (!reused && candidate && !used.has(candidate) && candidate.text === chunk.text) reused = candidate;
      }
      if (!reused) {
        if (!previous) {
          previous = new Map();
          for (const d of oldDocs) push(previous, d.text, d);
        }
        const list = previous.get(chunk.text);
        while (list?.length && !reused) {
          const d = list.shift()!;
          if (!used.has(d)) reused = d;
        }
      }
      if (reused) {
        used.add(reused);
        reused.base = chunk.base;
        docs.push(reused);
        continue;
      }
      const state = newDocState(file, chunk.text, chunk.base);
      if (state.indexed) addKeys(changedKeys, state.indexed);
      docs.push(state);
    }
    for (const d of oldDocs) if (!used.has(d) && d.indexed) addKeys(changedKeys, d.indexed);
    this.files.set(file, { text, docs });
    return this.reindex(changedKeys, file);
  }

  removeFile(file: string): string[] {
    const old = this.files.get(file);
    if (!old) return [];
    this.files.delete(file);
    const changedKeys = new Set<string>();
    for (const d of old.docs) if (d.indexed) addKeys(changedKeys, d.indexed);
    return this.reindex(changedKeys, file);
  }

  /** All findings of a file, with spans relative to the file, sorted by position. */
  lintFile(file: string): Finding[] {
    const state = this.files.get(file);
    if (!state) return [];
    const out: Finding[] = [];
    for (const d of state.docs) {
      d.local ??= this.runLocal(d);
      if (d.cross === undefined) d.cross = this.runCross(d);
      for (const f of d.local) out.push(shift(f, d.base));
      for (const f of d.cross.findings) out.push(shift(f, d.base));
    }
    return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  }

  private reindex(changedKeys: Set<string>, changedFile: string): string[] {
    if (changedKeys.size === 0) return [];
    const index = new MapReferenceIndex();
    for (const f of this.files.values()) {
      for (const d of f.docs) {
        const v = d.parsed.doc.value;
        if (d.indexed && isRecord(v)) {
          const doc = d.parsed.doc;
          index.add(d.indexed.kind, { kind: d.indexed.kind, name: doc.name ?? '', namespace: doc.namespace, value: v, doc });
        }
      }
    }
    this.index = index;
    const affected = new Set<string>();
    for (const [path, f] of this.files) {
      for (const d of f.docs) {
        if (d.cross && intersects(d.cross.deps, changedKeys)) {
          d.cross = undefined;
          if (path !== changedFile) affected.add(path);
        }
      }
    }
    return [...affected];
  }

  private runLocal(d: DocState): Finding[] {
    const out: Finding[] = [...d.parsed.syntax];
    this.run(d, this.localRules, this.index, out);
    return out;
  }

  private runCross(d: DocState): { findings: Finding[]; deps: Set<string> } {
    const recording = new RecordingIndex(this.index);
    const findings: Finding[] = [];
    this.run(d, this.crossRules, recording, findings);
    return { findings, deps: recording.deps };
  }

  private run(d: DocState, rulesByKind: ReadonlyMap<KindKey, readonly Rule[]>, index: MapReferenceIndex | RecordingIndex, out: Finding[]): void {
    const doc = d.parsed.doc;
    const value = doc.value;
    if (doc.group !== 'argoproj.io' || !isRecord(value)) return;
    const rules = rulesByKind.get(isLintedKind(doc.kind) ? doc.kind : OTHER_KINDS);
    if (!rules) return;
    for (const rule of rules) {
      try {
        rule.check({
          doc,
          value,
          index,
          report: (r) =>
            out.push({
              rule: rule.id,
              severity: r.severity ?? rule.severity,
              message: r.message,
              path: r.argoPath ?? formatPath(r.at),
              span: r.span ?? doc.span(r.at, r.part),
              ...(r.fix ? { fix: r.fix } : {}),
            }),
        });
      } catch (e) {
        out.push({
          rule: 'internal-error',
          severity: 'warning',
          message: `Rule ${rule.id} failed on this document (${(e as Error).message}). This is a bug in the linter; the rest of the document was checked.`,
          path: '',
          span: doc.span(['kind'], 'key'),
        });
      }
    }
  }
}

/** Cheap test for "this file may hold Argo Rollouts objects" (also true when it does not parse). */
export function mentionsArgo(text: string): boolean {
  return text.includes('argoproj.io');
}

function newDocState(file: string, text: string, base: number): DocState {
  const parsed = parseLintDoc(file, text);
  const kind = indexedKind(parsed.doc);
  const name = parsed.doc.name;
  return {
    text,
    base,
    parsed,
    indexed: kind && name !== undefined ? { kind, key: objectKey(kind, name) } : undefined,
    local: undefined,
    cross: undefined,
  };
}

function addKeys(keys: Set<string>, indexed: { kind: IndexedKind; key: string }): void {
  keys.add(indexed.key);
  keys.add(objectKey(indexed.kind, '*'));
}

function shift(f: Finding, base: number): Finding {
  if (base === 0) return f;
  return {
    ...f,
    span: { start: f.span.start + base, end: f.span.end + base },
    ...(f.fix ? { fix: { title: f.fix.title, edits: f.fix.edits.map((e) => ({ start: e.start + base, end: e.end + base, newText: e.newText })) } } : {}),
  };
}

/** Rules for argoproj.io documents of any other kind (see `Rule.otherKinds`). */
const OTHER_KINDS = '*';
type KindKey = LintedKind | typeof OTHER_KINDS;

function isLintedKind(kind: string | undefined): kind is LintedKind {
  return (LINTED_KINDS as readonly (string | undefined)[]).includes(kind);
}

function byKind(rules: readonly Rule[]): Map<KindKey, Rule[]> {
  const m = new Map<KindKey, Rule[]>();
  for (const k of LINTED_KINDS) m.set(k, rules.filter((r) => r.kinds.includes(k)));
  m.set(OTHER_KINDS, rules.filter((r) => r.otherKinds));
  return m;
}

// No array copies: this runs for every document of the workspace on every indexed change.
function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const k of a) if (b.has(k)) return true;
  return false;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
