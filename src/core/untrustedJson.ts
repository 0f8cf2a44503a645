// The base readers for untrusted JSON-like data (manifests, cluster objects): any field may be
// missing or of the wrong type, so readers check instead of casting and never throw. Each area
// builds its own readers on these (Go zero values in rollout/, undefined in actions/).

export type JsonRecord = Record<string, unknown>;

/** A JSON object: not null, not an array. */
export function isRecord(v: unknown): v is JsonRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function asRecord(v: unknown): JsonRecord | undefined {
  return isRecord(v) ? v : undefined;
}

/** The string at a path of object keys, or undefined when it is missing or not a string. */
export function stringAt(obj: unknown, ...path: string[]): string | undefined {
  const v = at(obj, ...path);
  return typeof v === 'string' ? v : undefined;
}

/** The value at a path of object keys, or undefined when any step is not an object. */
export function at(obj: unknown, ...path: string[]): unknown {
  let cur: unknown = obj;
  for (const key of path) {
    if (!isRecord(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}
