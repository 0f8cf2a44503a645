// Node's network and TLS error codes in words, shared by the Kubernetes and Prometheus clients'
// error messages.

/** Codes of failures to reach a server at all (nothing was answered). */
export const UNREACHABLE_CODES: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'DNS lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'timed out',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed',
  ECONNABORTED: 'connection aborted',
};

/** Codes of a server certificate that TLS verification rejected. */
export const UNTRUSTED_CERT_CODES: ReadonlySet<string> = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_SIGNATURE_FAILURE',
]);

/** The Node error code (`ECONNREFUSED`, `CERT_HAS_EXPIRED`, …) of a thrown value, if it carries one. */
export function nodeErrorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const code: unknown = Reflect.get(e, 'code');
  return typeof code === 'string' ? code : undefined;
}

/** The message of a thrown value, whatever was thrown. */
export function thrownText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
