// Readers for cluster objects held as plain JSON. Everything from the API server is untrusted here:
// a field may be missing or of the wrong type, and the readers answer with the Go zero value
// ('' / 0 / false / []) the plugin would see for an absent field, instead of throwing.

import { at, isRecord, type JsonRecord } from '../untrustedJson';

export type JsonObject = JsonRecord;
export { at, isRecord as isObject };

export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** A whole number, or undefined: Go would refuse to decode a fraction or a string into an int32. */
export function optInt(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

export function int(v: unknown): number {
  return optInt(v) ?? 0;
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function bool(v: unknown): boolean {
  return v === true;
}

/** Go's strconv.Atoi: optional sign and decimal digits, nothing else. */
export function atoi(v: unknown): number | undefined {
  return typeof v === 'string' && /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

/** An RFC 3339 timestamp as epoch milliseconds (Go's time.RFC3339 layout accepts fractional seconds). */
export function rfc3339(v: unknown): number | undefined {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v)) return undefined;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : ms;
}
