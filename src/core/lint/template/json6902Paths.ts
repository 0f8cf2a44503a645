// JSON 6902 patches (Kustomize `patchesJson6902`, or `patches` whose file is a list of operations):
// an operation whose `path` (or `from`) names a field the target kind does not have changes nothing
// Argo reads — kustomize adds the field and the API server prunes it, or the patch fails to apply.
import { schemaForKind } from '../schema/kindSchemas';
import type { SchemaNode } from '../schema/schemaNode';
import { isRecord } from '../../untrustedJson';
import type { Path } from '../yamlPath';

export interface PathProblem {
  /** Where in the patch document: `[i, 'path']`. */
  readonly at: Path;
  readonly message: string;
}

const OPS = ['add', 'remove', 'replace', 'move', 'copy', 'test'];

/** True when the document looks like a list of JSON 6902 operations. */
export function isJson6902(value: unknown): value is unknown[] {
  return Array.isArray(value) && value.length > 0 && value.every((op) => isRecord(op) && typeof op.op === 'string' && typeof op.path === 'string');
}

export function json6902Problems(ops: readonly unknown[], targetKind: string | undefined): PathProblem[] {
  const root = schemaForKind(targetKind);
  const out: PathProblem[] = [];
  ops.forEach((op, i) => {
    if (!isRecord(op)) return;
    if (typeof op.op === 'string' && !OPS.includes(op.op)) {
      out.push({ at: [i, 'op'], message: `Unsupported JSON 6902 operation "${op.op}" (expected one of: ${OPS.join(', ')})` });
    }
    if (!root) return;
    for (const field of ['path', 'from'] as const) {
      const pointer = op[field];
      if (typeof pointer !== 'string') continue;
      const problem = pointerProblem(pointer, root, op.op === 'add' || op.op === 'copy' || op.op === 'move');
      if (problem) out.push({ at: [i, field], message: `${targetKind} has no field ${problem} (JSON 6902 ${field} "${pointer}")` });
    }
  });
  return out;
}

/** The first segment of `pointer` the schema does not have, formatted as a field path; undefined when it exists. */
function pointerProblem(pointer: string, root: SchemaNode, appending: boolean): string | undefined {
  if (pointer === '') return undefined;
  const segs = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: SchemaNode = root;
  let shown = '';
  for (const seg of segs) {
    switch (node.t) {
      case 'open':
        return undefined;
      case 'scalar':
        return `${shown}.${seg} (${shown || 'it'} is ${/^[aeiou]/.test(node.type) ? 'an' : 'a'} ${node.type})`;
      case 'map':
        shown += `.${seg}`;
        node = node.of;
        break;
      case 'array':
        if (!(/^\d+$/.test(seg) || (appending && seg === '-'))) return `${shown}[${seg}] (${shown} is a list: an index or - is expected)`;
        shown += `[${seg}]`;
        node = node.of;
        break;
      case 'object': {
        const next = node.props.get(seg) ?? (shown === '' && seg === 'status' ? ({ t: 'open' } as const) : undefined);
        shown += shown ? `.${seg}` : seg;
        if (!next) return shown;
        node = next;
        break;
      }
    }
  }
  return undefined;
}
