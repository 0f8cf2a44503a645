// Serves `?watch=1`: a chunked response of one JSON event per line, as the API server sends it.
// A resourceVersion below the compaction floor gets HTTP 200 and a single ERROR event carrying a
// 410 Expired Status, then the stream ends (the watch cache's behaviour). BOOKMARK events go out
// when the client allowed them, every `bookmarkIntervalMs` and on OpenWatches.bookmarkAll().
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, badRequest } from './apiStatus';
import type { ClusterStore } from './clusterStore';
import type { JsonObject } from './jsonValue';
import type { OpenWatches } from './openWatches';
import { selectorOf } from './resourceHandlers';
import type { RequestTarget } from './requestTarget';
import { apiVersionOf } from './resourceTable';

export interface WatchContext {
  readonly store: ClusterStore;
  readonly watches: OpenWatches;
  readonly bookmarkIntervalMs: number;
}

export function serveWatch(ctx: WatchContext, target: RequestTarget, query: URLSearchParams, req: IncomingMessage, res: ServerResponse): void {
  const rvText = query.get('resourceVersion');
  const resourceVersion = rvText ? Number(rvText) : 0;
  if (!Number.isInteger(resourceVersion) || resourceVersion < 0) throw badRequest(`resourceVersion: Invalid value: "${rvText ?? ''}": must be a number`);
  const selector = selectorOf(query);
  const bookmarks = ['true', '1'].includes(query.get('allowWatchBookmarks') ?? '');
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
  res.flushHeaders();
  const write = (event: JsonObject): void => {
    if (!res.writableEnded) res.write(`${JSON.stringify(event)}\n`);
  };
  let unsubscribe: () => void;
  try {
    unsubscribe = ctx.store.watch(target.def, { namespace: target.namespace, selector, resourceVersion }, (type, object) => write({ type, object }));
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    write({ type: 'ERROR', object: e.toStatus() });
    res.end();
    return;
  }
  const bookmark = (): boolean => {
    if (!bookmarks) return false;
    write({ type: 'BOOKMARK', object: { kind: target.def.kind, apiVersion: apiVersionOf(target.def), metadata: { resourceVersion: String(ctx.store.resourceVersion) } } });
    return true;
  };
  const timers: NodeJS.Timeout[] = [];
  if (bookmarks && ctx.bookmarkIntervalMs > 0) timers.push(setInterval(bookmark, ctx.bookmarkIntervalMs));
  const timeoutSeconds = Number(query.get('timeoutSeconds') ?? '0');
  if (timeoutSeconds > 0) timers.push(setTimeout(() => end('end'), timeoutSeconds * 1000));
  let closed = false;
  const cleanup = (): void => {
    if (closed) return;
    closed = true;
    unsubscribe();
    for (const t of timers) clearTimeout(t);
    forget();
  };
  const end = (mode: 'end' | 'destroy'): void => {
    cleanup();
    if (mode === 'destroy') res.destroy();
    else res.end();
  };
  const forget = ctx.watches.add({ bookmark, end });
  req.on('close', cleanup);
  res.on('close', cleanup);
}
