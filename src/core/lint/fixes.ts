// Building quick-fix edits that respect the document's own layout (indentation, flow style).
import { isMap, isPair, type Node } from 'yaml';
import type { LintDoc } from './lintDoc';
import type { Fix, Span } from './types';
import { findPair, nodeAt, type Path } from './yamlPath';

export function replaceFix(title: string, span: Span, newText: string): Fix {
  return { title, edits: [{ start: span.start, end: span.end, newText }] };
}

/**
 * Adds `key: valueText` to the mapping at `mapPath`, at the indentation of its first key, after the
 * entry named `after` when there is one (so related keys stay together), else after the last entry;
 * inside the braces of a flow mapping. Undefined when there is no such mapping.
 */
export function insertPairFix(doc: LintDoc, mapPath: Path, key: string, valueText: string, title: string, after?: string): Fix | undefined {
  const map = nodeAt(doc.yaml, mapPath);
  if (!isMap(map) || map.items.length === 0) return undefined;
  const first = map.items[0];
  const last = (after !== undefined ? findPair(map, after) : undefined) ?? map.items[map.items.length - 1];
  if (!isPair(first) || !isPair(last)) return undefined;
  if (map.flow) {
    const close = (map.range?.[1] ?? 0) - 1;
    if (doc.text[close] !== '}') return undefined;
    return { title, edits: [{ start: close, end: close, newText: `, ${key}: ${valueText}` }] };
  }
  const keyStart = (first.key as Node | null)?.range?.[0];
  const lastEnd = (last.value as Node | null)?.range?.[1] ?? (last.key as Node | null)?.range?.[2];
  if (keyStart === undefined || lastEnd === undefined) return undefined;
  const indent = keyStart - (doc.text.lastIndexOf('\n', keyStart - 1) + 1);
  // Insert at the end of the line holding the last entry's value, so trailing comments stay put.
  const at = endOfContent(doc.text, lastEnd);
  const pad = ' '.repeat(indent);
  const body = valueText.includes('\n') ? `${key}:\n${indentLines(valueText, indent + 2)}` : `${key}: ${valueText}`;
  return { title, edits: [{ start: at, end: at, newText: `\n${pad}${body}` }] };
}

function endOfContent(text: string, from: number): number {
  // `from` may already sit after the value's newline; step back over trailing whitespace.
  let i = from;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  return i;
}

function indentLines(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return text
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join('\n');
}
