// Locating a mapping key in the source and renaming it in place, keeping its quoting style.
import { isScalar, type Node } from 'yaml';
import type { LintDoc } from '../../lintDoc';
import type { Fix, Span } from '../../types';
import { findPair, nodeAt, type Path } from '../../yamlPath';

export interface KeyLocation {
  readonly span: Span;
  readonly quote: '' | '"' | "'";
}

/** The source range of the key `key` of the mapping at `mapPath`, or undefined (e.g. a key from a `<<` merge). */
export function locateKey(doc: LintDoc, mapPath: Path, key: string): KeyLocation | undefined {
  const pair = findPair(nodeAt(doc.yaml, mapPath), key);
  const k = pair?.key as Node | undefined;
  if (!isScalar(k) || !k.range) return undefined;
  const quote = k.type === 'QUOTE_DOUBLE' ? '"' : k.type === 'QUOTE_SINGLE' ? "'" : '';
  return { span: { start: k.range[0], end: k.range[1] }, quote };
}

export function renameKeyFix(at: KeyLocation, newName: string): Fix {
  return { title: `Rename to ${newName}`, edits: [{ start: at.span.start, end: at.span.end, newText: `${at.quote}${newName}${at.quote}` }] };
}
