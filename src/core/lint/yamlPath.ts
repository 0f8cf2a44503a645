// Finding source ranges for paths in a parsed YAML document. Rules work on the plain JS value of a
// document (like Argo's Go code works on structs) and name the place they mean by a path of keys and
// indices; this module turns that path back into the precise key or value range in the source.
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { Span } from './types';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** Which part of the node at a path a finding underlines. */
export type Part = 'key' | 'value';

interface Located {
  /** The pair holding the node, when the node is a map value. */
  pair?: Pair;
  node: Node | null;
}

export function pairKeyText(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return k.value === null ? 'null' : String(k.value);
  return undefined;
}

export function findPair(map: Node | null | undefined, key: string): Pair<Node, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    if (isPair(item) && pairKeyText(item) === key) return item as Pair<Node, Node | null>;
  }
  return undefined;
}

/** Walks `path` as far as it exists; returns every located step (the first is the root). */
export function walk(doc: Document, path: Path): Located[] {
  const steps: Located[] = [{ node: doc.contents as Node | null }];
  let node = doc.contents as Node | null;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (!isSeq(node)) break;
      const item = node.items[seg] as Node | undefined;
      if (item === undefined) break;
      node = item;
      steps.push({ node });
    } else {
      const pair = findPair(node, seg);
      if (!pair) break;
      node = pair.value ?? null;
      steps.push({ pair, node });
    }
  }
  return steps;
}

export function nodeAt(doc: Document, path: Path): Node | null | undefined {
  const steps = walk(doc, path);
  return steps.length === path.length + 1 ? steps[steps.length - 1]?.node : undefined;
}

function rangeOf(node: Node | null | undefined): Span | undefined {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

/**
 * The span of a sequence item that should stand for it: its first key for a mapping
 * (`- setWeight: 10` underlines `setWeight`), else the item itself when it is a scalar.
 */
function itemHead(node: Node | null): Span | undefined {
  if (isMap(node)) {
    const first = node.items[0];
    if (isPair(first)) return rangeOf(first.key as Node);
  }
  if (isScalar(node)) return rangeOf(node);
  return undefined;
}

/** True when the span covers more than one line (collections): we then prefer the key. */
function multiline(text: string, s: Span): boolean {
  return text.slice(s.start, s.end).includes('\n');
}

/**
 * The span for `path`. If the full path exists: the key (part 'key'), or the value when it is a
 * single-line value (part 'value'), else the key. If the path stops early (a missing field), the
 * key of the deepest existing ancestor. The fallback is the document's `kind` key, never the document.
 */
export function spanAt(doc: Document, text: string, path: Path, part: Part = 'value'): Span {
  const steps = walk(doc, path);
  const complete = steps.length === path.length + 1;
  for (let i = steps.length - 1; i >= 1; i--) {
    const step = steps[i]!;
    const keySpan = step.pair ? rangeOf(step.pair.key as Node) : itemHead(step.node);
    const valueSpan = rangeOf(step.node);
    if (complete && i === steps.length - 1 && part === 'value' && valueSpan && valueSpan.end > valueSpan.start && !multiline(text, valueSpan)) {
      return valueSpan;
    }
    if (keySpan) return keySpan;
  }
  const kind = findPair(doc.contents as Node, 'kind');
  const fallback = (kind && rangeOf(kind.key as Node)) ?? rangeOf(doc.contents as Node);
  if (fallback) return { start: fallback.start, end: Math.min(fallback.end, lineEnd(text, fallback.start)) };
  return { start: 0, end: 0 };
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

/** Formats a path the way Kubernetes field errors do: `spec.strategy.steps[1].setWeight`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out;
}
