// The Prometheus settings (`argoRollouts.prometheus.*`) checked into a typed snapshot, and which URL
// applies to a kubeconfig context. Settings are user-edited JSON: every entry is checked, and what is
// dropped is said (`problems`) instead of silently ignored. Credentials never live here: they are
// in VS Code's SecretStorage (see promCredentials.ts).
import { matchesContextPattern } from '../actions/protectedContext';
import { isRecord } from '../untrustedJson';

export interface PromSettings {
  /** Context name or pattern (`*`, `?`, any case) → Prometheus URL. */
  readonly urls: Readonly<Record<string, string>>;
  /** Sent with every query, e.g. X-Scope-OrgID for Mimir/Cortex/Thanos tenants. */
  readonly headers: Readonly<Record<string, string>>;
  /** TLS certificate verification of https URLs; off only when the setting is exactly false. */
  readonly tlsVerify: boolean;
  readonly timeoutMs: number;
  /** Entries that were ignored, and why, for the log. */
  readonly problems: readonly string[];
}

export interface RawPromSettings {
  readonly urls: unknown;
  readonly headers: unknown;
  readonly tlsVerify: unknown;
  readonly timeoutSeconds: unknown;
}

export const DEFAULT_TIMEOUT_SECONDS = 30;
const MAX_TIMEOUT_SECONDS = 600;

// RFC 9110 token characters; a name outside them makes Node throw when the request is built.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Credentials belong in SecretStorage, not in settings.json (synced, committed, shown in screenshots).
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

function stringMap(raw: unknown, setting: string, problems: string[], check: (k: string, v: string) => string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw === undefined || raw === null) return out;
  if (!isRecord(raw)) {
    problems.push(`${setting} is not an object; ignored`);
    return out;
  }
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== 'string') {
      problems.push(`${setting}["${k}"] is not a string; ignored`);
      continue;
    }
    const problem = check(k, v);
    if (problem !== undefined) problems.push(`${setting}["${k}"] ${problem}; ignored`);
    else out[k] = v;
  }
  return out;
}

function checkUrl(_pattern: string, url: string): string | undefined {
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? undefined : 'is not an http(s) URL';
  } catch {
    return 'is not an http(s) URL';
  }
}

function checkHeader(name: string, value: string): string | undefined {
  if (!HEADER_NAME.test(name)) return 'is not a valid header name';
  if (SECRET_HEADERS.has(name.toLowerCase())) return 'would put a credential in settings; use "Argo Rollouts: Set Prometheus Credentials…" instead';
  if (/[\r\n\0]/.test(value)) return 'contains a line break';
  return undefined;
}

export function parsePromSettings(raw: RawPromSettings): PromSettings {
  const problems: string[] = [];
  const urls = stringMap(raw.urls, 'argoRollouts.prometheus.urls', problems, checkUrl);
  const headers = stringMap(raw.headers, 'argoRollouts.prometheus.headers', problems, checkHeader);
  const t = raw.timeoutSeconds;
  const seconds = typeof t === 'number' && Number.isFinite(t) && t > 0 ? Math.min(t, MAX_TIMEOUT_SECONDS) : DEFAULT_TIMEOUT_SECONDS;
  return { urls, headers, tlsVerify: raw.tlsVerify !== false, timeoutMs: Math.round(seconds * 1000), problems };
}

/** Characters a pattern matches literally: the more, the more specific. */
function literalLength(pattern: string): number {
  return pattern.replace(/[*?]/g, '').length;
}

/**
 * The URL for `contextName`: an entry named exactly after the context wins, then the matching
 * pattern with the most literal characters (`kind-*` before `*`), then the first one written.
 */
export function urlForContext(urls: Readonly<Record<string, string>>, contextName: string): { pattern: string; url: string } | undefined {
  const exact = urls[contextName];
  if (exact !== undefined) return { pattern: contextName, url: exact.trim() };
  let best: { pattern: string; url: string } | undefined;
  for (const [pattern, url] of Object.entries(urls)) {
    if (!matchesContextPattern(contextName, pattern)) continue;
    if (best === undefined || literalLength(pattern) > literalLength(best.pattern)) best = { pattern, url: url.trim() };
  }
  return best;
}
