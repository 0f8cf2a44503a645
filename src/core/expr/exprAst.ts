// The syntax tree of an expr-lang expression. Every node carries its source range so checks can
// underline the exact part of a condition; the shapes are close to expr's own `ast` package so an
// evaluator can be written over them later.

interface Base {
  readonly start: number;
  readonly end: number;
}

export interface NumberLit extends Base {
  readonly type: 'Number';
  readonly value: number;
  readonly isInteger: boolean;
}
export interface StringLit extends Base {
  readonly type: 'String';
  readonly value: string;
}
export interface BoolLit extends Base {
  readonly type: 'Bool';
  readonly value: boolean;
}
export interface NilLit extends Base {
  readonly type: 'Nil';
}
export interface Identifier extends Base {
  readonly type: 'Identifier';
  readonly name: string;
}
/** `#` (the current element of a predicate), or `#index` / `#acc` when `name` is set. */
export interface Pointer extends Base {
  readonly type: 'Pointer';
  readonly name: string;
}
/** `a.b`, `a?.b`, `a["b"]`, `a[0]`; `.b` inside a predicate has `object` = an implicit Pointer. */
export interface Member extends Base {
  readonly type: 'Member';
  readonly object: Node;
  readonly property: Node;
  readonly optional: boolean;
  readonly computed: boolean;
}
export interface Slice extends Base {
  readonly type: 'Slice';
  readonly object: Node;
  readonly from: Node | undefined;
  readonly to: Node | undefined;
}
export interface Call extends Base {
  readonly type: 'Call';
  readonly callee: Node;
  readonly args: readonly Node[];
}
export interface Unary extends Base {
  readonly type: 'Unary';
  readonly op: string;
  readonly operand: Node;
}
export interface Binary extends Base {
  readonly type: 'Binary';
  /** Normalised spelling kept as written: `and`/`&&`, `not in`, `matches`, `..`, `??`, `|` (pipe). */
  readonly op: string;
  readonly left: Node;
  readonly right: Node;
}
export interface Conditional extends Base {
  readonly type: 'Conditional';
  readonly test: Node;
  readonly consequent: Node;
  readonly alternate: Node;
}
export interface ArrayLit extends Base {
  readonly type: 'Array';
  readonly elements: readonly Node[];
}
export interface MapLit extends Base {
  readonly type: 'Map';
  readonly entries: readonly { readonly key: Node; readonly value: Node }[];
}
/** A predicate: `{# > 0}` or a bare `# > 0` given to all/any/filter/map/... */
export interface Closure extends Base {
  readonly type: 'Closure';
  readonly body: Node;
}
/** `let x = value; body` */
export interface Let extends Base {
  readonly type: 'Let';
  readonly name: string;
  readonly value: Node;
  readonly body: Node;
}

export type Node =
  | NumberLit
  | StringLit
  | BoolLit
  | NilLit
  | Identifier
  | Pointer
  | Member
  | Slice
  | Call
  | Unary
  | Binary
  | Conditional
  | ArrayLit
  | MapLit
  | Closure
  | Let;

/** Calls `visit` for every node, parents first; `scope` holds the `let` names visible at that node. */
export function walkExpr(node: Node, visit: (n: Node, scope: ReadonlySet<string>) => void, scope: ReadonlySet<string> = new Set()): void {
  visit(node, scope);
  const go = (c: Node | undefined, s = scope): void => {
    if (c) walkExpr(c, visit, s);
  };
  switch (node.type) {
    case 'Member':
      go(node.object);
      if (node.computed) go(node.property);
      break;
    case 'Slice':
      go(node.object);
      go(node.from);
      go(node.to);
      break;
    case 'Call':
      go(node.callee);
      node.args.forEach((a) => go(a));
      break;
    case 'Unary':
      go(node.operand);
      break;
    case 'Binary':
      go(node.left);
      go(node.right);
      break;
    case 'Conditional':
      go(node.test);
      go(node.consequent);
      go(node.alternate);
      break;
    case 'Array':
      node.elements.forEach((e) => go(e));
      break;
    case 'Map':
      for (const e of node.entries) {
        if (e.key.type !== 'Identifier' && e.key.type !== 'String' && e.key.type !== 'Number') go(e.key);
        go(e.value);
      }
      break;
    case 'Closure':
      go(node.body);
      break;
    case 'Let': {
      go(node.value);
      const inner = new Set(scope);
      inner.add(node.name);
      go(node.body, inner);
      break;
    }
    default:
      break;
  }
}
