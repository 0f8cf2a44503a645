// One pass over a document's plain value against its kind's schema, collecting the keys the schema
// does not know and the values of the wrong JSON type. Both schema rules read the same result (cached
// per document value), so the walk runs once per edit however many rules use it.
import { isRecord } from '../lintDoc';
import type { Path, PathSegment } from '../yamlPath';
import { schemaForKind, TOP_LEVEL_KEYS } from './kindSchemas';
import { open, type ObjectNode, type ScalarType, type SchemaNode } from './schemaNode';

/** JSON type names as the API server prints them. */
export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array';

export interface UnknownKey {
  readonly type: 'unknown-key';
  /** Path to the unknown key (its parent map's path + the key). */
  readonly path: Path;
  readonly key: string;
  /** Keys the schema allows at this place (a fresh iterator each call). */
  known(): Iterable<string>;
  /** The map holding the key, to avoid suggesting a key that is already there. */
  readonly siblings: Readonly<Record<string, unknown>>;
}

export interface WrongType {
  readonly type: 'wrong-type';
  readonly path: Path;
  /** As the API server names it: `integer`, `integer,string`, `object`, ... */
  readonly expected: string;
  readonly actual: JsonType;
  readonly expectedScalar: ScalarType | undefined;
}

export type SchemaIssue = UnknownKey | WrongType;

const cache = new WeakMap<object, readonly SchemaIssue[]>();

/** The schema issues of a document of a linted kind (none for other kinds). */
export function schemaIssues(value: Readonly<Record<string, unknown>>, kind: string | undefined): readonly SchemaIssue[] {
  const root = schemaForKind(kind);
  if (!root) return [];
  let issues = cache.get(value);
  if (!issues) {
    issues = walkDocument(value, root);
    cache.set(value, issues);
  }
  return issues;
}

function walkDocument(value: Readonly<Record<string, unknown>>, root: ObjectNode): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  const stack: PathSegment[] = [];
  for (const key of Object.keys(value)) {
    // `status` is a valid top-level key even for kinds whose CRD does not describe one.
    const node = root.props.get(key) ?? (TOP_LEVEL_KEYS.includes(key) ? open : undefined);
    if (node === undefined) {
      out.push({ type: 'unknown-key', path: [key], key, known: () => TOP_LEVEL_KEYS, siblings: value });
      continue;
    }
    stack.push(key);
    walk(value[key], node, stack, out);
    stack.pop();
  }
  return out;
}

function walk(value: unknown, node: SchemaNode, stack: PathSegment[], out: SchemaIssue[]): void {
  // An explicit null is the same as an absent field for the API server's client-side apply.
  if (value === null || value === undefined || node.t === 'open') return;
  switch (node.t) {
    case 'scalar': {
      const actual = jsonType(value);
      if (!scalarAccepts(node.type, actual)) {
        out.push({ type: 'wrong-type', path: [...stack], expected: node.type === 'int-or-string' ? 'integer,string' : node.type, actual, expectedScalar: node.type });
      }
      return;
    }
    case 'object':
      if (!isRecord(value) || value instanceof Date) return wrongType(value, 'object', stack, out);
      for (const key of Object.keys(value)) {
        const child = node.props.get(key);
        if (child === undefined) {
          out.push({ type: 'unknown-key', path: [...stack, key], key, known: () => node.props.keys(), siblings: value });
          continue;
        }
        stack.push(key);
        walk(value[key], child, stack, out);
        stack.pop();
      }
      return;
    case 'map':
      if (!isRecord(value) || value instanceof Date) return wrongType(value, 'object', stack, out);
      for (const key of Object.keys(value)) {
        stack.push(key);
        walk(value[key], node.of, stack, out);
        stack.pop();
      }
      return;
    case 'array':
      if (!Array.isArray(value)) return wrongType(value, 'array', stack, out);
      for (let i = 0; i < value.length; i++) {
        stack.push(i);
        walk(value[i], node.of, stack, out);
        stack.pop();
      }
      return;
  }
}

function wrongType(value: unknown, expected: 'object' | 'array', stack: PathSegment[], out: SchemaIssue[]): void {
  out.push({ type: 'wrong-type', path: [...stack], expected, actual: jsonType(value), expectedScalar: undefined });
}

/** The JSON type a YAML value becomes when kubectl sends it (YAML 1.1 timestamps stay strings). */
export function jsonType(value: unknown): JsonType {
  if (typeof value === 'string' || value instanceof Date) return 'string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'bigint') return 'integer';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'array';
  return 'object';
}

function scalarAccepts(type: ScalarType, actual: JsonType): boolean {
  switch (type) {
    case 'string':
      return actual === 'string';
    case 'integer':
      return actual === 'integer';
    case 'number':
      return actual === 'integer' || actual === 'number';
    case 'boolean':
      return actual === 'boolean';
    case 'int-or-string':
      return actual === 'integer' || actual === 'string';
  }
}
