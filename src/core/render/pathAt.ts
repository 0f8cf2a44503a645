// The YAML path of the node at an offset: the inverse of spanAt, used to carry a finding on rendered
// text back to the same field of the template, values file or patch it came from.
import { isMap, isPair, isSeq, type Document, type Node } from 'yaml';
import { pairKeyText, type PathSegment } from '../lint/yamlPath';

/** The path of the deepest key or value whose range holds `offset` ([] when none does). */
export function pathAt(doc: Document, offset: number): PathSegment[] {
  const path: PathSegment[] = [];
  let node = doc.contents as Node | null;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && covers(p.key as Node, p.value as Node, offset));
      if (!pair) return path;
      path.push(pairKeyText(pair) ?? '');
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((item) => covers(item as Node, null, offset));
      if (i < 0) return path;
      path.push(i);
      node = node.items[i] as Node | null;
    } else {
      return path;
    }
  }
}

function covers(key: Node | null, value: Node | null, offset: number): boolean {
  const start = key?.range?.[0] ?? value?.range?.[0];
  const end = value?.range?.[1] ?? key?.range?.[1];
  return start !== undefined && end !== undefined && start <= offset && (offset < end || (start === end && offset === start));
}
