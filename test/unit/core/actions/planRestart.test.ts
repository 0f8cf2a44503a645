import { strict as assert } from 'node:assert';
import { formatGoDuration, formatRfc3339Utc, planRestart } from '../../../../src/core/actions/planRestart';
import { REF } from './rolloutBuilder';

const NOW = new Date('2026-03-04T05:06:07.890Z');

describe('restart', () => {
  const cases: [delay: string | number | undefined, restartAt: string, shown: string][] = [
    [undefined, '2026-03-04T05:06:07Z', '0s'],
    ['', '2026-03-04T05:06:07Z', '0s'],
    ['10s', '2026-03-04T05:06:17Z', '10s'],
    ['1h30m', '2026-03-04T06:36:07Z', '1h30m'],
    [90, '2026-03-04T05:07:37Z', '1m30s'],
    [3600, '2026-03-04T06:06:07Z', '1h0m0s'],
  ];
  for (const [delay, restartAt, shown] of cases) {
    it(`with delay ${JSON.stringify(delay)} patches restartAt ${restartAt} and says "restarts in ${shown}"`, () => {
      const plan = planRestart(REF, NOW, delay);
      assert.ok('requests' in plan);
      assert.equal(plan.requests.length, 1);
      const [r] = plan.requests;
      assert.equal(r?.method, 'PATCH');
      assert.equal(r?.path, '/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/web');
      assert.equal(r?.contentType, 'application/merge-patch+json');
      assert.deepEqual(r?.body, { spec: { restartAt } });
      assert.deepEqual(r?.rbac, { group: 'argoproj.io', resource: 'rollouts', verb: 'patch', namespace: 'shop' });
      assert.equal(plan.message, `rollout 'web' restarts in ${shown}`);
    });
  }

  it('reports Go\'s error for a delay it cannot parse', () => {
    assert.deepEqual(planRestart(REF, NOW, '1d'), { error: 'time: unknown unit "d" in duration "1d"' });
  });

  it('writes UTC with whole seconds, truncated as Go formats RFC 3339', () => {
    assert.equal(formatRfc3339Utc(new Date('2026-12-31T23:59:59.999Z')), '2026-12-31T23:59:59Z');
  });

  it('prints durations the way Go prints them', () => {
    assert.deepEqual([0, 0.5, 1.5, 45, 61, 7200, 5400.25].map(formatGoDuration), ['0s', '500ms', '1.5s', '45s', '1m1s', '2h0m0s', '1h30m0.25s']);
  });
});
