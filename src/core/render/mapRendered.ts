// Carries findings on rendered output (helm template, kustomize build) back to the line to change:
// - Helm: the document's `# Source:` template, then the finding's field path in the tolerant parse
//   of that template; a templated value also names the values file and key it came from, with a
//   related location there (and the finding is shown on that values line too);
// - Kustomize: the patch that sets the field, else the base resource that holds it;
// - nothing is lost: a finding that cannot be placed goes on Chart.yaml / kustomization.yaml with
//   the rendered field path in its message.
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { isRecord } from '../untrustedJson';
import { parseLintDoc, type LintDoc } from '../lint/lintDoc';
import { splitDocuments } from '../lint/splitDocuments';
import type { Finding, Span } from '../lint/types';
import { nodeAt, walk, type Path, type PathSegment } from '../lint/yamlPath';
import { templateActions } from '../lint/template/templateActions';
import { pathAt } from './pathAt';
import { renderedDocs, type RenderedDoc } from './renderedDocs';

export interface SourceText {
  /** The file's path as the caller names it (absolute in the editor, as given on the CLI). */
  readonly path: string;
  readonly text: string;
}

export interface RelatedLocation {
  readonly file: string;
  readonly span: Span;
  readonly message: string;
}

export interface PlacedFinding {
  readonly file: string;
  readonly finding: Finding;
  readonly related: readonly RelatedLocation[];
}

export interface HelmSources {
  readonly chartYaml: SourceText;
  /** Templates by path relative to the chart folder (`templates/deployment.yaml`, `charts/sub/templates/x.yaml`). */
  readonly templates: ReadonlyMap<string, SourceText>;
  /** Values files in helm's order (later ones win). */
  readonly values: readonly SourceText[];
  /** Keys given with --set (they win over every values file): `canary.weights`. */
  readonly setKeys?: readonly string[];
}

const PARSE = { version: '1.1', strict: false, uniqueKeys: false, logLevel: 'silent' } as const;

/** Places findings of `helm template`'s output in the chart's files. */
export function placeHelmFindings(rendered: string, findings: readonly Finding[], sources: HelmSources): PlacedFinding[] {
  const docs = renderedDocs(rendered);
  const ctx = new RenderedContext(docs);
  const templates = new Map<string, TemplateDocs>();
  const values = sources.values.map((v) => ({ source: v, yaml: parseDocument(v.text, PARSE) }));
  const out: PlacedFinding[] = [];
  for (const f of findings) {
    const at = ctx.locate(f.span.start);
    const template = at?.doc.source !== undefined ? sources.templates.get(at.doc.source) : undefined;
    if (!at || !template) {
      out.push(unplaced(f, sources.chartYaml, at ? `${at.doc.source ?? 'rendered output'}: ${f.path}` : f.path));
      continue;
    }
    let docsOf = templates.get(template.path);
    if (!docsOf) templates.set(template.path, (docsOf = templateDocs(template)));
    const target = docsOf.pick(at.kind, ctx.ordinal(at.index, at.kind));
    if (!target) {
      out.push(unplaced(f, sources.chartYaml, `${at.doc.source}: ${f.path}`));
      continue;
    }
    const path = templatePath(at, target);
    const span = placeSpan(f, { ...at, path }, target, at.path);
    const related: RelatedLocation[] = [];
    const origin = valueOrigin(target, path, values, dirOf(sources.chartYaml.path), sources.setKeys ?? []);
    const placed: PlacedFinding = { file: template.path, finding: moved(f, span, origin ? ` (value from ${origin.label})` : ''), related };
    if (origin) {
      related.push({ file: origin.file, span: origin.span, message: `the value comes from ${origin.label}` });
      out.push({ file: origin.file, finding: moved(f, origin.span, ` (rendered by ${at.doc.source})`), related: [{ file: template.path, span, message: `rendered by ${at.doc.source}` }] });
    }
    out.push(placed);
  }
  return out;
}

export interface KustomizeSources {
  readonly kustomization: SourceText;
  /** Resource files of the bases (plain manifests). */
  readonly resources: readonly SourceText[];
  /** Patches in the order kustomize applies them. */
  readonly patches: readonly (SourceText & { readonly json6902: boolean; readonly targetKind?: string; readonly targetName?: string })[];
}

/** Places findings of `kustomize build`'s output: the patch line that sets the field, else the base. */
export function placeKustomizeFindings(rendered: string, findings: readonly Finding[], sources: KustomizeSources): PlacedFinding[] {
  const ctx = new RenderedContext(renderedDocs(rendered));
  const patchDocs = sources.patches.map((p) => ({ patch: p, docs: splitDocuments(p.text).map((c) => ({ base: c.base, yaml: parseDocument(c.text, PARSE), text: c.text })) }));
  const baseDocs = sources.resources.flatMap((r) => splitDocuments(r.text).map((c) => ({ file: r.path, base: c.base, text: c.text, yaml: parseDocument(c.text, PARSE) })));
  const out: PlacedFinding[] = [];
  for (const f of findings) {
    const at = ctx.locate(f.span.start);
    if (!at) {
      out.push(unplaced(f, sources.kustomization, f.path));
      continue;
    }
    let placed: PlacedFinding | undefined;
    // The last patch that sets the field wins, as kustomize applies them in order.
    for (const { patch, docs } of [...patchDocs].reverse()) {
      if (placed) break;
      if (patch.targetKind !== undefined && patch.targetKind !== at.kind) continue;
      if (patch.targetName !== undefined && !sameName(patch.targetName, at.name)) continue;
      for (const d of docs) {
        const value = plainValue(d.yaml);
        if (patch.json6902 || Array.isArray(value)) {
          const span = jsonPatchSpan(d.yaml, d.text, value, at.path, (prefix) => {
            const n = nodeAt(at.yaml, prefix);
            return isSeq(n) ? n.items.length : -1;
          });
          if (span) placed = { file: patch.path, finding: moved(f, shift(span, d.base), ''), related: [] };
        } else if (isRecord(value) && value.kind === at.kind && sameName(name(value), at.name) && nodeAt(d.yaml, at.path) !== undefined) {
          placed = { file: patch.path, finding: moved(f, shift(spanOf(d.yaml, d.text, at.path), d.base), ''), related: [] };
        }
        if (placed) break;
      }
    }
    if (!placed) {
      const base = baseDocs.find((d) => {
        const v = plainValue(d.yaml);
        return isRecord(v) && v.kind === at.kind && sameName(name(v), at.name);
      });
      if (base) placed = { file: base.file, finding: moved(f, shift(spanOf(base.yaml, base.text, at.path), base.base), ''), related: [] };
    }
    out.push(placed ?? unplaced(f, sources.kustomization, `${at.kind}/${at.name ?? '?'}: ${f.path}`));
  }
  return out;
}

// --- the rendered side --------------------------------------------------------------------------

interface RenderedAt {
  readonly doc: RenderedDoc;
  readonly index: number;
  readonly yaml: Document;
  readonly kind: string | undefined;
  readonly name: string | undefined;
  readonly path: PathSegment[];
  /** The finding's offset inside the rendered document. */
  readonly offset: number;
}

class RenderedContext {
  private readonly parsed = new Map<number, Document>();

  constructor(private readonly docs: readonly RenderedDoc[]) {}

  locate(offset: number): RenderedAt | undefined {
    let index = -1;
    for (let i = 0; i < this.docs.length && this.docs[i]!.base <= offset; i++) index = i;
    const doc = this.docs[index];
    if (!doc) return undefined;
    const yaml = this.yamlOf(index);
    const value = plainValue(yaml);
    const local = offset - doc.base;
    return { doc, index, yaml, kind: isRecord(value) && typeof value.kind === 'string' ? value.kind : undefined, name: isRecord(value) ? name(value) : undefined, path: pathAt(yaml, local), offset: local };
  }

  /** How many earlier documents from the same template have the same kind (a range printing several). */
  ordinal(index: number, kind: string | undefined): number {
    const source = this.docs[index]!.source;
    let n = 0;
    for (let i = 0; i < index; i++) {
      if (this.docs[i]!.source !== source) continue;
      const v = plainValue(this.yamlOf(i));
      if (isRecord(v) && v.kind === kind) n++;
    }
    return n;
  }

  private yamlOf(index: number): Document {
    let y = this.parsed.get(index);
    if (!y) this.parsed.set(index, (y = parseDocument(this.docs[index]!.text, PARSE)));
    return y;
  }
}

// --- the template side --------------------------------------------------------------------------

interface TemplateDoc {
  readonly base: number;
  readonly doc: LintDoc;
  /** The template's own text of this document (not masked). */
  readonly source: string;
}

interface TemplateDocs {
  pick(kind: string | undefined, ordinal: number): TemplateDoc | undefined;
}

function templateDocs(template: SourceText): TemplateDocs {
  const docs: TemplateDoc[] = splitDocuments(template.text).map((c) => ({
    base: c.base,
    doc: parseLintDoc(template.path, c.text, { kind: 'helm-template', chartDir: '' }).doc,
    source: c.text,
  }));
  const withContent = docs.filter((d) => d.doc.yaml.contents !== null);
  return {
    pick(kind, ordinal) {
      const sameKind = withContent.filter((d) => d.doc.kind === kind);
      if (sameKind.length) return sameKind[Math.min(ordinal, sameKind.length - 1)];
      // The kind itself is templated: the only document with a templated kind, if there is one.
      const unknownKind = withContent.filter((d) => d.doc.kind === undefined || d.doc.hides?.(['kind']));
      return unknownKind.length === 1 ? unknownKind[0] : withContent.length === 1 ? withContent[0] : undefined;
    },
  };
}

/**
 * The field's path in the template. A `range` prints several list items from one written item, so
 * the rendered index may name another item of the template: when the template's item there is
 * static and says something else, the templated item with the same field is the one.
 */
function templatePath(at: RenderedAt, target: TemplateDoc): PathSegment[] {
  const path = at.path;
  const rendered = nodeAt(at.yaml, path);
  const written = nodeAt(target.doc.yaml, path);
  const agrees = written !== undefined && (target.doc.hides?.(path) || !isScalar(rendered) || !isScalar(written) || rendered.value === written.value);
  if (agrees) return path;
  for (let k = path.length - 1; k >= 0; k--) {
    if (typeof path[k] !== 'number') continue;
    const list = nodeAt(target.doc.yaml, path.slice(0, k));
    if (!isSeq(list)) continue;
    for (let j = 0; j < list.items.length; j++) {
      const candidate = [...path.slice(0, k), j, ...path.slice(k + 1)];
      if (nodeAt(target.doc.yaml, candidate) !== undefined && target.doc.hides?.(candidate)) return candidate;
    }
  }
  return path;
}

/** The finding's span in the template: the same field, and the same characters inside a scalar when the template writes it out. */
function placeSpan(f: Finding, at: RenderedAt, target: TemplateDoc, renderedPath: Path): Span {
  const renderedNode = nodeAt(at.yaml, renderedPath);
  const steps = walk(at.yaml, renderedPath);
  const pair = steps[steps.length - 1]?.pair;
  const onKey = pair?.key && (pair.key as Node).range && (pair.key as Node).range![0] <= at.offset && at.offset < (pair.key as Node).range![1];
  const templateNode = nodeAt(target.doc.yaml, at.path);
  const r = renderedNode?.range;
  const t = templateNode?.range;
  if (!onKey && isScalar(renderedNode) && isScalar(templateNode) && r && t && r[1] - r[0] === t[1] - t[0] && !target.doc.hides?.(at.path)) {
    const start = t[0] + (at.offset - r[0]);
    const end = start + (f.span.end - f.span.start);
    const inner = target.doc.toSource?.({ start, end }) ?? { start, end };
    return shift(inner, target.base);
  }
  return shift(target.doc.span(at.path, onKey ? 'key' : 'value'), target.base);
}

// --- values files ---------------------------------------------------------------------------------

const VALUES_REF = /\.Values((?:\.[A-Za-z_][\w-]*)+)/g;

/**
 * Where a templated value comes from: the `.Values.x.y` the template prints at that field (or, when
 * the field comes from an action that prints a whole block, `toYaml .Values.x`, the rest of the path
 * below it), looked up in the values files, the last that sets it winning.
 */
function valueOrigin(target: TemplateDoc, path: Path, values: readonly { source: SourceText; yaml: Document }[], chartDir: string, setKeys: readonly string[]): { file: string; span: Span; label: string } | undefined {
  if (!target.doc.hides?.(path)) return undefined;
  const steps = walk(target.doc.yaml, path);
  const depth = steps.length - 1;
  const rest = path.slice(depth);
  const node = steps[depth]?.node;
  const region = regionOf(target, steps[depth]?.pair?.key as Node | undefined, node);
  const start = (steps[depth]?.pair?.key as Node | undefined)?.range?.[0] ?? node?.range?.[0] ?? 0;
  const refs = [...region.matchAll(VALUES_REF), ...enclosingBlocks(target.source, start).flatMap((b) => [...b.matchAll(VALUES_REF)])].map((m) => m[1]!.slice(1).split('.'));
  for (const ref of refs) {
    for (let keep = rest.length; keep >= 0; keep--) {
      const key = [...ref, ...rest.slice(0, keep)];
      // A --set of this key (or of a key above or below it) wins: the value is not the file's.
      const dotted = key.join('.');
      if (setKeys.some((k) => k === dotted || k.startsWith(`${dotted}.`) || dotted.startsWith(`${k}.`))) return undefined;
      for (let i = values.length - 1; i >= 0; i--) {
        const v = values[i]!;
        if (nodeAt(v.yaml, key) === undefined) continue;
        return { file: v.source.path, span: spanOf(v.yaml, v.source.text, key), label: `${relativeTo(chartDir, v.source.path)}: ${key.join('.')}` };
      }
    }
  }
  return undefined;
}

/** The `range` / `with` actions around `offset`, innermost first (their `.Values.x` is where `.` comes from). */
function enclosingBlocks(source: string, offset: number): string[] {
  const stack: string[] = [];
  for (const a of templateActions(source)) {
    if (a.start >= offset) break;
    if (a.kind !== 'control') continue;
    const body = source.slice(a.start, a.end).replace(/^\{\{-?\s*/, '');
    if (/^(if|range|with|define|block)\b/.test(body)) stack.push(body);
    else if (/^end\b/.test(body)) stack.pop();
  }
  return stack.filter((b) => /^(range|with)\b/.test(b)).reverse();
}

/** The template text of a field: its key's line through the lines below it that are indented more. */
function regionOf(target: TemplateDoc, key: Node | undefined, node: Node | null | undefined): string {
  const src = target.source;
  const start = key?.range?.[0] ?? node?.range?.[0] ?? 0;
  const lineStart = src.lastIndexOf('\n', start - 1) + 1;
  const col = start - lineStart;
  let end = src.indexOf('\n', start);
  if (end < 0) return src.slice(lineStart);
  if (!key) return src.slice(start, node?.range?.[1] ?? end);
  for (;;) {
    const next = src.indexOf('\n', end + 1);
    const line = src.slice(end + 1, next < 0 ? src.length : next);
    const masked = target.doc.text.slice(end + 1, next < 0 ? src.length : next);
    const indent = masked.length - masked.trimStart().length;
    if (masked.trim() !== '' && indent <= col) break;
    if (line.trim() !== '' && masked.trim() === '' && line.length - line.trimStart().length < col && !/^\s*\{\{/.test(line)) break;
    end = next < 0 ? src.length : next;
    if (next < 0) break;
  }
  return src.slice(lineStart, end);
}

// --- JSON 6902 ---------------------------------------------------------------------------------------

/**
 * The span of the operation that sets `path` (or a field above it): its value below, else its `path`.
 * `/-` appends, so it names the last item of the rendered list (`lengthAt` gives a rendered list's length).
 */
function jsonPatchSpan(yaml: Document, text: string, ops: unknown, path: Path, lengthAt: (prefix: Path) => number): Span | undefined {
  if (!Array.isArray(ops)) return undefined;
  for (let i = ops.length - 1; i >= 0; i--) {
    const op: unknown = ops[i];
    if (!isRecord(op) || typeof op.path !== 'string' || op.op === 'remove' || op.op === 'test') continue;
    const pointer = op.path.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (pointer.length > path.length || !pointer.every((seg, k) => seg === String(path[k]) || (seg === '-' && path[k] === lengthAt(path.slice(0, k)) - 1))) continue;
    const below = path.slice(pointer.length);
    return nodeAt(yaml, [i, 'value', ...below]) !== undefined ? spanOf(yaml, text, [i, 'value', ...below]) : spanOf(yaml, text, [i, 'path']);
  }
  return undefined;
}

// --- helpers -------------------------------------------------------------------------------------------

/** A document's plain value; undefined for one that cannot be read (an alias bomb in the output). */
export function plainValue(doc: Document): unknown {
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch {
    return undefined;
  }
}

function unplaced(f: Finding, file: SourceText, where: string): PlacedFinding {
  const end = file.text.indexOf('\n');
  return { file: file.path, finding: { ...withoutFix(f), message: `${f.message} (in the rendered output at ${where})`, span: { start: 0, end: end < 0 ? file.text.length : end } }, related: [] };
}

function moved(f: Finding, span: Span, suffix: string): Finding {
  return { ...withoutFix(f), message: f.message + suffix, span };
}

/** A quick fix edits the rendered text: it has no place in the sources. */
function withoutFix(f: Finding): Finding {
  const { fix: _fix, ...rest } = f;
  return rest;
}

function spanOf(yaml: Document, text: string, path: Path): Span {
  const node = nodeAt(yaml, path);
  if (node?.range && (isScalar(node) || (!isMap(node) && !isSeq(node)))) return { start: node.range[0], end: Math.max(node.range[0], Math.min(node.range[1], lineEnd(text, node.range[0]))) };
  const steps = walk(yaml, path);
  for (let i = steps.length - 1; i >= 1; i--) {
    const key = steps[i]!.pair?.key as Node | undefined;
    if (key?.range) return { start: key.range[0], end: key.range[1] };
    const r = steps[i]!.node?.range;
    if (r) return { start: r[0], end: Math.min(r[1], lineEnd(text, r[0])) };
  }
  return { start: 0, end: lineEnd(text, 0) };
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

function shift(s: Span, by: number): Span {
  return { start: s.start + by, end: s.end + by };
}

function name(v: Record<string, unknown>): string | undefined {
  const m = v.metadata;
  return isRecord(m) && typeof m.name === 'string' ? m.name : undefined;
}

/** Kustomize may add a prefix or suffix to names (namePrefix, nameSuffix). */
function sameName(source: string | undefined, rendered: string | undefined): boolean {
  if (source === undefined || rendered === undefined) return source === rendered;
  return rendered === source || rendered.startsWith(`${source}-`) || rendered.endsWith(`-${source}`) || rendered.includes(`-${source}-`);
}

function dirOf(p: string): string {
  return p.replace(/[\\/][^\\/]*$/, '');
}

/** A values file as the chart names it (`envValues/local.yaml`), or its full path when outside the chart. */
function relativeTo(dir: string, p: string): string {
  return dir && p.startsWith(dir) && /[\\/]/.test(p[dir.length] ?? '') ? p.slice(dir.length + 1).replace(/\\/g, '/') : p;
}

