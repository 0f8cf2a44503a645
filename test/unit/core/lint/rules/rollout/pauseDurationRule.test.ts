import { strict as assert } from 'node:assert';
import { applyFix, findings, underlined } from '../../../../support/lintHelpers';
import { pauseDurationSeconds, suggestDuration } from '../../../../../../src/core/lint/rules/rollout/pauseDurationRule';
import { canary, none, only } from './rolloutFixtures';

const ARGO = 'Invalid value: -1: Duration needs to be greater than 0';

function pause(duration: string): string {
  return canary('steps:', '  - setWeight: 10', `  - pause: {duration: ${duration}}`);
}

describe('pause duration rule', () => {
  it('reports 1d with Argo\'s message, an explanation, and a fix to 24h', () => {
    const text = pause('1d');
    const f = only(text, 'pause-duration');
    assert.ok(f.message.startsWith(`${ARGO} — `), f.message);
    assert.match(f.message, /Go duration such as `30s`/);
    assert.match(f.message, /did you mean `24h`\?$/);
    assert.equal(f.path, 'spec.strategy.steps[1].pause.duration');
    assert.equal(underlined(text, f), '1d');
    assert.equal(f.severity, 'error');
    assert.equal(f.fix?.title, 'Fix a duration: use 24h');
    const fixed = applyFix(text, f);
    assert.match(fixed, /pause: \{duration: 24h\}/);
    none(fixed, 'pause-duration');
  });

  it('fixes a quoted duration with a space, replacing the quotes too', () => {
    const text = pause('"10 m"');
    const f = only(text, 'pause-duration');
    assert.equal(underlined(text, f), '"10 m"');
    assert.match(applyFix(text, f), /pause: \{duration: 10m\}/);
  });

  it('reports abc without a fix', () => {
    const f = only(pause('abc'), 'pause-duration');
    assert.ok(f.message.startsWith(ARGO));
    assert.equal(f.fix, undefined);
  });

  it('reports a negative number of seconds with that number', () => {
    const f = only(pause('-5'), 'pause-duration');
    assert.equal(f.message, 'Invalid value: -5: Duration needs to be greater than 0 — a pause duration cannot be negative');
    assert.equal(f.fix, undefined);
  });

  it('suggests the intended Go duration only when it is unambiguous', () => {
    assert.deepEqual(
      ['1d', '2d', '10 m', '5 min', '5mins', '30 sec', '30secs', '30 seconds', '1 hour', '1h 30m', 'abc', '1M', '5 fortnights'].map(suggestDuration),
      ['24h', '48h', '10m', '5m', '5m', '30s', '30s', '30s', '1h', '1h30m', undefined, undefined, undefined],
    );
  });

  it('reads durations like Argo: integer seconds first, then Go durations, fractions truncated', () => {
    assert.deepEqual(
      [30, '30', '30s', '1h30m', '1.5h', '500ms', '-10s', '1d', null, 1.5, true].map(pauseDurationSeconds),
      [30, 30, 30, 5400, 5400, 0, -10, -1, 0, undefined, undefined],
    );
  });

  it('accepts valid durations, zero, and a pause without duration', () => {
    for (const d of ['30', '"30"', '30s', '1h30m', '500ms', '0']) none(pause(d), 'pause-duration');
    none(canary('steps:', '  - pause: {}'), 'pause-duration');
  });

  it('reports each bad pause of a rollout', () => {
    const text = canary('steps:', '  - pause: {duration: 1d}', '  - pause: {duration: 2 hours}');
    assert.deepEqual(
      findings(text, 'pause-duration').map((f) => f.fix?.edits[0]?.newText),
      ['24h', '2h'],
    );
  });
});
