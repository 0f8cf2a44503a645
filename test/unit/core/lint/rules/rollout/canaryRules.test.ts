import { strict as assert } from 'node:assert';
import { underlined } from '../../../../support/lintHelpers';
import { intOrPercentValue } from '../../../../../../src/core/lint/rules/rollout/canaryRules';
import { canary, none, only } from './rolloutFixtures';

describe('canary rules', () => {
  it('reports maxSurge and maxUnavailable both zero at maxSurge', () => {
    const text = canary('maxSurge: 0', 'maxUnavailable: 0');
    const f = only(text, 'canary-max-surge-unavailable-zero');
    assert.equal(f.message, 'Invalid value: 0: MaxSurge and MaxUnavailable both can not be zero — with both 0 the canary can neither add a pod nor take one away, so the update could never move; set one of them to at least 1');
    assert.equal(f.path, 'spec.strategy.maxSurge');
    assert.equal(underlined(text, f), '0');
    assert.equal(f.severity, 'error');
    assert.equal(f.fix, undefined);
  });

  it('prints a string maxSurge quoted and counts "0%" and unparsable strings as zero', () => {
    const text = canary('maxSurge: "0%"', 'maxUnavailable: abc');
    const f = only(text, 'canary-max-surge-unavailable-zero');
    assert.equal(f.message, 'Invalid value: "0%": MaxSurge and MaxUnavailable both can not be zero — with both 0 the canary can neither add a pod nor take one away, so the update could never move; set one of them to at least 1');
    assert.equal(underlined(text, f), '"0%"');
  });

  it('accepts one of them non-zero, or either left to its default of 25%', () => {
    none(canary('maxSurge: 0', 'maxUnavailable: 1'), 'canary-max-surge-unavailable-zero');
    none(canary('maxSurge: "0%"'), 'canary-max-surge-unavailable-zero');
    none(canary('maxUnavailable: 0'), 'canary-max-surge-unavailable-zero');
  });

  it("reads IntOrString values like Argo's getIntOrPercentValue", () => {
    assert.deepEqual(
      [5, '10%', '7', 'x', '-0%', 1.5, true].map(intOrPercentValue),
      [5, 10, 7, 0, 0, undefined, undefined],
    );
  });

  it('reports the same canary and stable Service at stableService', () => {
    const text = canary('canaryService: web', 'stableService: web');
    const f = only(text, 'canary-same-services');
    assert.equal(f.message, 'Invalid value: "web": This rollout uses the same service for the stable and canary services, but two different services are required.');
    assert.equal(f.path, 'spec.strategy.stableService');
    assert.equal(underlined(text, f), 'web');
  });

  it('accepts different or empty Services', () => {
    none(canary('canaryService: web-canary', 'stableService: web'), 'canary-same-services');
    none(canary('canaryService: ""', 'stableService: ""'), 'canary-same-services');
  });
});
