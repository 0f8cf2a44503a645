// Connection reuse for one cluster connection. client-node's applyToHTTPSOptions builds a new
// https.Agent (without keep-alive) for every request, so every list, get and patch paid a TCP
// connect and a full TLS handshake; the first tree of a big cluster fans out into hundreds of lists.
// Here one keep-alive agent with the same TLS material serves every short request of the connection.
import { createHash } from 'node:crypto';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

/**
 * Parallel sockets per API server: the first tree lists five kinds per namespace at once; more
 * sockets than this mostly add handshakes and server load, fewer serialise the fan-out.
 */
export const MAX_SOCKETS = 16;
/** Idle sockets kept for the next burst (a tree refresh, an action's GET + PATCH). */
export const MAX_FREE_SOCKETS = 8;
/** Idle sockets close after this, before the idle timeouts of API servers and load balancers (60 s and up). */
export const IDLE_TIMEOUT_MS = 30_000;

export class KeepAliveAgents {
  private pooled: { readonly key: string; readonly agent: HttpAgent } | undefined;

  /**
   * The pooled agent with the TLS options of `given` (the agent client-node made for this request).
   * Proxy agents (another class) are returned as they are. New TLS material (an exec plugin's fresh
   * client certificate) gets a new pool; the old one is left to close its idle sockets on its own,
   * so requests in flight on it finish.
   */
  agentFor(given: HttpAgent | undefined): HttpAgent | undefined {
    if (given === undefined) return undefined;
    const kind = given.constructor === HttpsAgent ? 'https' : given.constructor === HttpAgent ? 'http' : undefined;
    const options: unknown = Reflect.get(given, 'options');
    if (kind === undefined || typeof options !== 'object' || options === null) return given;
    const key = fingerprint(kind, options);
    if (this.pooled?.key !== key) {
      const pooledOptions = { ...options, keepAlive: true, maxSockets: MAX_SOCKETS, maxFreeSockets: MAX_FREE_SOCKETS, timeout: IDLE_TIMEOUT_MS };
      this.pooled = { key, agent: kind === 'https' ? new HttpsAgent(pooledOptions) : new HttpAgent(pooledOptions) };
    }
    return this.pooled.agent;
  }

  /** Closes every pooled socket (the connection is replaced or the extension stops). */
  destroy(): void {
    this.pooled?.agent.destroy();
    this.pooled = undefined;
  }
}

/** What makes two agents interchangeable: protocol, trust, client identity, verification, SNI name. */
function fingerprint(kind: string, options: object): string {
  const field = (name: string): unknown => Reflect.get(options, name);
  const material = [kind, field('ca'), field('cert'), field('key'), field('pfx'), field('passphrase'), field('rejectUnauthorized'), field('servername')];
  return createHash('sha256').update(JSON.stringify(material)).digest('hex');
}
