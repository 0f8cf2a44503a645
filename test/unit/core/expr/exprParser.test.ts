import { strict as assert } from 'node:assert';
import type { Node } from '../../../../src/core/expr/exprAst';
import { parseExpr } from '../../../../src/core/expr/exprParser';

function ast(src: string): Node {
  const r = parseExpr(src);
  if (!r.ok) throw new Error(`${src}: ${r.error.message}`);
  return r.ast;
}

/** A compact s-expression of the tree, to compare shapes. */
function show(n: Node): string {
  switch (n.type) {
    case 'Number':
      return String(n.value);
    case 'String':
      return JSON.stringify(n.value);
    case 'Bool':
      return String(n.value);
    case 'Nil':
      return 'nil';
    case 'Identifier':
      return n.name;
    case 'Pointer':
      return `#${n.name}`;
    case 'Member':
      return `(${n.optional ? '?.' : '.'} ${show(n.object)} ${show(n.property)})`;
    case 'Slice':
      return `(slice ${show(n.object)} ${n.from ? show(n.from) : '_'} ${n.to ? show(n.to) : '_'})`;
    case 'Call':
      return `(${show(n.callee)}${n.args.map((a) => ' ' + show(a)).join('')})`;
    case 'Unary':
      return `(${n.op} ${show(n.operand)})`;
    case 'Binary':
      return `(${n.op} ${show(n.left)} ${show(n.right)})`;
    case 'Conditional':
      return `(? ${show(n.test)} ${show(n.consequent)} ${show(n.alternate)})`;
    case 'Array':
      return `[${n.elements.map(show).join(' ')}]`;
    case 'Map':
      return `{${n.entries.map((e) => `${show(e.key)}:${show(e.value)}`).join(' ')}}`;
    case 'Closure':
      return `{${show(n.body)}}`;
    case 'Let':
      return `(let ${n.name} ${show(n.value)} ${show(n.body)})`;
  }
}

function error(src: string): { message: string; at: string } {
  const r = parseExpr(src);
  if (r.ok) throw new Error(`${src} parsed`);
  return { message: r.error.message, at: src.slice(r.error.start, r.error.end) };
}

describe('the expr-lang parser', () => {
  it('parses the usual Argo conditions into trees with the right precedence', () => {
    assert.equal(show(ast('result[0] >= 0.95')), '(>= (. result 0) 0.95)');
    assert.equal(show(ast('len(result) == 0 || result[0] >= 0.95')), '(|| (== (len result) 0) (>= (. result 0) 0.95))');
    assert.equal(show(ast('result[0] >= 0.95 and result[0] < 2')), '(and (>= (. result 0) 0.95) (< (. result 0) 2))');
    assert.equal(show(ast('not isNaN(result) && !isInf(result)')), '(&& (not (isNaN result)) (! (isInf result)))');
    assert.equal(show(ast('1 + 2 * 3 ** 2 ** 2')), '(+ 1 (* 2 (** 3 (** 2 2))))');
    assert.equal(show(ast('-result[0] < 0')), '(< (- (. result 0)) 0)');
  });

  it('parses predicates with and without braces, the pointer and .field', () => {
    assert.equal(show(ast('all(result, {# < 0.4})')), '(all result {(< # 0.4)})');
    assert.equal(show(ast('all(result, # < 1000)')), '(all result {(< # 1000)})');
    assert.equal(show(ast('any(result, {.value > 1})')), '(any result {(> (. # "value") 1)})');
    assert.equal(show(ast('map(result, #index)')), '(map result {#index})');
    assert.equal(show(ast('result | filter(# > 1) | len() > 0')), '(> (| (| result (filter {(> # 1)})) (len)) 0)');
  });

  it('parses membership, string operators, ranges, ternaries, ?? and let', () => {
    assert.equal(show(ast('result not in [1, 2]')), '(not in result [1 2])');
    assert.equal(show(ast('result matches "^a" or result startsWith "b"')), '(or (matches result "^a") (startsWith result "b"))');
    assert.equal(show(ast('result in 1..3')), '(in result (.. 1 3))');
    assert.equal(show(ast('result > 1 ? "hi" : "lo"')), '(? (> result 1) "hi" "lo")');
    assert.equal(show(ast('result?.a ?? 0')), '(?? (?. result "a") 0)');
    assert.equal(show(ast('let x = result[0]; x > 1')), '(let x (. result 0) (> x 1))');
    assert.equal(show(ast('result[1:]')), '(slice result 1 _)');
    assert.equal(show(ast('{a: 1, "b": [nil, true]}.a')), '(. {"a":1 "b":[nil true]} "a")');
  });

  it('reads number literals with digit separators, hex, exponents and escaped strings', () => {
    assert.equal(show(ast('1_000_000')), '1000000');
    assert.equal(show(ast('0x1F')), '31');
    assert.equal(show(ast('1.5e3')), '1500');
    assert.equal(show(ast('"a\\n\\"b"')), JSON.stringify('a\n"b'));
    assert.equal(show(ast("'it\\'s'")), JSON.stringify("it's"));
  });

  it('reports a missing right operand at the end of the input', () => {
    assert.deepEqual(error('result[0] >='), { message: 'unexpected token EOF', at: '=' });
  });

  it('reports => and a single = as unexpected operators', () => {
    assert.deepEqual(error('result[0] => 0.95'), { message: 'unexpected token Operator("=")', at: '=' });
    assert.deepEqual(error('len(result) = 0'), { message: 'unexpected token Operator("=")', at: '=' });
  });

  it('reports unbalanced parentheses', () => {
    assert.equal(error('(len(result) > 0').message, 'unexpected token EOF');
    assert.deepEqual(error('len(result) > 0)'), { message: 'unexpected token Bracket(")")', at: ')' });
  });

  it('reports lexical errors: unterminated strings, bad numbers, stray characters, # outside predicates', () => {
    assert.equal(error('result == "abc').message, 'literal not terminated');
    assert.equal(error('1__0 > result').message, 'invalid number literal: 1__0');
    assert.deepEqual(error('result @ 1'), { message: "unrecognized character: U+0040 '@'", at: '@' });
    assert.equal(error('# > 1').message, 'cannot use pointer accessor outside predicate');
    assert.equal(error('').message, 'unexpected token EOF');
  });
});
