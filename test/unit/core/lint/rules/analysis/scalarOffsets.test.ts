import { strict as assert } from 'node:assert';
import { isMap, isPair, parseDocument, type Node } from 'yaml';
import { scalarOffsets } from '../../../../../../src/core/lint/rules/analysis/scalarOffsets';

/** The source text that value range [start, end) of `q` maps to, or undefined. */
function mapped(src: string, start: number, end: number): string | undefined {
  const doc = parseDocument(src);
  const root = doc.contents;
  const pair = isMap(root) ? root.items.find((p) => isPair(p)) : undefined;
  const node = pair?.value as Node | undefined;
  const s = scalarOffsets(node, src)?.map(start, end);
  return s && src.slice(s.start, s.end);
}

describe('mapping offsets in YAML scalars to the source', () => {
  it('maps plain, single- and double-quoted values', () => {
    assert.equal(mapped('q: abc def\n', 4, 7), 'def');
    assert.equal(mapped("q: 'it''s ok'\n", 5, 7), 'ok');
    assert.equal(mapped('q: "a\\"b\\" c"\n', 5, 6), 'c');
  });

  it('maps folded multi-line plain and quoted values', () => {
    assert.equal(mapped('q: one\n  two\n', 4, 7), 'two');
    assert.equal(mapped('q: "one\n\n  two"\n', 4, 7), 'two');
  });

  it('maps literal and folded block scalars, with empty and more-indented lines', () => {
    assert.equal(mapped('q: |\n  one\n\n  two\n', 5, 8), 'two');
    assert.equal(mapped('q: >\n  one\n  two\n\n  three\n', 8, 13), 'three');
    assert.equal(mapped('q: |2\n    one\n', 0, 2), '  ');
  });

  it('gives up on values it cannot reproduce rather than guess', () => {
    const doc = parseDocument('q: 12\n');
    const node = isMap(doc.contents) ? (doc.contents.items[0]?.value as Node) : undefined;
    assert.equal(scalarOffsets(node, 'q: 12\n'), undefined);
  });
});
