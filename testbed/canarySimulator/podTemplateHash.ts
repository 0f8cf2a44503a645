// The controller's pod-template hash (controller.ComputeHash): FNV-1a 32 over the printed template
// (plus the collision count), then rand.SafeEncodeString of the decimal sum — up to 10 characters
// from an alphabet without vowels, like `65fb5ffc84`. We print the template as key-sorted JSON
// instead of Go's spew, so the values differ from a real cluster's but are just as stable.
import { isObject } from '../../src/core/rollout/jsonFields';

const SAFE_CHARS = 'bcdfghjklmnpqrstvwxz2456789';

/** k8s.io/apimachinery rand.SafeEncodeString: each byte mapped onto the vowel-free alphabet. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_CHARS[s.charCodeAt(i) % SAFE_CHARS.length] ?? '';
  return out;
}

export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** JSON with object keys sorted, so two equal templates always print the same. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (isObject(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function podTemplateHash(template: unknown, collisionCount = 0): string {
  const text = stableJson(template ?? {}) + (collisionCount > 0 ? String(collisionCount) : '');
  return safeEncodeString(String(fnv1a32(text)));
}
