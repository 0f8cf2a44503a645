import { strict as assert } from 'node:assert';
import { parseGoDuration } from '../../../src/core/goDuration';

describe('Go duration parsing', () => {
  const ok: [string, number][] = [['30s', 30], ['10m', 600], ['1h30m', 5400], ['1.5h', 5400], ['500ms', 0.5], ['0', 0], ['-5s', -5], ['2h45m10.5s', 9910.5]];
  for (const [text, seconds] of ok) {
    it(`reads ${text} as ${seconds} seconds`, () => assert.deepEqual(parseGoDuration(text), { ok: true, seconds }));
  }
  it('rejects days with Go\'s unknown-unit message', () => assert.deepEqual(parseGoDuration('1d'), { ok: false, error: 'time: unknown unit "d" in duration "1d"' }));
  it('rejects a space between number and unit', () => assert.deepEqual(parseGoDuration('10 m'), { ok: false, error: 'time: unknown unit " m" in duration "10 m"' }));
  it('rejects a bare number with the missing-unit message', () => assert.deepEqual(parseGoDuration('10'), { ok: false, error: 'time: missing unit in duration "10"' }));
  it('rejects an empty string', () => assert.equal(parseGoDuration('').ok, false));
});
