// kubectl's typed clients (e.g. `kubectl auth can-i`) POST SelfSubjectAccessReviews as protobuf
// (`application/vnd.kubernetes.protobuf`, while accepting JSON back). This decodes just that message:
// the `k8s\0` envelope (runtime.Unknown) → SelfSubjectAccessReview → spec → resourceAttributes.
import type { JsonObject } from './jsonValue';

type Fields = Map<number, Buffer[]>;

function varint(buf: Buffer, at: number): [number, number] {
  let value = 0;
  let shift = 0;
  for (let i = at; i < buf.length; i++) {
    const byte = buf[i] ?? 0;
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) return [value, i + 1];
  }
  throw new Error('truncated varint');
}

/** The length-delimited fields of a message, by field number (scalar fields are skipped). */
function fields(buf: Buffer): Fields {
  const out: Fields = new Map();
  let at = 0;
  while (at < buf.length) {
    const [key, next] = varint(buf, at);
    at = next;
    const wire = key & 7;
    if (wire === 0) at = varint(buf, at)[1];
    else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else if (wire === 2) {
      const [len, start] = varint(buf, at);
      const list = out.get(key >>> 3) ?? [];
      list.push(buf.subarray(start, start + len));
      out.set(key >>> 3, list);
      at = start + len;
    } else throw new Error(`unsupported wire type ${wire}`);
  }
  return out;
}

const first = (f: Fields, n: number): Buffer | undefined => f.get(n)?.[0];

const attributeNames = ['namespace', 'verb', 'group', 'version', 'resource', 'subresource', 'name'];

/** The review's `spec` as JSON, or undefined when the body is not a protobuf SelfSubjectAccessReview. */
export function decodeAccessReviewSpec(body: Buffer): JsonObject | undefined {
  if (body.subarray(0, 4).toString('latin1') !== 'k8s\u0000') return undefined;
  try {
    const raw = first(fields(body.subarray(4)), 2);
    const spec = raw && first(fields(raw), 2);
    const attrs = spec && first(fields(spec), 1);
    if (!attrs) return undefined;
    const decoded = fields(attrs);
    const resourceAttributes: JsonObject = {};
    attributeNames.forEach((name, i) => {
      const value = first(decoded, i + 1);
      if (value !== undefined) resourceAttributes[name] = value.toString('utf8');
    });
    return { resourceAttributes };
  } catch {
    return undefined;
  }
}
