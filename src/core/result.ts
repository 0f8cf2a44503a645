// The I/O layers answer with a Result instead of throwing: a failed cluster or Prometheus call is an
// expected outcome the UI must explain, not an exception to forget to catch.
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
