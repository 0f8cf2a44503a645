import { strict as assert } from 'node:assert';
import { isToHost } from '../../../src/shared/protocol';

describe('Messages from the panel page', () => {
  it('accept a backtest of a metric named by its key', () => {
    assert.ok(isToHost({ type: 'backtest', key: 'gitops-hugo-5d8c7b6f9-2/success-rate' }));
  });

  it('refuse a backtest without a key, with an empty or oversized one, or with a key that is not text', () => {
    for (const m of [{ type: 'backtest' }, { type: 'backtest', key: '' }, { type: 'backtest', key: 'x'.repeat(601) }, { type: 'backtest', key: 7 }, { type: 'backtest', key: ['a'] }]) {
      assert.equal(isToHost(m), false, JSON.stringify(m).slice(0, 80));
    }
  });
});
