// A tiny real HTTP(S) server standing in for Prometheus where a test needs to see what arrived: it
// records each request's path and headers and answers an empty vector, or, when `hold` is on,
// keeps the request open until the client goes away (a slow query) and reports that it went.
import { once } from 'node:events';
import { createServer as createHttp, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
}

export interface RecordingUpstream {
  readonly url: string;
  readonly requests: Recorded[];
  /** Hold the next requests open instead of answering. */
  hold: boolean;
  /** Resolves with the next request that arrives; rejects after `timeoutMs`. */
  nextRequest(timeoutMs?: number): Promise<Recorded>;
  /** Resolves when a held request's connection closes; rejects after `timeoutMs`. */
  nextClose(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const EMPTY_VECTOR = JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } });

function waitFor<T>(register: (done: (v: T) => void) => void, what: string, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms`)), timeoutMs);
    register((v) => {
      clearTimeout(timer);
      resolve(v);
    });
  });
}

export async function startRecordingUpstream(tls?: { certPem: string; keyPem: string }): Promise<RecordingUpstream> {
  const requestWaiters: ((r: Recorded) => void)[] = [];
  const closeWaiters: (() => void)[] = [];
  const upstream: RecordingUpstream = {
    url: '',
    requests: [],
    hold: false,
    nextRequest: (timeoutMs = 5000) => waitFor((done) => requestWaiters.push(done), 'request', timeoutMs),
    nextClose: (timeoutMs = 5000) => waitFor((done) => closeWaiters.push(done), 'closed connection', timeoutMs),
    stop: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const recorded = { url: req.url ?? '', headers: req.headers };
    upstream.requests.push(recorded);
    for (const w of requestWaiters.splice(0)) w(recorded);
    if (upstream.hold) {
      res.on('close', () => {
        for (const w of closeWaiters.splice(0)) w();
      });
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(EMPTY_VECTOR);
  };
  const server = tls ? createHttps({ cert: tls.certPem, key: tls.keyPem }, handle) : createHttp(handle);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return Object.assign(upstream, { url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}` });
}
