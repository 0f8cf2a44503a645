// JSON values as the double stores them. Objects arriving over HTTP are untrusted, so everything is
// narrowed with guards rather than cast.
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function cloneJson<T extends JsonValue>(value: T): T {
  return structuredClone(value);
}

export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  if (isJsonObject(a) && isJsonObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => jsonEqual(a[k], b[k]));
  }
  return false;
}

/** The object at `obj[key]`, created when missing or not an object. */
export function objectAt(obj: JsonObject, key: string): JsonObject {
  const value = obj[key];
  if (isJsonObject(value)) return value;
  const fresh: JsonObject = {};
  obj[key] = fresh;
  return fresh;
}

export function stringAt(obj: JsonValue | undefined, key: string): string | undefined {
  if (!isJsonObject(obj)) return undefined;
  const value = obj[key];
  return typeof value === 'string' ? value : undefined;
}

export function metadataOf(obj: JsonObject): JsonObject {
  return objectAt(obj, 'metadata');
}

/** Parses JSON text into a value, or undefined when it is not JSON. */
export function parseJson(text: string): JsonValue | undefined {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}
