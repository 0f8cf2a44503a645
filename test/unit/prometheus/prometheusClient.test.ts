// The client against a real Prometheus (Debian's package) loaded with deterministic backfilled data.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { PrometheusClient, type PromRequest } from '../../../src/prometheus/prometheusClient';
import { chooseStep } from '../../../src/core/prometheus/chooseStep';
import type { QueryData } from '../../../src/core/prometheus/parseQueryResponse';
import { freePort } from '../../support/freePort';
import { backfill, manyRules, prometheusInstalled, startPrometheus, tempDir, type PromServer } from './promServer';
import { END, fixtureOpenMetrics, GAP_FROM, GAP_TO, START } from './fixture';

const ratio = (svc: string): string => `sum(rate(nginx_ingress_controller_requests{exported_service="${svc}",status!~"5.."}[5m]))`
  + ` / sum(rate(nginx_ingress_controller_requests{exported_service="${svc}"}[5m]))`;

function vectorValues(d: QueryData): number[] {
  assert.equal(d.resultType, 'vector');
  return d.resultType === 'vector' ? d.series.map((s) => s.samples[0]?.v ?? -1) : [];
}

describe('Prometheus client against a real Prometheus', function () {
  let server: PromServer | undefined;
  let client: PrometheusClient;
  const dirs: string[] = [];

  before(async function () {
    if (!prometheusInstalled()) {
      console.log('    skipped: `prometheus`/`promtool` are not installed (run scripts/installTestDeps.sh)');
      this.skip();
    }
    const dir = tempDir();
    dirs.push(dir);
    const data = path.join(dir, 'data');
    const t0 = Date.now();
    backfill(fixtureOpenMetrics(), data);
    const backfillMs = Date.now() - t0;
    server = await startPrometheus(data, true);
    console.log(`    backfill ${backfillMs} ms, server ready ${server.readyAfterMs} ms after spawn`);
    client = new PrometheusClient({ baseUrl: server.url });
  });

  after(async () => {
    await server?.stop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('answers an instant success-rate query with the canary\'s ratio', async () => {
    const t0 = Date.now();
    const r = await client.instant(ratio('canary'), END);
    console.log(`    instant query round trip ${Date.now() - t0} ms`);
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    const [v] = vectorValues(r.value);
    assert.ok(v !== undefined && Math.abs(v - 10 / 11) < 1e-9, String(v));
  });

  it('keeps labels per series in a grouped instant query', async () => {
    const r = await client.instant('sum by (exported_service) (rate(nginx_ingress_controller_requests{exported_service=~"canary|stable"}[5m]))', END);
    assert.ok(r.ok && r.value.resultType === 'vector');
    const bySvc = Object.fromEntries(r.value.series.map((s) => [s.labels['exported_service'], s.samples[0]?.v]));
    assert.deepEqual(Object.keys(bySvc).sort(), ['canary', 'stable']);
    assert.ok(Math.abs((bySvc['stable'] ?? 0) - 20 / 15) < 1e-9);
  });

  it('returns a range at the chosen step: 721 points for 2 h on an 800 px chart', async () => {
    const step = chooseStep(START, END, 800);
    const t0 = Date.now();
    const r = await client.range(ratio('canary'), START + 300, END, step);
    console.log(`    range query round trip ${Date.now() - t0} ms`);
    assert.ok(r.ok && r.value.resultType === 'matrix', r.ok ? r.value.resultType : r.error.message);
    const samples = r.value.series[0]?.samples ?? [];
    assert.equal(samples.length, (END - START - 300) / step + 1);
    assert.equal(samples.at(-1)?.t, END);
  });

  it('gives NaN for the success rate of a service without traffic', async () => {
    const r = await client.instant(ratio('idle'), END);
    assert.ok(r.ok);
    const [v] = vectorValues(r.value);
    assert.ok(Number.isNaN(v), String(v));
  });

  it('gives +Inf and -Inf for a division by zero', async () => {
    const r = await client.instant('sum(rate(nginx_ingress_controller_requests{exported_service="canary"}[5m])) / 0', END);
    assert.ok(r.ok);
    assert.deepEqual(vectorValues(r.value), [Infinity]);
    const s = await client.instant('-1/0', END);
    assert.ok(s.ok && s.value.resultType === 'scalar');
    assert.equal(s.value.sample.v, -Infinity);
  });

  it('returns an empty result for a series that does not exist', async () => {
    const r = await client.instant('nginx_ingress_controller_requests{exported_service="nope"}', END);
    assert.ok(r.ok);
    assert.deepEqual(r.value, { resultType: 'vector', series: [], warnings: [] });
  });

  it('reads a string result', async () => {
    const r = await client.instant('"canary"', END);
    assert.ok(r.ok && r.value.resultType === 'string');
    assert.equal(r.value.value, 'canary');
  });

  it('keeps a gap in the data as missing timestamps', async () => {
    const r = await client.range('nginx_ingress_controller_requests{exported_service="gappy"}', START, END, 60);
    assert.ok(r.ok && r.value.resultType === 'matrix');
    const ts = r.value.series[0]?.samples.map((s) => s.t) ?? [];
    // The 5-minute lookback carries the last sample for 5 minutes; after that nothing until data resumes.
    assert.ok(ts.length > 0 && !ts.some((t) => t > GAP_FROM + 300 && t < GAP_TO), 'a sample inside the gap');
    assert.ok(ts.includes(GAP_TO) && ts.includes(GAP_FROM), 'samples on both sides of the gap');
  });

  it('quotes Prometheus\' syntax error with the address', async () => {
    const r = await client.instant('sum(rate(nginx_ingress_controller_requests[5m])', END);
    assert.ok(!r.ok);
    assert.equal(r.error.kind, 'badQuery');
    assert.equal(r.error.message, `Prometheus at ${server?.url ?? ''} rejected the query (400): `
      + 'invalid parameter "query": 1:48: parse error: unclosed left parenthesis. Fix the query in the template.');
  });

  it('reports a query that fails while running as a 422 with Prometheus\' reason', async () => {
    const r = await client.instant('nginx_ingress_controller_requests + on(status) nginx_ingress_controller_requests', END);
    assert.ok(!r.ok);
    assert.equal(r.error.kind, 'execution');
    assert.match(r.error.message, /could not run the query \(422\): .*many-to-many matching not allowed/);
  });

  it('is refused above 11,000 points, while the chosen step stays under the limit', async () => {
    const refused = await client.range(ratio('canary'), START, END, 0.5);
    assert.ok(!refused.ok);
    assert.equal(refused.error.kind, 'tooManyPoints');
    assert.match(refused.error.message, /exceeded maximum resolution of 11,000 points per timeseries/);
    const accepted = await client.range(ratio('canary'), START, END, chooseStep(START, END, 50_000));
    assert.ok(accepted.ok, accepted.ok ? '' : accepted.error.message);
  });

  it('works through a request function, as the API server\'s service proxy will plug in', async () => {
    const seen: string[] = [];
    const request: PromRequest = async (p, query, init) => {
      seen.push(p);
      const res = await fetch(`${server?.url ?? ''}${p}?${new URLSearchParams(query).toString()}`, { signal: init.signal, headers: init.headers });
      return { status: res.status, contentType: res.headers.get('content-type') ?? undefined, body: await res.text() };
    };
    const viaProxy = new PrometheusClient({ request, where: 'http://prometheus.monitoring:9090 (via the API server of context kind-dev)' });
    const r = await viaProxy.instant('1 + 1', END);
    assert.ok(r.ok && r.value.resultType === 'scalar' && r.value.sample.v === 2);
    assert.deepEqual(seen, ['/api/v1/query']);
    const bad = await viaProxy.instant('1 +', END);
    assert.ok(!bad.ok);
    assert.match(bad.error.message, /^Prometheus at http:\/\/prometheus\.monitoring:9090 \(via the API server of context kind-dev\) rejected/);
  });

  it('reports the plain-text 503 of a server that is still starting up', async () => {
    const dir = tempDir();
    dirs.push(dir);
    // Without rules the 503 window lasts a few milliseconds, too short to hit under load; 2,000 rules make it ~0.3 s.
    const starting = await startPrometheus(path.join(dir, 'data'), false, manyRules(2000));
    try {
      const c = new PrometheusClient({ baseUrl: starting.url, timeoutMs: 5000 });
      // Retry only while nothing listens yet; the first HTTP answer comes before the storage is open.
      let r = await c.instant('1', END);
      for (let i = 0; i < 2000 && !r.ok && r.error.kind === 'unreachable'; i++) r = await c.instant('1', END);
      assert.ok(!r.ok, 'the first answer was already a result: the server was ready before it answered 503');
      assert.equal(r.error.kind, 'startingUp');
      assert.equal(r.error.message, `Prometheus at ${starting.url} is starting up and not ready yet (503). Try again in a few seconds.`);
    } finally {
      await starting.stop();
    }
  });
});

describe('Prometheus client timeouts, cancellation and connection errors', () => {
  // A TCP server that accepts requests and never answers: a hung Prometheus or proxy.
  let stalled: http.Server;
  let url = '';
  const received: http.IncomingHttpHeaders[] = [];
  before(async () => {
    stalled = http.createServer((req) => received.push(req.headers));
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    const addr = stalled.address();
    url = typeof addr === 'object' && addr ? `http://127.0.0.1:${addr.port}` : '';
  });
  after(async () => {
    stalled.closeAllConnections();
    await new Promise<void>((resolve) => stalled.close(() => resolve()));
  });

  it('gives up after timeoutMs and sends the custom headers and bearer token', async () => {
    const c = new PrometheusClient({ baseUrl: url, timeoutMs: 150, headers: { 'X-Scope-OrgID': 'team-a' }, auth: { kind: 'bearer', token: 's3cret' } });
    const t0 = Date.now();
    const r = await c.instant('up', END);
    const took = Date.now() - t0;
    assert.ok(!r.ok);
    assert.equal(r.error.kind, 'timeout');
    assert.equal(r.error.message, `Prometheus at ${url} did not answer within 0.15 s. Try a shorter time range or a larger step, or raise the timeout.`);
    assert.ok(took >= 140 && took < 2000, `took ${took} ms`);
    const h = received.at(-1);
    assert.equal(h?.['x-scope-orgid'], 'team-a');
    assert.equal(h?.['authorization'], 'Bearer s3cret');
  });

  it('sends basic auth', async () => {
    const c = new PrometheusClient({ baseUrl: url, timeoutMs: 100, auth: { kind: 'basic', username: 'u', password: 'p' } });
    await c.instant('up', END);
    assert.equal(received.at(-1)?.['authorization'], `Basic ${Buffer.from('u:p').toString('base64')}`);
  });

  it('stops a query in flight when the panel\'s AbortSignal fires', async () => {
    const panel = new AbortController();
    const c = new PrometheusClient({ baseUrl: url, timeoutMs: 10_000, signal: panel.signal });
    const before = received.length;
    const pending = c.range('up', START, END, 60);
    // Abort once the request has reached the server, i.e. it is really in flight.
    await new Promise<void>((resolve) => stalled.once('request', () => resolve()));
    panel.abort();
    const r = await pending;
    assert.ok(!r.ok);
    assert.equal(r.error.kind, 'cancelled');
    assert.equal(received.length, before + 1);
    const after = await c.instant('up', END);
    assert.ok(!after.ok && after.error.kind === 'cancelled', 'a closed panel sends nothing more');
    assert.equal(received.length, before + 1);
  });

  it('names the address when nothing listens there', async () => {
    const port = await freePort();
    const r = await new PrometheusClient({ baseUrl: `http://127.0.0.1:${port}` }).instant('up', END);
    assert.ok(!r.ok);
    assert.equal(r.error.kind, 'unreachable');
    assert.match(r.error.message, new RegExp(`^Cannot reach Prometheus at http://127\\.0\\.0\\.1:${port}: connection refused\\.`));
  });
});
