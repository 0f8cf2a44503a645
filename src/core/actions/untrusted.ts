// Readers for cluster objects, which are untrusted: any field may be missing or of the wrong type.
// Every reader returns undefined (or an empty value) instead of throwing.

import { at, isRecord, stringAt, type JsonRecord } from '../untrustedJson';

export { at, isRecord, stringAt, type JsonRecord };

export function recordAt(obj: unknown, ...path: string[]): JsonRecord | undefined {
  const v = at(obj, ...path);
  return isRecord(v) ? v : undefined;
}

export function arrayAt(obj: unknown, ...path: string[]): unknown[] {
  const v = at(obj, ...path);
  return Array.isArray(v) ? v : [];
}

/** An integer field; Go decodes non-integers into int fields as errors, so they count as unset here. */
export function intAt(obj: unknown, ...path: string[]): number | undefined {
  const v = at(obj, ...path);
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

export function boolAt(obj: unknown, ...path: string[]): boolean {
  return at(obj, ...path) === true;
}

/** A deep copy of a JSON value (cluster objects are plain JSON). */
export function cloneJson<T>(v: T): T {
  return structuredClone(v);
}
