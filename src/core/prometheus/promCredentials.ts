// Prometheus credentials as stored in VS Code's SecretStorage: one JSON entry per kubeconfig
// context. The stored text is read back through a guard (another version of the extension, or a
// hand edit through another extension, may have written anything there).
import { isRecord } from '../untrustedJson';

export type PromCredentials = { kind: 'bearer'; token: string } | { kind: 'basic'; username: string; password: string };

const PREFIX = 'argoRollouts.prometheus.credentials/';

/** The SecretStorage key of a context's credentials. */
export function credentialsKey(contextName: string): string {
  return `${PREFIX}${contextName}`;
}

export function serializeCredentials(c: PromCredentials): string {
  return JSON.stringify(c);
}

export function parseCredentials(text: string | undefined): PromCredentials | undefined {
  if (text === undefined) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(v)) return undefined;
  if (v['kind'] === 'bearer' && typeof v['token'] === 'string' && v['token'] !== '') return { kind: 'bearer', token: v['token'] };
  if (v['kind'] === 'basic' && typeof v['username'] === 'string' && typeof v['password'] === 'string') {
    return { kind: 'basic', username: v['username'], password: v['password'] };
  }
  return undefined;
}

/** How the credentials read in a log line or a picker: the kind and the user, never the secret. */
export function describeCredentials(c: PromCredentials | undefined): string {
  if (c === undefined) return 'no credentials';
  return c.kind === 'bearer' ? 'a bearer token' : `basic auth as "${c.username}"`;
}
