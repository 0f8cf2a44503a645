// Splits a multi-document YAML text into one chunk per document, without parsing, so that an edit
// re-parses only the document it touched. A line starting with `---` (followed by whitespace or the
// end of the line) always starts a new document in YAML, even inside block or quoted scalars, so this
// split agrees with the parser. A chunk holding only directives (`%YAML 1.1`) belongs to the next one.

export interface Chunk {
  /** The document's text, starting at its `---` marker if it has one. */
  readonly text: string;
  /** Offset of the chunk in the file. */
  readonly base: number;
}

const MARKER = /^---(?=[ \t\r\n]|$)/gm;

export function splitDocuments(text: string): Chunk[] {
  const starts: number[] = [0];
  MARKER.lastIndex = 0;
  for (let m = MARKER.exec(text); m; m = MARKER.exec(text)) {
    if (m.index > 0) starts.push(m.index);
  }
  const chunks: Chunk[] = [];
  let pendingStart = -1;
  for (let i = 0; i < starts.length; i++) {
    const start = pendingStart >= 0 ? pendingStart : starts[i]!;
    const end = i + 1 < starts.length ? starts[i + 1]! : text.length;
    const body = text.slice(start, end);
    if (i + 1 < starts.length && onlyDirectives(body)) {
      pendingStart = start;
      continue;
    }
    pendingStart = -1;
    chunks.push({ text: body, base: start });
  }
  return chunks;
}

// Runs on every chunk on every keystroke: scan line by line and stop at the first content line
// (almost always the first line, `---`), instead of splitting the whole chunk into lines.
export function onlyDirectives(body: string): boolean {
  let sawDirective = false;
  for (let start = 0; start <= body.length; ) {
    const nl = body.indexOf('\n', start);
    const end = nl < 0 ? body.length : nl;
    const t = body.slice(start, end).trim();
    if (t.startsWith('%')) sawDirective = true;
    else if (t !== '' && !t.startsWith('#')) return false;
    start = end + 1;
  }
  return sawDirective;
}
