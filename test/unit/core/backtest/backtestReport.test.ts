// The backtest report: the stable version's query when the args name the canary, and the Markdown shown.
import { strict as assert } from 'node:assert';
import { backtestMarkdown, stableQuery } from '../../../../src/core/backtest/backtestReport';
import type { ResolvedArg } from '../../../../src/core/analysis/resolveArgs';

const rollout = { metadata: { name: 'web' }, spec: { strategy: { canary: { canaryService: 'web-canary', stableService: 'web-stable' } } } };
const RAW = 'sum(rate(x{service="{{args.service}}"}[5m]))';

describe('the backtest report', () => {
  it('offers the same query against the stable Service when an arg is the canary Service', () => {
    const args: ResolvedArg[] = [{ name: 'service', value: 'web-canary', source: 'caller' }];
    assert.equal(stableQuery(RAW, rollout, args, 'sum(rate(x{service="web-canary"}[5m]))'), 'sum(rate(x{service="web-stable"}[5m]))');
  });

  it('offers no stable query when no arg names the canary', () => {
    const args: ResolvedArg[] = [{ name: 'service', value: 'web-stable', source: 'caller' }];
    assert.equal(stableQuery(RAW, rollout, args, 'sum(rate(x{service="web-stable"}[5m]))'), undefined);
  });

  it('puts both sentences first, then the chart, the points that did not pass and where the query went', () => {
    const points = [{ t: 0, v: 0.99, phase: 'Successful' as const, text: '[0.99]' }, { t: 60, v: 0.5, phase: 'Failed' as const, text: '[0.5]' }];
    const summary = { runs: [], counts: { Successful: 0, Failed: 1, Inconclusive: 0, Error: 0, Running: 0 }, sentence: 'started any time in the last 1 min, this analysis would have failed 1 of 1 times' };
    const md = backtestMarkdown({ title: 't / m', query: 'q', where: 'http://p', argsFrom: 'typed', threshold: 0.95, canary: { points, summary }, stable: { query: 'qs', points, summary: { ...summary, sentence: 'stable sentence' } }, clock: (s) => `t${s}` });
    const lines = md.split('\n');
    assert.equal(lines[2], '**Started any time in the last 1 min, this analysis would have failed 1 of 1 times.**');
    assert.equal(lines[4], 'Against the stable version (the args swapped): **stable sentence.**');
    assert.ok(md.includes('| t60 | Failed | [0.5] |'));
    assert.ok(!md.includes('| t0 |'));
    assert.match(md, /Sent to http:\/\/p; typed\. 2 points/);
  });
});
