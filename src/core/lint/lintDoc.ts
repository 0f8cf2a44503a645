// One parsed YAML/JSON document with what rules need: its plain value, identity, and source spans.
import { Document, parseDocument } from 'yaml';
import { isRecord } from '../untrustedJson';
import { MANIFEST, type FileRole } from './template/fileRole';
import { isJson6902, json6902Problems } from './template/json6902Paths';
import { maskTemplate, unshift } from './template/maskTemplate';
import { templateShape } from './template/templateShape';
import type { Finding, Span } from './types';
import { nodeAt, spanAt, type Part, type Path } from './yamlPath';

export interface LintDoc {
  /** The file the document comes from (as given to the engine). */
  readonly file: string;
  /**
   * The document's own text; all spans a rule reports are relative to it. For a Helm template, the
   * masked text the YAML was read from (same length: offsets are the template's).
   */
  readonly text: string;
  readonly yaml: Document;
  /** The document as plain JSON-like data (undefined when it has syntax errors). */
  readonly value: unknown;
  readonly apiVersion: string | undefined;
  /** API group: `argoproj.io`, `networking.k8s.io`, `` for core. */
  readonly group: string | undefined;
  readonly kind: string | undefined;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
  /** The span of a path inside this document (see `spanAt`). */
  span(path: Path, part?: Part): Span;
  /** What the file is (a manifest, a Helm template, a Kustomize patch). */
  readonly role: FileRole;
  /**
   * A Helm template or a Kustomize patch: true when a finding at `at` is about something this text
   * cannot tell (a templated value, a field a patch leaves to its base); such findings are dropped.
   * `aboutKey`: the finding is about the key's name (an unknown field), not about its value.
   */
  hides?(at: Path, aboutKey?: boolean): boolean;
  /** A Helm template: true when `span` overlaps template code (no quick fix may edit it). */
  touchesAction?(span: Span): boolean;
  /** A Helm template: a span of the masked text back in the template (raw strings' first lines moved left). */
  toSource?(span: Span): Span;
}

/** Syntax problems found while parsing (and a Kustomize patch's bad paths), relative to the document's text. */
export type SyntaxFinding = Omit<Finding, 'rule'> & { rule: 'yaml-syntax' | 'kustomize-patch-path' };

export interface ParseResult {
  readonly doc: LintDoc;
  readonly syntax: SyntaxFinding[];
}

// Kubernetes reads manifests with go-yaml (YAML 1.1 scalars: `yes`/`on` are booleans, `0755` octal),
// so we parse the same way.
// logLevel 'error': the parser's warnings are collected as findings; without it, yaml also prints
// some (collection keys in toJS) with process.emitWarning — noise on the CLI's stderr.
const PARSE_OPTIONS = { version: '1.1', prettyErrors: false, strict: true, uniqueKeys: true, logLevel: 'error' } as const;
// In a template, `{{ if }} key: a {{ else }} key: b {{ end }}` repeats a key on purpose: duplicates
// are told apart by templateShape (a branch between them, or a real mistake).
const TEMPLATE_OPTIONS = { ...PARSE_OPTIONS, uniqueKeys: false } as const;

export function parseLintDoc(file: string, source: string, role: FileRole = MANIFEST): ParseResult {
  if (role.kind === 'helm-partial') return { doc: emptyDoc(file, source, role), syntax: [] };
  const masked = role.kind === 'helm-template' ? maskTemplate(source) : undefined;
  const text = masked?.text ?? source;
  const yaml = parseDocument(text, masked?.templated ? TEMPLATE_OPTIONS : PARSE_OPTIONS);
  const syntax: SyntaxFinding[] = [];
  const shape = masked?.templated ? templateShape(yaml, masked) : undefined;
  for (const d of shape?.duplicateKeys ?? []) syntax.push({ rule: 'yaml-syntax', severity: 'error', message: 'Map keys must be unique', path: '', span: d });
  for (const e of yaml.errors) syntax.push(syntaxFinding(text, e.pos, e.message, 'error'));
  for (const w of yaml.warnings) syntax.push(syntaxFinding(text, w.pos, w.message, 'warning'));
  let value: unknown;
  if (yaml.errors.length === 0) {
    try {
      value = yaml.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      // Alias bombs and similar: reported, never thrown.
      syntax.push(syntaxFinding(text, [0, 0], `Cannot read this document: ${(e as Error).message}`, 'error'));
    }
  }
  const obj = isRecord(value) ? value : undefined;
  const partial = role.kind === 'kustomize-patch';
  if (partial && yaml.errors.length === 0 && isJson6902(value)) {
    for (const p of json6902Problems(value, role.targetKind)) {
      syntax.push({ rule: 'kustomize-patch-path', severity: 'error', message: p.message, path: '', span: spanAt(yaml, text, p.at, 'value') });
    }
  }
  const apiVersion = str(obj?.apiVersion);
  const metadata = isRecord(obj?.metadata) ? obj.metadata : undefined;
  const doc: LintDoc = {
    file,
    text,
    yaml,
    value: syntax.some((s) => s.severity === 'error') ? undefined : value,
    apiVersion,
    group: apiVersion === undefined ? undefined : apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '',
    kind: str(obj?.kind),
    name: str(metadata?.name),
    namespace: str(metadata?.namespace),
    span: (path, part) => spanAt(yaml, text, path, part),
    role,
    ...(shape ? { hides: (at: Path, aboutKey?: boolean) => shape.hides(at, nodeAt(yaml, at) !== undefined, aboutKey), touchesAction: shape.touchesAction } : {}),
    ...(masked?.shifts.length ? { toSource: (s: Span) => ({ start: unshift(masked.shifts, s.start), end: Math.max(unshift(masked.shifts, s.start), unshift(masked.shifts, s.end, true)) }) } : {}),
    // A patch leaves every field it does not set to its base: a finding about a missing one is not its own.
    ...(partial ? { hides: (at: Path) => nodeAt(yaml, at) === undefined } : {}),
  };
  return { doc, syntax };
}

/** A Helm partial (`_helpers.tpl`): no YAML, no findings. */
function emptyDoc(file: string, text: string, role: FileRole): LintDoc {
  const yaml = new Document(null);
  return { file, text, yaml, value: undefined, apiVersion: undefined, group: undefined, kind: undefined, name: undefined, namespace: undefined, span: () => ({ start: 0, end: 0 }), role };
}

function syntaxFinding(text: string, pos: [number, number], message: string, severity: 'error' | 'warning'): SyntaxFinding {
  let start = Math.max(0, Math.min(pos[0], text.length));
  // Errors "at the end of input" point past the document: move them back onto its last character.
  while (start > 0 && (start >= text.length || /\s/.test(text[start]!)) && pos[1] - pos[0] <= 1) start--;
  let end = Math.max(start, Math.min(pos[1], text.length));
  if (end === start) end = Math.min(text.length, start + 1);
  const nl = text.indexOf('\n', start);
  if (nl >= 0 && nl > start && end > nl) end = nl;
  return { rule: 'yaml-syntax', severity, message: firstLine(message), path: '', span: { start, end } };
}

// The parser's messages end with a chunk-relative position and an excerpt; the finding's span
// already says where, in file terms.
function firstLine(s: string): string {
  const i = s.indexOf('\n');
  return (i < 0 ? s : s.slice(0, i)).replace(/ at line \d+, column \d+:?$/, '');
}

export { isRecord };

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
