// One parsed YAML/JSON document with what rules need: its plain value, identity, and source spans.
import { parseDocument, type Document } from 'yaml';
import { isRecord } from '../untrustedJson';
import type { Finding, Span } from './types';
import { spanAt, type Part, type Path } from './yamlPath';

export interface LintDoc {
  /** The file the document comes from (as given to the engine). */
  readonly file: string;
  /** The document's own text; all spans a rule reports are relative to it. */
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
}

/** Syntax problems found while parsing, relative to the document's text. */
export type SyntaxFinding = Omit<Finding, 'rule'> & { rule: 'yaml-syntax' };

export interface ParseResult {
  readonly doc: LintDoc;
  readonly syntax: SyntaxFinding[];
}

// Kubernetes reads manifests with go-yaml (YAML 1.1 scalars: `yes`/`on` are booleans, `0755` octal),
// so we parse the same way.
// logLevel 'error': the parser's warnings are collected as findings; without it, yaml also prints
// some (collection keys in toJS) with process.emitWarning — noise on the CLI's stderr.
const PARSE_OPTIONS = { version: '1.1', prettyErrors: false, strict: true, uniqueKeys: true, logLevel: 'error' } as const;

export function parseLintDoc(file: string, text: string): ParseResult {
  const yaml = parseDocument(text, PARSE_OPTIONS);
  const syntax: SyntaxFinding[] = [];
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
  };
  return { doc, syntax };
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
