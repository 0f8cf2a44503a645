// Finds the Go template actions (`{{ … }}`) in a Helm template's text, the way text/template's lexer
// delimits them: strings ("…", `…`, '…') inside an action may hold `}}`, a comment is `{{/* … */}}`,
// and `{{-` / `-}}` trim the whitespace around. Pure and total: an unterminated action runs to the
// end of its line (helm would refuse the template; the YAML around it is still read). Actions may
// span lines (Go ≥ 1.16), comments too.

export type ActionKind =
  /** `{{/* … *\/}}`: no output. */
  | 'comment'
  /** `if`, `else`, `end`, `range`, `with`, `define`, `block`, `break`, `continue`, `$x := …`: no output of its own. */
  | 'control'
  /** Anything that prints (a value, `include`, `toYaml`, `tpl`, …): unknown until rendered. */
  | 'output'
  /** `` {{`…`}} ``: prints its content verbatim, so the content is what Argo will see. */
  | 'raw';

export interface TemplateAction {
  readonly start: number;
  /** Exclusive: just after `}}` (or the end of the line when unterminated). */
  readonly end: number;
  readonly kind: ActionKind;
  /** For `raw`: the content between the backquotes. */
  readonly raw?: { readonly start: number; readonly end: number };
  /** Where an output action puts its text when it ends with `indent N` / `nindent N`. */
  readonly indent?: { readonly n: number; readonly newline: boolean };
}

const CONTROL = /^(?:if|else|end|range|with|define|block|break|continue)\b|^\$[\w]*\s*:?=/;

/** Every action of `text`, in order. */
export function templateActions(text: string): TemplateAction[] {
  const out: TemplateAction[] = [];
  let i = text.indexOf('{{');
  while (i >= 0) {
    const action = readAction(text, i);
    out.push(action);
    i = text.indexOf('{{', Math.max(action.end, i + 2));
  }
  return out;
}

function readAction(text: string, start: number): TemplateAction {
  let p = start + 2;
  if (text[p] === '-' && isSpace(text[p + 1])) p += 2;
  while (isSpace(text[p]) && text[p] !== '\n') p++;
  if (text.startsWith('/*', p)) {
    const close = text.indexOf('*/', p + 2);
    const endAt = close < 0 ? -1 : closeAfterComment(text, close + 2);
    return { start, end: endAt < 0 ? lineEndOf(text, start) : endAt, kind: 'comment' };
  }
  const bodyStart = p;
  let rawString: { start: number; end: number } | undefined;
  let strings = 0;
  let other = false;
  while (p < text.length) {
    const c = text[p]!;
    if (c === '}' && text[p + 1] === '}') {
      const bodyEnd = trimBodyEnd(text, bodyStart, p);
      const body = text.slice(bodyStart, bodyEnd);
      if (rawString && strings === 1 && !other) return { start, end: p + 2, kind: 'raw', raw: rawString };
      return { start, end: p + 2, kind: CONTROL.test(body) ? 'control' : 'output', ...indentOf(body) };
    }
    if (c === '`') {
      const close = text.indexOf('`', p + 1);
      if (close < 0) break;
      strings++;
      rawString = { start: p + 1, end: close };
      p = close + 1;
      continue;
    }
    if (c === '"' || c === "'") {
      const close = quotedEnd(text, p, c);
      if (close < 0) break;
      strings++;
      other = true;
      p = close + 1;
      continue;
    }
    if (!isSpace(c) && !(c === '-' && text[p + 1] === '}' && text[p + 2] === '}')) other = true;
    p++;
  }
  return { start, end: lineEndOf(text, start), kind: 'output' };
}

/** `*\/` must be followed by `}}` or ` -}}`. */
function closeAfterComment(text: string, p: number): number {
  let q = p;
  if (text[q] === ' ' && text[q + 1] === '-') q += 2;
  while (text[q] === ' ' || text[q] === '\t') q++;
  return text.startsWith('}}', q) ? q + 2 : -1;
}

function trimBodyEnd(text: string, from: number, close: number): number {
  let e = close;
  if (text[e - 1] === '-' && isSpace(text[e - 2])) e--;
  while (e > from && isSpace(text[e - 1])) e--;
  return e;
}

/** The index of the closing quote (escapes honoured in "…"), or -1 when the line ends first. */
function quotedEnd(text: string, open: number, quote: string): number {
  for (let p = open + 1; p < text.length; p++) {
    const c = text[p];
    if (c === '\\') p++;
    else if (c === quote) return p;
    else if (c === '\n') return -1;
  }
  return -1;
}

const INDENT = /\|\s*(n?indent)\s+(\d+)\s*$/;

function indentOf(body: string): { indent?: { n: number; newline: boolean } } {
  const m = INDENT.exec(body);
  return m ? { indent: { n: Number(m[2]), newline: m[1] === 'nindent' } } : {};
}

function lineEndOf(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  const end = nl < 0 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}
