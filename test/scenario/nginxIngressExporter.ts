// A live NGINX ingress controller for Prometheus to scrape: node:http on 127.0.0.1 serving the same
// gitops-hugo canary/stable series as the backfill (gitopsHugoOpenMetrics.ts), in the text format
// WITHOUT timestamps (Prometheus stamps each scrape), so data exists at "now". Counters continue
// from the backfill's last values and grow by the elapsed wall time at each scrape, so rate() sees
// one series with no reset at the seam. What the traffic looks like (canary weight, success rate and
// p95 per service) comes from a callback read at each scrape: the demo derives it from its live
// cluster (scripts/demo/demoTraffic.ts), a test can pass constants. It lives here, next to the
// backfill, because the two must agree on names, labels and buckets to form one series.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import {
  BUCKETS, REQUESTS_PER_SCRAPE, SCRAPE_SEC, ingressLabels, type IngressCounters, type IngressService,
} from './gitopsHugoOpenMetrics';

export interface ServiceHealth {
  /** Share of non-5xx responses, 0–1. */
  readonly successRate: number;
  /** p95 request duration, seconds (histogram_quantile(0.95, …) of the exported buckets gives it back). */
  readonly latency: number;
}

export interface IngressTraffic {
  /** Percent (0–100) of the requests the ingress sends to the canary Service. */
  readonly canaryWeight: number;
  readonly canary: ServiceHealth;
  readonly stable: ServiceHealth;
}

export interface NginxIngressExporterOptions {
  /** exported_namespace (default 'default'). */
  readonly namespace?: string;
  /** The counters at `startMs` (e.g. gitopsHugoEndCounters(times) at times.dataEndSec). */
  readonly start: Readonly<Record<IngressService, IngressCounters>>;
  readonly startMs: number;
  /** The traffic since the previous scrape, asked at each scrape with the scrape's time. */
  readonly traffic: (now: Date) => IngressTraffic;
  /** Requests per second over both services (default the backfill's 40). */
  readonly requestsPerSecond?: number;
  /** Wall clock (default Date.now). */
  readonly nowMs?: () => number;
}

export interface NginxIngressExporter {
  /** host:port for a scrape config. */
  readonly target: string;
  /** The metrics page, http://127.0.0.1:port/metrics. */
  readonly url: string;
  /** Scrapes served so far. */
  readonly scrapes: number;
  stop(): Promise<void>;
}

interface Counters {
  ok: number;
  errors: number;
  buckets: number[];
  count: number;
  sumSec: number;
}

/**
 * Cumulative shares per BUCKETS bound whose histogram_quantile(0.95) is exactly `p95`: the bucket that
 * holds p95 gets a straight line through (p95, 0.95) — Prometheus interpolates linearly inside a
 * bucket — the ones below scale down towards 0, the ones above are 1. (Below the first bound, 5 ms,
 * Prometheus interpolates from 0: such a p95 comes out a little high.)
 */
export function latencyShares(p95: number): number[] {
  const bounds = BUCKETS.map(Number);
  const k = bounds.findIndex((b) => p95 <= b);
  if (k < 0) return bounds.map(() => 0.9); // slower than the last bound: p95 lands in +Inf
  const upper = bounds[k] ?? 0;
  const lower = k === 0 ? 0 : bounds[k - 1] ?? 0;
  const slope = 0.05 / (upper - lower);
  const atLower = 0.95 - slope * (p95 - lower);
  const atUpper = 0.95 + slope * (upper - p95);
  return bounds.map((b, i) => (i < k - 1 ? (atLower * b) / lower : i === k - 1 ? atLower : i === k ? atUpper : 1));
}

function advance(c: Counters, requests: number, health: ServiceHealth): void {
  if (requests <= 0) return;
  const errors = requests * Math.min(1, Math.max(0, 1 - health.successRate));
  c.ok += requests - errors;
  c.errors += errors;
  latencyShares(health.latency).forEach((share, i) => {
    c.buckets[i] = (c.buckets[i] ?? 0) + requests * share;
  });
  c.count += requests;
  // A mean of half the p95 is plausible for a long-tailed latency; only _sum/_count read it.
  c.sumSec += requests * health.latency * 0.5;
}

/** The text format (version 0.0.4) of both services' series, in the backfill's names and labels. */
function exposition(namespace: string, counters: Readonly<Record<IngressService, Counters>>): string {
  const lines: string[] = ['# TYPE nginx_ingress_controller_requests counter'];
  const services = ['stable', 'canary'] as const;
  for (const s of services) {
    const base = ingressLabels(namespace, s);
    lines.push(`nginx_ingress_controller_requests{${base},method="GET",status="200"} ${counters[s].ok}`);
    lines.push(`nginx_ingress_controller_requests{${base},method="GET",status="500"} ${counters[s].errors}`);
  }
  lines.push('# TYPE nginx_ingress_controller_request_duration_seconds histogram');
  for (const s of services) {
    const base = ingressLabels(namespace, s);
    const c = counters[s];
    BUCKETS.forEach((le, i) => lines.push(`nginx_ingress_controller_request_duration_seconds_bucket{${base},le="${le}"} ${c.buckets[i] ?? 0}`));
    lines.push(`nginx_ingress_controller_request_duration_seconds_bucket{${base},le="+Inf"} ${c.count}`);
    lines.push(`nginx_ingress_controller_request_duration_seconds_sum{${base}} ${c.sumSec}`);
    lines.push(`nginx_ingress_controller_request_duration_seconds_count{${base}} ${c.count}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function startNginxIngressExporter(o: NginxIngressExporterOptions): Promise<NginxIngressExporter> {
  const namespace = o.namespace ?? 'default';
  const nowMs = o.nowMs ?? Date.now;
  const perSecond = o.requestsPerSecond ?? REQUESTS_PER_SCRAPE / SCRAPE_SEC;
  const copy = (c: IngressCounters): Counters => ({ ...c, buckets: [...c.buckets] });
  const counters: Record<IngressService, Counters> = { canary: copy(o.start.canary), stable: copy(o.start.stable) };
  let lastMs = o.startMs;
  let scrapes = 0;

  // Each scrape books the requests since the previous one at the traffic of this moment: with a
  // 1 s scrape that is as fine as the plots can show, and the counters never go back.
  const serve = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found: GET /metrics\n');
      return;
    }
    const now = nowMs();
    if (now > lastMs) {
      const traffic = o.traffic(new Date(now));
      const requests = (perSecond * (now - lastMs)) / 1000;
      const weight = Math.min(100, Math.max(0, traffic.canaryWeight));
      advance(counters.canary, (requests * weight) / 100, traffic.canary);
      advance(counters.stable, (requests * (100 - weight)) / 100, traffic.stable);
      lastMs = now;
    }
    scrapes++;
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' }).end(exposition(namespace, counters));
  };

  const server = createServer(serve);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the exporter did not get a TCP port');
  const { port } = address;
  let stopped: Promise<void> | undefined;
  return {
    target: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/metrics`,
    get scrapes() {
      return scrapes;
    },
    stop: () => (stopped ??= new Promise<void>((resolve) => {
      // Prometheus keeps its scrape connection alive: close it too, or close() waits for it.
      server.closeAllConnections();
      server.close(() => resolve());
    })),
  };
}
