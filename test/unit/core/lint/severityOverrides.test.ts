import { strict as assert } from 'node:assert';
import { applySeverityOverrides, parseSeverityOverrides } from '../../../../src/core/lint/severityOverrides';
import type { Finding } from '../../../../src/core/lint/types';

function finding(rule: string, severity: Finding['severity']): Finding {
  return { rule, severity, message: `${rule} message`, path: '', span: { start: 0, end: 1 } };
}

describe('severity overrides', () => {
  const findings = [finding('a', 'error'), finding('b', 'warning'), finding('c', 'info')];

  it('changes the severity of the rules named in the settings', () => {
    const out = applySeverityOverrides(findings, { a: 'warning', c: 'error' });
    assert.deepEqual(
      out.map((f) => [f.rule, f.severity]),
      [
        ['a', 'warning'],
        ['b', 'warning'],
        ['c', 'error'],
      ],
    );
  });

  it('drops the findings of rules switched off', () => {
    assert.deepEqual(
      applySeverityOverrides(findings, { b: 'off' }).map((f) => f.rule),
      ['a', 'c'],
    );
  });

  it('leaves findings untouched without overrides', () => {
    const out = applySeverityOverrides(findings, {});
    assert.deepEqual(out, findings);
    assert.equal(out[0], findings[0]);
  });

  it('does not treat inherited object properties as rule ids', () => {
    assert.equal(applySeverityOverrides([finding('toString', 'error')], {})[0]!.severity, 'error');
  });

  it('keeps only well-formed entries of a hand-edited settings value', () => {
    assert.deepEqual(parseSeverityOverrides({ a: 'off', b: 'fatal', c: 3, d: 'info' }), { a: 'off', d: 'info' });
    assert.deepEqual(parseSeverityOverrides(['error']), {});
    assert.deepEqual(parseSeverityOverrides(null), {});
    assert.deepEqual(parseSeverityOverrides('error'), {});
  });
});
