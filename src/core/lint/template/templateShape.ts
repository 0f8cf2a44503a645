// What a parsed Helm template leaves unknown. Given the YAML parsed from the masked template, it
// finds the paths whose value is a placeholder (unknown) and the collections an action may add
// entries to (open), so that no rule judges what only rendering can tell: a finding at an unknown
// path or below it, at a path above anything templated, or about a field missing from an open
// collection is not reported. Names that are templated are for the rendered lint to resolve.
import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Span } from '../types';
import { pairKeyText, type PathSegment } from '../yamlPath';
import type { MaskedTemplate } from './maskTemplate';

export interface TemplateShape {
  /**
   * True when a finding reported at `at` is about something only rendering can tell. `aboutKey`: the
   * finding is about the key's name (an unknown field), which a templated value does not change.
   */
  hides(at: readonly PathSegment[], exists: boolean, aboutKey?: boolean): boolean;
  /** True when `span` overlaps an action (a quick fix there would edit template code). */
  touchesAction(span: Span): boolean;
  /** Duplicate keys that no template branch explains (the parser was told to allow them). */
  readonly duplicateKeys: readonly Span[];
}

interface Entry {
  readonly offset: number;
  readonly col: number;
  /** Keys of the entry's path and its ancestors (see `key`): the last is the entry's own. */
  readonly keys: readonly string[];
  readonly collection: boolean;
}

export function templateShape(yaml: Document, masked: MaskedTemplate): TemplateShape {
  const unknown = new Set<string>();
  /** Paths whose key itself is templated (`{{ $k }}: v`). */
  const unknownKeys = new Set<string>();
  const open = new Set<string>();
  const covered = new Set<string>();
  const entries: Entry[] = [];
  const duplicateKeys: Span[] = [];
  const spans = masked.unknown;
  const text = masked.text;

  /** `keys`: the keys of a path and of its ancestors, root first. */
  const mark = (set: Set<string>, keys: readonly string[]): void => {
    set.add(keys[keys.length - 1]!);
    for (let i = keys.length - 1; i >= 0 && !covered.has(keys[i]!); i--) covered.add(keys[i]!);
  };

  const visit = (node: Node | null | undefined, keys: string[]): void => {
    const own = keys[keys.length - 1]!;
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const k = item.key as Node | null;
        const name = pairKeyText(item) ?? '';
        const childKeys = [...keys, child(own, name)];
        const kr = k?.range;
        const value = item.value as Node | null;
        if (kr) {
          if (overlaps(spans, kr[0], kr[1])) {
            mark(unknown, childKeys);
            unknownKeys.add(childKeys[childKeys.length - 1]!);
            mark(open, keys);
          }
          const before = seen.get(name);
          if (before !== undefined) {
            if (overlaps(spans, before, kr[0])) mark(unknown, childKeys);
            else duplicateKeys.push({ start: kr[0], end: kr[1] });
          }
          seen.set(name, kr[0]);
          if (masked.contentLines.length) entries.push({ offset: kr[0], col: column(text, kr[0]), keys: childKeys, collection: isMap(value) || isSeq(value) });
        }
        visit(value, childKeys);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const n = item as Node | null;
        const childKeys = [...keys, child(own, i)];
        const at = n?.range ? dashBefore(text, n.range[0]) : undefined;
        if (at !== undefined && masked.contentLines.length) entries.push({ offset: at, col: column(text, at), keys: childKeys, collection: isMap(n) || isSeq(n) });
        visit(n, childKeys);
      });
    } else if (isScalar(node) && node.range) {
      if (overlaps(spans, node.range[0], Math.max(node.range[1], node.range[0] + 1))) mark(unknown, keys);
    }
  };
  visit(yaml.contents as Node | null, [ROOT]);

  // Where each printing action-only line lands: the collection of the nearest entry above it at
  // its indentation (a sibling), or the value of the nearest entry left of it (a child).
  entries.sort((x, y) => x.offset - y.offset);
  let e = 0;
  for (const line of masked.contentLines) {
    while (e < entries.length && entries[e]!.offset < line.offset) e++;
    let target: { keys: readonly string[]; unknown: boolean } | undefined;
    for (let i = e - 1; i >= 0 && !target; i--) {
      const entry = entries[i]!;
      if (entry.col === line.indent) target = { keys: entry.keys.slice(0, -1), unknown: false };
      else if (entry.col < line.indent) target = { keys: entry.keys, unknown: !entry.collection };
    }
    if (!target) target = { keys: [ROOT], unknown: false };
    mark(target.unknown ? unknown : open, target.keys);
  }

  return {
    duplicateKeys,
    touchesAction: (s) => overlaps(spans, s.start, Math.max(s.end, s.start + 1)),
    hides(at, exists, aboutKey = false) {
      let k = ROOT;
      for (let i = 0; ; i++) {
        if (i === at.length && aboutKey) return unknownKeys.has(k) || (!exists && open.has(k));
        if (unknown.has(k) || (!exists && open.has(k))) return true;
        if (i === at.length) return covered.has(k);
        k = child(k, at[i]!);
      }
    },
  };
}

/** Paths as strings: the root, then each segment appended (`\u0000.key`, `\u0000[0]`). */
const ROOT = '';

function child(parent: string, seg: PathSegment): string {
  return typeof seg === 'number' ? `${parent}\u0000[${seg}]` : `${parent}\u0000.${seg}`;
}

/** Binary search: does any span of the sorted, non-overlapping list intersect [from, to)? */
function overlaps(spans: readonly Span[], from: number, to: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo]!.start < to;
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The `-` of a block sequence item starting at `offset` (`- x`, `-   x`), else the item's own offset. */
function dashBefore(text: string, offset: number): number {
  let p = offset - 1;
  while (p >= 0 && (text[p] === ' ' || text[p] === '\t')) p--;
  return p >= 0 && text[p] === '-' ? p : offset;
}
