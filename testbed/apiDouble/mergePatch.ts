// RFC 7386 JSON merge patch (`application/merge-patch+json`): objects merge, null deletes, anything
// else (lists included) replaces.
import { cloneJson, isJsonObject, type JsonValue } from './jsonValue';

export function applyMergePatch(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isJsonObject(patch)) return cloneJson(patch);
  const out = isJsonObject(target) ? cloneJson(target) : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = applyMergePatch(out[key], value);
  }
  return out;
}
