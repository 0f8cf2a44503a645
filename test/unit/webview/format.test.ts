import * as assert from 'node:assert/strict';
import { formatAge, formatNumber, formatRemaining, phaseClass, thresholdLabel } from '../../../webview/format';

describe('Panel text formatting', () => {
  it('counts a pause down in hours and minutes, minutes and seconds, or seconds, rounding up', () => {
    assert.equal(formatRemaining(90_000), '1m 30s');
    assert.equal(formatRemaining(89_001), '1m 30s');
    assert.equal(formatRemaining(3_723_000), '1h 02m');
    assert.equal(formatRemaining(9_000), '9s');
    assert.equal(formatRemaining(-5), '0s');
  });

  it('labels a threshold with its operator symbol, value and side', () => {
    assert.equal(thresholdLabel({ value: 0.95, op: '>=', side: 'success', condition: 'result[0] >= 0.95' }), '≥ 0.95 success');
    assert.equal(thresholdLabel({ value: 1, op: '>', side: 'failure', condition: 'result[0] > 1' }), '> 1 failure');
    assert.equal(thresholdLabel({ value: 0.5, op: '<=', side: 'success', condition: 'result[0] <= 0.5' }), '≤ 0.5 success');
  });

  it('shows numbers with at most four significant digits', () => {
    assert.equal(formatNumber(0.987654), '0.9877');
    assert.equal(formatNumber(1234.5), '1235');
    assert.equal(formatNumber(0.0001234), '1.23e-4');
    assert.equal(formatNumber(0), '0');
  });

  it('says how old the data is', () => {
    assert.equal(formatAge(3_400), 'updated 3s ago');
    assert.equal(formatAge(125_000), 'updated 2m ago');
  });

  it('maps phases to known CSS class names only', () => {
    assert.equal(phaseClass('Failed'), 'failed');
    assert.equal(phaseClass('x" onload="y'), 'unknown');
  });
});
