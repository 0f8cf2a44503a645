// RFC 6902 JSON patch (`application/json-patch+json`), with error texts in the style of the
// json-patch library the API server uses; callers turn a PatchError into a 422.
import { cloneJson, isJsonObject, jsonEqual, type JsonValue } from './jsonValue';

export class PatchError extends Error {}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new PatchError(`invalid JSON pointer: ${path}`);
  return path.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

type Container = JsonValue[] | { [key: string]: JsonValue };

/** The parent container of a path and the last token. */
function parentOf(doc: JsonValue, path: string, op: string): [Container, string] {
  const tokens = pointer(path);
  const last = tokens.pop();
  if (last === undefined) throw new PatchError(`jsonpatch ${op} operation does not apply: the root cannot be the target`);
  let node: JsonValue | undefined = doc;
  for (const token of tokens) {
    node = Array.isArray(node) ? node[Number(token)] : isJsonObject(node) ? node[token] : undefined;
    if (node === undefined) throw new PatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  }
  if (!Array.isArray(node) && !isJsonObject(node)) throw new PatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
  return [node, last];
}

function index(list: JsonValue[], token: string, op: string, path: string, forInsert: boolean): number {
  const i = token === '-' && forInsert ? list.length : Number(token);
  const max = forInsert ? list.length : list.length - 1;
  if (!/^(0|[1-9][0-9]*|-)$/.test(token) || !Number.isInteger(i) || i < 0 || i > max) {
    throw new PatchError(`${op} operation does not apply: index out of bounds: ${path}`);
  }
  return i;
}

function read(doc: JsonValue, path: string, op: string): JsonValue {
  if (path === '') return doc;
  const [parent, last] = parentOf(doc, path, op);
  const value = Array.isArray(parent) ? parent[index(parent, last, op, path, false)] : parent[last];
  if (value === undefined) throw new PatchError(`${op} operation does not apply: doc is missing key: ${path}: missing value`);
  return value;
}

function add(doc: JsonValue, path: string, value: JsonValue): JsonValue {
  if (path === '') return value;
  const [parent, last] = parentOf(doc, path, 'add');
  if (Array.isArray(parent)) parent.splice(index(parent, last, 'add', path, true), 0, value);
  else parent[last] = value;
  return doc;
}

function remove(doc: JsonValue, path: string, op: string): JsonValue {
  const [parent, last] = parentOf(doc, path, op);
  if (Array.isArray(parent)) parent.splice(index(parent, last, op, path, false), 1);
  else {
    if (parent[last] === undefined) throw new PatchError(`${op} operation does not apply: doc is missing key: ${path}: missing value`);
    delete parent[last];
  }
  return doc;
}

function stringField(op: { [key: string]: JsonValue }, key: string): string {
  const value = op[key];
  if (typeof value !== 'string') throw new PatchError(`${key} is missing or not a string in operation ${JSON.stringify(op)}`);
  return value;
}

export function applyJsonPatch(target: JsonValue, patch: JsonValue): JsonValue {
  if (!Array.isArray(patch)) throw new PatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = cloneJson(target);
  for (const op of patch) {
    if (!isJsonObject(op)) throw new PatchError('json: cannot unmarshal a non-object into jsonpatch.Operation');
    const kind = stringField(op, 'op');
    const path = stringField(op, 'path');
    const value = op.value;
    switch (kind) {
      case 'add':
        if (value === undefined) throw new PatchError('add operation does not apply: value is missing');
        doc = add(doc, path, cloneJson(value));
        break;
      case 'remove':
        doc = remove(doc, path, 'remove');
        break;
      case 'replace':
        if (value === undefined) throw new PatchError('replace operation does not apply: value is missing');
        read(doc, path, 'replace');
        doc = path === '' ? cloneJson(value) : add(remove(doc, path, 'replace'), path, cloneJson(value));
        break;
      case 'move': {
        const from = stringField(op, 'from');
        const moved = read(doc, from, 'move');
        doc = add(remove(doc, from, 'move'), path, moved);
        break;
      }
      case 'copy':
        doc = add(doc, path, cloneJson(read(doc, stringField(op, 'from'), 'copy')));
        break;
      case 'test':
        if (!jsonEqual(read(doc, path, 'test'), value)) throw new PatchError(`testing value ${path} failed: test failed`);
        break;
      default:
        throw new PatchError(`Unexpected kind: ${kind}`);
    }
  }
  return doc;
}
