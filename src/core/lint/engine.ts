// The lint engine: keeps every file of a workspace split into documents, parses only documents whose
// text changed, caches each document's own findings, and re-runs cross-document rules only for
// documents whose looked-up objects changed. Lint never throws: a rule that crashes becomes an
// `internal-error` finding (which the fuzz test asserts never appears).
import { parseLintDoc, isRecord, type LintDoc, type ParseResult } from './lintDoc';
import { indexedKind, MapReferenceIndex, objectKey, RecordingIndex, usersKey, type IndexedKind, type IndexedObject, type ReferenceExtractor } from './referenceIndex';
import type { Rule, RuleEdit } from './rule';
import { splitDocuments } from './splitDocuments';
import { MANIFEST, type FileRole } from './template/fileRole';
import { LINTED_KINDS, type Finding, type LintedKind, type TextEdit } from './types';
import { formatPath, type Path } from './yamlPath';

interface Indexed {
  readonly obj: IndexedObject;
  /** Keys of the objects this one references (for `usersOf`). */
  readonly refs: readonly string[];
}

interface DocState {
  readonly text: string;
  base: number;
  /** The document mentions argoproj.io (kept so a big file is never scanned again on an edit). */
  readonly argo: boolean;
  readonly parsed: ParseResult;
  readonly indexed: Indexed | undefined;
  local: Finding[] | undefined;
  cross: { findings: Finding[]; deps: Set<string> } | undefined;
}

interface FileState {
  /** The file's text, joined from its documents when asked for (edits do not rebuild it). */
  text: string | undefined;
  docs: DocState[];
  role: FileRole;
}

export interface WorkspaceOptions {
  /** What indexed objects reference, so `usersOf` lookups work (see `ReferenceExtractor`). */
  readonly referencesOf?: ReferenceExtractor;
}

export class LintWorkspace {
  private readonly files = new Map<string, FileState>();
  private readonly index = new MapReferenceIndex();
  /** Dependency key → the documents whose cached cross-document findings looked it up. */
  private readonly dependents = new Map<string, Set<DocState>>();
  /** Document → its file, for the documents in `dependents`. */
  private readonly fileOf = new WeakMap<DocState, string>();
  private readonly localRules: ReadonlyMap<KindKey, readonly Rule[]>;
  private readonly crossRules: ReadonlyMap<KindKey, readonly Rule[]>;
  private readonly referencesOf: ReferenceExtractor;

  constructor(rules: readonly Rule[], options: WorkspaceOptions = {}) {
    this.localRules = byKind(rules.filter((r) => !r.usesIndex));
    this.crossRules = byKind(rules.filter((r) => r.usesIndex));
    this.referencesOf = options.referencesOf ?? (() => []);
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  paths(): string[] {
    return [...this.files.keys()];
  }

  /** Whether the file's text mentions argoproj.io, without scanning the text. */
  fileMentionsArgo(file: string): boolean {
    return this.files.get(file)?.docs.some((d) => d.argo) ?? false;
  }

  /**
   * Where the indexed object `kind`/`name` is written: its file and the offset of `path` in it (of the
   * document's text, its `---` line included, when the path is empty). The rollout panel opens an
   * AnalysisTemplate from here.
   */
  locate(kind: IndexedKind, name: string, namespace: string | undefined, path: Path = []): { file: string; offset: number; value: Record<string, unknown> } | undefined {
    const obj = this.index.find(kind, name, namespace);
    if (!obj) return undefined;
    const state = this.files.get(obj.doc.file)?.docs.find((d) => d.indexed?.obj === obj);
    if (!state) return undefined;
    const within = path.length === 0 ? 0 : obj.doc.span(path).start;
    return { file: obj.doc.file, offset: state.base + within, value: obj.value };
  }

  /** The workspace objects that reference `kind`/`name`, e.g. the Rollouts using an AnalysisTemplate. */
  usersOf(kind: IndexedKind, name: string): readonly IndexedObject[] {
    return this.index.usersOf(kind, name);
  }

  /** What the workspace takes a file for (a manifest unless told otherwise). */
  roleOf(file: string): FileRole {
    return this.files.get(file)?.role ?? MANIFEST;
  }

  /** Changes what a file is (a Chart.yaml appeared above it, a kustomization names it): parses it again. */
  setRole(file: string, role: FileRole): string[] {
    const text = this.textOf(file);
    return text === undefined ? [] : this.setFile(file, text, role);
  }

  /** The length of the text the workspace holds for a file (0 when it holds none). */
  lengthOf(file: string): number {
    const last = this.files.get(file)?.docs.at(-1);
    return last ? last.base + last.text.length : 0;
  }

  /** The text the workspace holds for a file. */
  textOf(file: string): string | undefined {
    const state = this.files.get(file);
    if (!state) return undefined;
    state.text ??= state.docs.map((d) => d.text).join('');
    return state.text;
  }

  /**
   * Sets a file's text. Returns the other files whose findings may have changed because an object
   * they reference changed (their cross-document findings are recomputed on the next lint).
   */
  setFile(file: string, text: string, role: FileRole = this.files.get(file)?.role ?? MANIFEST): string[] {
    const old = this.files.get(file);
    const sameRole = old !== undefined && sameFileRole(old.role, role);
    if (old && sameRole && this.textOf(file) === text) return [];
    const oldDocs = sameRole ? (old?.docs ?? []) : [];
    const docs = this.reuseOrParse(file, oldDocs, splitDocuments(text), 0, role);
    this.files.set(file, { text, docs, role });
    const kept = new Set(docs);
    const reused = new Set(oldDocs);
    return this.updateIndex(
      file,
      (old?.docs ?? []).filter((d) => !kept.has(d)),
      docs.filter((d) => !reused.has(d)),
    );
  }

  /**
   * Applies edits to a file the workspace holds, in order (each edit's offsets refer to the text
   * after the previous edits, as VS Code's content changes do). Only the documents an edit touches
   * are split and parsed again; the others just move. Returns what `setFile` returns.
   */
  editFile(file: string, edits: readonly TextEdit[]): string[] {
    const state = this.files.get(file);
    if (!state) return this.setFile(file, edits.reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), ''));
    const removed = new Set<DocState>();
    const added = new Set<DocState>();
    for (const e of edits) state.docs = this.applyEdit(file, state.docs, e, removed, added, state.role);
    state.text = undefined;
    return this.updateIndex(file, removed, added);
  }

  removeFile(file: string): string[] {
    const old = this.files.get(file);
    if (!old) return [];
    this.files.delete(file);
    return this.updateIndex(file, old.docs, []);
  }

  /** All findings of a file, with spans relative to the file, sorted by position. */
  lintFile(file: string): Finding[] {
    const state = this.files.get(file);
    if (!state) return [];
    const out: Finding[] = [];
    for (const d of state.docs) {
      d.local ??= this.runLocal(d);
      if (d.cross === undefined) d.cross = this.runCross(d, file);
      for (const f of d.local) out.push(this.place(f, d.base, file));
      for (const f of d.cross.findings) out.push(this.place(f, d.base, file));
    }
    return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  }

  /**
   * The documents for `chunks` (offsets relative to `base`): an old document with the same text
   * is reused, so only changed documents are parsed. A keystroke changes one chunk, so the old
   * document at the same index (counted from the start, then from the end) is tried first:
   * comparing two strings is a memcmp, while a Map keyed by text would hash every chunk.
   */
  private reuseOrParse(file: string, oldDocs: readonly DocState[], chunks: readonly { text: string; base: number }[], base: number, role: FileRole): DocState[] {
    const used = new Set<DocState>();
    let byText: Map<string, DocState[]> | undefined;
    const fromEnd = oldDocs.length - chunks.length;
    return chunks.map((chunk, i) => {
      let reused: DocState | undefined;
      for (const candidate of [oldDocs[i], oldDocs[i + fromEnd]]) {
        if (!reused && candidate && !used.has(candidate) && candidate.text === chunk.text) reused = candidate;
      }
      if (!reused) {
        if (!byText) {
          byText = new Map();
          for (const d of oldDocs) push(byText, d.text, d);
        }
        const list = byText.get(chunk.text);
        while (list?.length && !reused) {
          const d = list.shift()!;
          if (!used.has(d)) reused = d;
        }
      }
      if (reused) {
        used.add(reused);
        reused.base = base + chunk.base;
        return reused;
      }
      return this.newDocState(file, chunk.text, base + chunk.base, role);
    });
  }

  /**
   * One edit: re-split the documents it touches plus one neighbour on each side (an edit at a
   * document's edge can make or break a `---` marker line), and shift the documents after it.
   * The neighbours keep their text in almost every edit and are then reused, not parsed.
   */
  private applyEdit(file: string, docs: DocState[], e: TextEdit, removed: Set<DocState>, added: Set<DocState>, role: FileRole): DocState[] {
    if (docs.length === 0) {
      const fresh = this.reuseOrParse(file, [], splitDocuments(e.newText), 0, role);
      for (const d of fresh) added.add(d);
      return fresh;
    }
    const first = Math.max(0, docIndexAt(docs, e.start) - 1);
    const last = Math.min(docs.length - 1, docIndexAt(docs, e.end) + 1);
    const regionBase = docs[first]!.base;
    const oldRegion = docs.slice(first, last + 1);
    const regionText = oldRegion.map((d) => d.text).join('');
    const start = clamp(e.start - regionBase, 0, regionText.length);
    const end = clamp(e.end - regionBase, start, regionText.length);
    const newRegion = regionText.slice(0, start) + e.newText + regionText.slice(end);
    const replaced = this.reuseOrParse(file, oldRegion, splitDocuments(newRegion), regionBase, role);
    const delta = newRegion.length - regionText.length;
    for (let k = last + 1; k < docs.length; k++) docs[k]!.base += delta;
    docs.splice(first, last - first + 1, ...replaced);
    // A document added by an earlier edit of the same batch and replaced now was never indexed.
    const kept = new Set(replaced);
    for (const d of oldRegion) {
      if (kept.has(d)) continue;
      if (added.has(d)) added.delete(d);
      else removed.add(d);
    }
    for (const d of replaced) if (!oldRegion.includes(d)) added.add(d);
    return docs;
  }

  private newDocState(file: string, text: string, base: number, role: FileRole): DocState {
    const parsed = parseLintDoc(file, text, role);
    const kind = indexedKind(parsed.doc);
    const { name, value } = parsed.doc;
    let indexed: Indexed | undefined;
    // A patch is not an object of its own, and a templated name is not known until rendered.
    const known = role.kind !== 'kustomize-patch' && !parsed.doc.hides?.(['metadata', 'name']);
    if (kind && name !== undefined && isRecord(value) && known) {
      const obj: IndexedObject = { kind, name, namespace: parsed.doc.namespace, value, doc: parsed.doc };
      indexed = { obj, refs: this.referencesOf(obj) };
    }
    return { text, base, argo: mentionsArgo(text), parsed, indexed, local: undefined, cross: undefined };
  }

  /**
   * Takes documents that left or entered the index out of / into it, and drops the cached
   * cross-document findings of every document that looked up one of them. Returns the other
   * files so affected.
   */
  private updateIndex(changedFile: string, removed: Iterable<DocState>, added: Iterable<DocState>): string[] {
    const changedKeys = new Set<string>();
    for (const d of removed) {
      this.forgetDeps(d);
      if (d.indexed) {
        this.index.remove(d.indexed.obj, d.indexed.refs);
        addKeys(changedKeys, d.indexed);
      }
    }
    for (const d of added) {
      if (d.indexed) {
        this.index.add(d.indexed.obj, d.indexed.refs);
        addKeys(changedKeys, d.indexed);
      }
    }
    const affected = new Set<string>();
    for (const key of changedKeys) {
      for (const d of [...(this.dependents.get(key) ?? [])]) {
        const path = this.fileOf.get(d);
        this.forgetDeps(d);
        d.cross = undefined;
        if (path !== undefined && path !== changedFile) affected.add(path);
      }
    }
    return [...affected];
  }

  private forgetDeps(d: DocState): void {
    if (!d.cross) return;
    for (const key of d.cross.deps) {
      const set = this.dependents.get(key);
      set?.delete(d);
      if (set?.size === 0) this.dependents.delete(key);
    }
  }

  private runLocal(d: DocState): Finding[] {
    const out: Finding[] = [...d.parsed.syntax];
    this.run(d, this.localRules, this.index, out);
    return out;
  }

  /**
   * A cached finding placed in its file: offsets moved by its document's base, and edits in other
   * documents placed where those documents are now (the fix is dropped when one is gone).
   */
  private place(f: Finding, base: number, file: string): Finding {
    const { fix, ...bare } = f;
    if (!fix?.edits.some(isPending)) return shift(f, base);
    const moved = shift(bare, base);
    const edits: TextEdit[] = [];
    for (const e of fix.edits) {
      if (!isPending(e)) {
        edits.push({ start: e.start + base, end: e.end + base, newText: e.newText });
        continue;
      }
      const other = this.files.get(e.inDoc.file)?.docs.find((d) => d.parsed.doc === e.inDoc);
      if (!other) return moved;
      edits.push({ start: e.start + other.base, end: e.end + other.base, newText: e.newText, ...(e.inDoc.file !== file ? { file: e.inDoc.file } : {}) });
    }
    return { ...moved, fix: { title: fix.title, edits } };
  }

  private runCross(d: DocState, file: string): { findings: Finding[]; deps: Set<string> } {
    const recording = new RecordingIndex(this.index);
    const findings: Finding[] = [];
    this.run(d, this.crossRules, recording, findings);
    this.fileOf.set(d, file);
    for (const key of recording.deps) {
      const set = this.dependents.get(key);
      if (set) set.add(d);
      else this.dependents.set(key, new Set([d]));
    }
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
          report: (r) => {
            if (doc.hides?.(r.at, KEY_NAME_RULES.has(rule.id))) return;
            // An edit in another document needs that document as written: not a Helm template's masked text.
            const editable = (e: RuleEdit): boolean => (e.doc && e.doc !== doc ? e.doc.toSource === undefined && !e.doc.touchesAction : !doc.touchesAction?.(e));
            const fix = r.fix && r.fix.edits.every(editable) ? r.fix : undefined;
            const span = r.span ?? doc.span(r.at, r.part);
            const source = doc.toSource ?? ((s) => s);
            out.push({
              rule: rule.id,
              severity: r.severity ?? rule.severity,
              message: r.message,
              path: r.argoPath ?? formatPath(r.at),
              span: source(span),
              ...(fix ? { fix: { title: fix.title, edits: fix.edits.map((e): TextEdit => (e.doc && e.doc !== doc ? pendingEdit(e, e.doc) : { ...source(e), newText: e.newText })) } } : {}),
            });
          },
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

function sameFileRole(a: FileRole, b: FileRole): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Cheap test for "this file may hold Argo Rollouts objects" (also true when it does not parse). */
export function mentionsArgo(text: string): boolean {
  return text.includes('argoproj.io');
}

function addKeys(keys: Set<string>, indexed: Indexed): void {
  const { kind, name } = indexed.obj;
  keys.add(objectKey(kind, name));
  keys.add(objectKey(kind, '*'));
  for (const r of indexed.refs) keys.add(usersKey(r));
}

/** Index of the document holding `offset` (the last one starting at or before it). */
function docIndexAt(docs: readonly DocState[], offset: number): number {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (docs[mid]!.base <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/**
 * An edit in another document, kept with that document until lintFile places it: the document may
 * move in its file (an edit above it) while this finding stays cached.
 */
interface PendingEdit extends TextEdit {
  readonly inDoc: LintDoc;
}

function pendingEdit(e: RuleEdit, doc: LintDoc): PendingEdit {
  return { start: e.start, end: e.end, newText: e.newText, inDoc: doc };
}

function isPending(e: TextEdit): e is PendingEdit {
  return (e as Partial<PendingEdit>).inDoc !== undefined;
}

function shift(f: Finding, base: number): Finding {
  if (base === 0) return f;
  return {
    ...f,
    span: { start: f.span.start + base, end: f.span.end + base },
    ...(f.fix ? { fix: { title: f.fix.title, edits: f.fix.edits.map((e) => ({ start: e.start + base, end: e.end + base, newText: e.newText })) } } : {}),
  };
}

/** Rules whose findings are about a key's name: in a Helm template, a templated value does not hide them. */
const KEY_NAME_RULES: ReadonlySet<string> = new Set(['unknown-field']);

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

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
