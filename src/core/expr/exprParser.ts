// A Pratt parser for expr-lang, following the grammar and operator table of expr's parser package
// (v1.17): `and`/`&&`, `or`/`||`, `not`/`!`, `in`/`not in`, `matches`, `contains`, `startsWith`,
// `endsWith`, `..`, `??`, `**`/`^`, ternary `?:`, pipes `|`, predicates (`{# > 0}` or bare `# > 0`),
// `let`, arrays, maps, member/index/slice access and optional chaining.
import type { Node } from './exprAst';
import { tokenize, type LexError, type Token } from './exprLexer';

export type ParseResult = { ok: true; ast: Node } | { ok: false; error: LexError };

interface OpInfo {
  readonly prec: number;
  readonly right?: boolean;
}

// expr's parser/operator binary table.
const BINARY: Record<string, OpInfo> = {
  or: { prec: 10 },
  '||': { prec: 10 },
  and: { prec: 15 },
  '&&': { prec: 15 },
  '==': { prec: 20 },
  '!=': { prec: 20 },
  '<': { prec: 20 },
  '>': { prec: 20 },
  '>=': { prec: 20 },
  '<=': { prec: 20 },
  in: { prec: 20 },
  matches: { prec: 20 },
  contains: { prec: 20 },
  startsWith: { prec: 20 },
  endsWith: { prec: 20 },
  '..': { prec: 25 },
  '+': { prec: 30 },
  '-': { prec: 30 },
  '*': { prec: 60 },
  '/': { prec: 60 },
  '%': { prec: 60 },
  '**': { prec: 100, right: true },
  '^': { prec: 100, right: true },
  '??': { prec: 500 },
};

const UNARY: Record<string, number> = { not: 50, '!': 50, '-': 90, '+': 90 };

const NOT_FORMS = new Set(['in', 'matches', 'contains', 'startsWith', 'endsWith']);

/** Builtins whose later arguments are predicates (closures over `#`). */
export const PREDICATE_BUILTINS: ReadonlySet<string> = new Set([
  'all',
  'none',
  'any',
  'one',
  'filter',
  'map',
  'count',
  'sum',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'groupBy',
  'sortBy',
  'reduce',
]);

class SyntaxError extends Error {
  constructor(readonly err: LexError) {
    super(err.message);
  }
}

export function parseExpr(src: string): ParseResult {
  const lexed = tokenize(src);
  if (!lexed.ok) return { ok: false, error: lexed.error };
  try {
    const p = new Parser(lexed.tokens);
    const ast = p.parseProgram();
    return { ok: true, ast };
  } catch (e) {
    if (e instanceof SyntaxError) return { ok: false, error: e.err };
    throw e;
  }
}

/** expr prints tokens as `Kind("value")`, EOF as `EOF`. */
export function describeToken(t: Token): string {
  if (t.kind === 'EOF') return 'EOF';
  return `${t.kind}(${JSON.stringify(t.kind === 'String' ? t.value : t.value)})`;
}

class Parser {
  private pos = 0;
  /** Depth of predicates being parsed: `#` and `.field` are only valid inside one. */
  private predicateDepth = 0;
  /** The next call is the right side of a pipe: its first argument is implicit. */
  private pipeCall = false;

  constructor(private readonly tokens: readonly Token[]) {}

  parseProgram(): Node {
    if (this.peek().kind === 'EOF') throw new SyntaxError({ message: 'unexpected token EOF', start: 0, end: 0 });
    const node = this.parseSequenceOrLet();
    const t = this.peek();
    if (t.kind !== 'EOF') this.unexpected(t);
    return node;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  private is(kind: Token['kind'], value?: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === kind && (value === undefined || t.value === value);
  }

  private expect(kind: Token['kind'], value: string): Token {
    const t = this.peek();
    if (t.kind !== kind || t.value !== value) this.unexpected(t);
    return this.next();
  }

  private unexpected(t: Token): never {
    const start = t.kind === 'EOF' ? Math.max(0, t.start - 1) : t.start;
    throw new SyntaxError({ message: `unexpected token ${describeToken(t)}`, start, end: Math.max(t.end, start + 1) });
  }

  private parseSequenceOrLet(): Node {
    if (this.is('Identifier', 'let')) return this.parseLet();
    let node = this.parseExpression(0);
    // `a; b` evaluates both and yields b (expr v1.17 sequences).
    while (this.is('Operator', ';')) {
      this.next();
      if (this.is('EOF')) break;
      const right = this.is('Identifier', 'let') ? this.parseLet() : this.parseExpression(0);
      node = { type: 'Binary', op: ';', left: node, right, start: node.start, end: right.end };
    }
    return node;
  }

  private parseLet(): Node {
    const kw = this.next();
    const name = this.next();
    if (name.kind !== 'Identifier') this.unexpected(name);
    this.expect('Operator', '=');
    const value = this.parseExpression(0);
    this.expect('Operator', ';');
    const body = this.parseSequenceOrLet();
    return { type: 'Let', name: name.value, value, body, start: kw.start, end: body.end };
  }

  parseExpression(minPrec: number): Node {
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      let op: string | undefined;
      let width = 1;
      if (t.kind === 'Operator' || t.kind === 'Identifier') {
        if (t.kind === 'Identifier' && t.value === 'not' && this.is('Identifier', undefined, 1) && NOT_FORMS.has(this.peek(1).value)) {
          op = `not ${this.peek(1).value}`;
          width = 2;
        } else if (Object.hasOwn(BINARY, t.value)) {
          op = t.value;
        }
      }
      if (op !== undefined) {
        const info = BINARY[op.startsWith('not ') ? op.slice(4) : op]!;
        if (info.prec < minPrec || (info.prec === minPrec && !info.right)) break;
        for (let k = 0; k < width; k++) this.next();
        const right = this.parseExpression(info.right ? info.prec : info.prec + 1);
        left = { type: 'Binary', op, left, right, start: left.start, end: right.end };
        continue;
      }
      if (minPrec === 0 && t.kind === 'Operator' && t.value === '|') {
        this.next();
        this.pipeCall = true;
        const right = this.parseUnary();
        this.pipeCall = false;
        if (right.type !== 'Call') throw new SyntaxError({ message: 'expected function call after pipe', start: right.start, end: right.end });
        left = { type: 'Binary', op: '|', left, right, start: left.start, end: right.end };
        continue;
      }
      if (minPrec === 0 && t.kind === 'Operator' && t.value === '?') {
        this.next();
        if (this.is('Operator', ':')) {
          // `a ?: b` — expr's elvis shorthand.
          this.next();
          const alternate = this.parseExpression(0);
          left = { type: 'Conditional', test: left, consequent: left, alternate, start: left.start, end: alternate.end };
          continue;
        }
        const consequent = this.parseExpression(0);
        this.expect('Operator', ':');
        const alternate = this.parseExpression(0);
        left = { type: 'Conditional', test: left, consequent, alternate, start: left.start, end: alternate.end };
        continue;
      }
      break;
    }
    return left;
  }

  private parseUnary(): Node {
    const t = this.peek();
    const prec = (t.kind === 'Operator' || (t.kind === 'Identifier' && t.value === 'not')) && Object.hasOwn(UNARY, t.value) ? UNARY[t.value] : undefined;
    if (prec !== undefined) {
      this.next();
      const operand = this.parseExpression(prec);
      return { type: 'Unary', op: t.value, operand, start: t.start, end: operand.end };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePrimary(): Node {
    const t = this.next();
    switch (t.kind) {
      case 'Number': {
        const clean = t.value.replace(/_/g, '');
        const isInteger = !/[.eE]/.test(clean) || /^0[xX]/.test(clean);
        const value = /^0[oO]/.test(clean) ? parseInt(clean.slice(2), 8) : /^0[bB]/.test(clean) ? parseInt(clean.slice(2), 2) : Number(clean);
        return { type: 'Number', value, isInteger, start: t.start, end: t.end };
      }
      case 'String':
        return { type: 'String', value: t.value, start: t.start, end: t.end };
      case 'Identifier':
        return this.parseIdentifier(t);
      case 'Bracket':
        if (t.value === '(') {
          const inner = this.parseSequenceOrLet();
          const close = this.expect('Bracket', ')');
          return { ...inner, start: t.start, end: close.end };
        }
        if (t.value === '[') return this.parseArray(t);
        if (t.value === '{') return this.parseMap(t);
        return this.unexpected(t);
      case 'Operator':
        if (t.value === '#') {
          if (this.predicateDepth === 0) throw new SyntaxError({ message: 'cannot use pointer accessor outside predicate', start: t.start, end: t.end });
          // `#index`, `#acc` — only when written without a space.
          const id = this.peek();
          if (id.kind === 'Identifier' && id.start === t.end) {
            this.next();
            return { type: 'Pointer', name: id.value, start: t.start, end: id.end };
          }
          return { type: 'Pointer', name: '', start: t.start, end: t.end };
        }
        if (t.value === '.') {
          // `.field` inside a predicate is `#.field`.
          const id = this.next();
          if (id.kind !== 'Identifier') this.unexpected(id);
          if (this.predicateDepth === 0) throw new SyntaxError({ message: 'cannot use pointer accessor outside predicate', start: t.start, end: id.end });
          const object: Node = { type: 'Pointer', name: '', start: t.start, end: t.start };
          const property: Node = { type: 'String', value: id.value, start: id.start, end: id.end };
          return { type: 'Member', object, property, optional: false, computed: false, start: t.start, end: id.end };
        }
        return this.unexpected(t);
      default:
        return this.unexpected(t);
    }
  }

  private parseIdentifier(t: Token): Node {
    switch (t.value) {
      case 'true':
      case 'false':
        return { type: 'Bool', value: t.value === 'true', start: t.start, end: t.end };
      case 'nil':
        return { type: 'Nil', start: t.start, end: t.end };
      case 'let':
      case 'in':
      case 'and':
      case 'or':
      case 'matches':
      case 'contains':
      case 'startsWith':
      case 'endsWith':
        // Keywords in operand position.
        if (t.value !== 'let' && this.is('Bracket', '(')) break;
        return this.unexpected(t);
      case 'if':
        if (!this.is('Bracket', '(')) return this.parseIf(t);
        break;
      default:
        break;
    }
    const ident: Node = { type: 'Identifier', name: t.value, start: t.start, end: t.end };
    if (this.is('Bracket', '(')) return this.parseCall(ident);
    return ident;
  }

  private parseIf(kw: Token): Node {
    const test = this.parseExpression(0);
    this.expect('Bracket', '{');
    const consequent = this.parseSequenceOrLet();
    this.expect('Bracket', '}');
    if (!this.is('Identifier', 'else')) this.unexpected(this.peek());
    this.next();
    let alternate: Node;
    if (this.is('Identifier', 'if')) {
      alternate = this.parseIf(this.next());
    } else {
      this.expect('Bracket', '{');
      alternate = this.parseSequenceOrLet();
      this.expect('Bracket', '}');
    }
    return { type: 'Conditional', test, consequent, alternate, start: kw.start, end: alternate.end };
  }

  private parseCall(callee: Node): Node {
    this.expect('Bracket', '(');
    const args: Node[] = [];
    const predicates = callee.type === 'Identifier' && PREDICATE_BUILTINS.has(callee.name);
    const firstPredicate = this.pipeCall ? 0 : 1;
    this.pipeCall = false;
    while (!this.is('Bracket', ')')) {
      if (args.length > 0) {
        this.expect('Operator', ',');
        if (this.is('Bracket', ')')) break; // trailing comma
      }
      args.push(predicates && args.length >= firstPredicate ? this.parseClosure() : this.parseExpression(0));
    }
    const close = this.expect('Bracket', ')');
    return { type: 'Call', callee, args, start: callee.start, end: close.end };
  }

  private parseClosure(): Node {
    const open = this.is('Bracket', '{') ? this.next() : undefined;
    this.predicateDepth++;
    const body = this.parseSequenceOrLet();
    this.predicateDepth--;
    const close = open ? this.expect('Bracket', '}') : undefined;
    return { type: 'Closure', body, start: open?.start ?? body.start, end: close?.end ?? body.end };
  }

  private parseArray(open: Token): Node {
    const elements: Node[] = [];
    while (!this.is('Bracket', ']')) {
      if (elements.length > 0) {
        this.expect('Operator', ',');
        if (this.is('Bracket', ']')) break;
      }
      elements.push(this.parseExpression(0));
    }
    const close = this.expect('Bracket', ']');
    return { type: 'Array', elements, start: open.start, end: close.end };
  }

  private parseMap(open: Token): Node {
    const entries: { key: Node; value: Node }[] = [];
    while (!this.is('Bracket', '}')) {
      if (entries.length > 0) {
        this.expect('Operator', ',');
        if (this.is('Bracket', '}')) break;
      }
      const k = this.peek();
      let key: Node;
      if (k.kind === 'Identifier' || k.kind === 'String') {
        this.next();
        key = { type: 'String', value: k.value, start: k.start, end: k.end };
      } else if (k.kind === 'Number') {
        key = this.parsePrimary();
      } else if (k.kind === 'Bracket' && k.value === '(') {
        key = this.parsePrimary();
      } else {
        return this.unexpected(k);
      }
      this.expect('Operator', ':');
      entries.push({ key, value: this.parseExpression(0) });
    }
    const close = this.expect('Bracket', '}');
    return { type: 'Map', entries, start: open.start, end: close.end };
  }

  private parsePostfix(node: Node): Node {
    for (;;) {
      const t = this.peek();
      if (t.kind === 'Operator' && (t.value === '.' || t.value === '?.')) {
        this.next();
        const optional = t.value === '?.';
        if (optional && this.is('Bracket', '[')) {
          node = this.parseIndex(node, true);
          continue;
        }
        const id = this.next();
        if (id.kind !== 'Identifier') this.unexpected(id);
        const property: Node = { type: 'String', value: id.value, start: id.start, end: id.end };
        const member: Node = { type: 'Member', object: node, property, optional, computed: false, start: node.start, end: id.end };
        node = this.is('Bracket', '(') ? this.parseCall(member) : member;
        continue;
      }
      if (t.kind === 'Bracket' && t.value === '[') {
        node = this.parseIndex(node, false);
        continue;
      }
      return node;
    }
  }

  private parseIndex(object: Node, optional: boolean): Node {
    this.expect('Bracket', '[');
    let from: Node | undefined;
    if (!this.is('Operator', ':')) from = this.parseExpression(0);
    if (this.is('Operator', ':')) {
      this.next();
      const to = this.is('Bracket', ']') ? undefined : this.parseExpression(0);
      const close = this.expect('Bracket', ']');
      return { type: 'Slice', object, from, to, start: object.start, end: close.end };
    }
    const close = this.expect('Bracket', ']');
    return { type: 'Member', object, property: from!, optional, computed: true, start: object.start, end: close.end };
  }
}
