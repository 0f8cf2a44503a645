import { strict as assert } from 'node:assert';
import type { SeriesPlan } from '../../../../src/core/panel/planSeries';
import { PrometheusClient, type PromRequest } from '../../../../src/prometheus/prometheusClient';
import { prometheusSeriesSource } from '../../../../src/vscode/panel/seriesSource';

const plan: SeriesPlan = {
  key: 'run-1/success-rate',
  address: 'http://prometheus.monitoring:9090',
  lines: [
    { label: 'canary', role: 'canary', query: 'rate(ok{v="canary"}[1m])' },
    { label: 'stable', role: 'stable', query: 'rate(ok{v="stable"}[1m])' },
  ],
  start: 1000,
  end: 1120,
  step: 60,
  run: { start: 1030, end: 1090 },
};

const matrix = (series: { labels: Record<string, string>; values: [number, string][] }[]): string =>
  JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: series.map((s) => ({ metric: s.labels, values: s.values })) } });

/** A real PrometheusClient over a request function that answers per query, recording what was asked. */
function clientAnswering(answer: (query: string) => { status: number; body: string }, asked: Record<string, string>[] = []): PrometheusClient {
  const request: PromRequest = (_path, query) => {
    asked.push(query);
    return Promise.resolve({ ...answer(query['query'] ?? ''), contentType: 'application/json' });
  };
  return new PrometheusClient({ request, where: 'the test Prometheus' });
}

describe('the series of a metric chart', () => {
  it('runs one range query per line over the planned window, and sends NaN and infinities as gaps in value (null)', async () => {
    const asked: Record<string, string>[] = [];
    const client = clientAnswering((q) => ({
      status: 200,
      body: q.includes('canary')
        ? matrix([{ labels: {}, values: [[1000, '0.98'], [1060, 'NaN'], [1120, '+Inf']] }])
        : matrix([{ labels: {}, values: [[1000, '0.99'], [1120, '1']] }]),
    }), asked);
    const view = await prometheusSeriesSource(() => Promise.resolve({ ok: true, value: { client, where: 'the test Prometheus' } }))(plan, new AbortController().signal);
    assert.deepEqual(view, {
      status: 'ok', key: plan.key, where: 'the test Prometheus', stepSeconds: 60, warnings: [], run: { start: 1030, end: 1090 },
      query: 'canary: rate(ok{v="canary"}[1m])\nstable: rate(ok{v="stable"}[1m])',
      lines: [
        { label: 'canary', role: 'canary', t: [1000, 1060, 1120], v: [0.98, null, null] },
        { label: 'stable', role: 'stable', t: [1000, 1120], v: [0.99, 1] },
      ],
    });
    assert.deepEqual(asked.map((a) => [a['start'], a['end'], a['step']]), [['1000', '1120', '60'], ['1000', '1120', '60']]);
  });

  it('labels the lines of a query that returns several series by their labels', async () => {
    const client = clientAnswering(() => ({ status: 200, body: matrix([{ labels: { pod: 'a' }, values: [[1000, '1']] }, { labels: { pod: 'b' }, values: [[1000, '2']] }]) }));
    const one = { ...plan, lines: [{ label: 'query', role: 'query' as const, query: 'up' }] };
    const view = await prometheusSeriesSource(() => Promise.resolve({ ok: true, value: { client, where: 'w' } }))(one, new AbortController().signal);
    assert.equal(view.status, 'ok');
    assert.deepEqual(view.status === 'ok' ? view.lines.map((l) => l.label) : [], ['query {pod="a"}', 'query {pod="b"}']);
  });

  it('is an error naming where the query went when Prometheus refuses a line or cannot be reached', async () => {
    const client = clientAnswering((q) => (q.includes('stable')
      ? { status: 400, body: JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error at char 5' }) }
      : { status: 200, body: matrix([]) }));
    const refused = await prometheusSeriesSource(() => Promise.resolve({ ok: true, value: { client, where: 'the test Prometheus' } }))(plan, new AbortController().signal);
    assert.equal(refused.status, 'error');
    assert.equal(refused.where, 'the test Prometheus');
    assert.match(refused.status === 'error' ? refused.message : '', /parse error at char 5/);
    const unreachable = await prometheusSeriesSource(() => Promise.resolve({ ok: false, error: 'Cannot query Prometheus: no route' }))(plan, new AbortController().signal);
    assert.deepEqual(unreachable, { status: 'error', key: plan.key, where: plan.address, message: 'Cannot query Prometheus: no route' });
  });

  it('stops waiting for Prometheus when the panel closes (the signal aborts)', async () => {
    const request: PromRequest = (_p, _q, init) => new Promise((_resolve, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted'))));
    const client = new PrometheusClient({ request, where: 'a stalled Prometheus' });
    const closing = new AbortController();
    const pending = prometheusSeriesSource(() => Promise.resolve({ ok: true, value: { client, where: 'a stalled Prometheus' } }))(plan, closing.signal);
    closing.abort();
    const view = await pending;
    assert.equal(view.status, 'error');
    assert.match(view.status === 'error' ? view.message : '', /cancel/i);
  });
});
