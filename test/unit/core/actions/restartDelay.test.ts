import { strict as assert } from 'node:assert';
import { restartDelayError } from '../../../../src/core/actions/restartDelay';

describe('the restart delay input', () => {
  for (const ok of ['30s', '5m', '1h30m', ' 10m ', '0']) {
    it(`accepts ${JSON.stringify(ok)}`, () => assert.equal(restartDelayError(ok), undefined));
  }
  it('asks for a duration when the box is empty', () => assert.match(restartDelayError('  ') ?? '', /^Type a duration/));
  it('shows Go\'s own error for days, which Go durations do not have', () =>
    assert.equal(restartDelayError('1d'), 'time: unknown unit "d" in duration "1d" (use a Go duration such as 30s, 5m or 1h30m)'));
  it('shows Go\'s missing-unit error for a bare number', () => assert.match(restartDelayError('10') ?? '', /^time: missing unit in duration "10"/));
  it('refuses a negative delay', () => assert.equal(restartDelayError('-5m'), 'The delay cannot be negative.'));
});
