import { strict as assert } from 'node:assert';
import { underlined } from '../../../../support/lintHelpers';
import { blueGreen, canary, none, only } from './rolloutFixtures';

describe('anti-affinity rules', () => {
  it('reports an antiAffinity with neither strategy at spec.strategy.antiAffinity', () => {
    const text = canary('antiAffinity: {}');
    const f = only(text, 'anti-affinity-one-strategy');
    assert.equal(
      f.message,
      'Invalid value: "antiAffinity.PreferredDuringSchedulingIgnoredDuringExecution: false antiAffinity.RequiredDuringSchedulingIgnoredDuringExecution: false": AntiAffinity must have exactly one strategy listed',
    );
    assert.equal(f.path, 'spec.strategy.antiAffinity');
    assert.equal(underlined(text, f), 'antiAffinity');
  });

  it('reports an antiAffinity with both strategies in a blueGreen rollout', () => {
    const text = blueGreen(
      'activeService: web',
      'antiAffinity:',
      '  preferredDuringSchedulingIgnoredDuringExecution: {weight: 50}',
      '  requiredDuringSchedulingIgnoredDuringExecution: {}',
    );
    assert.match(only(text, 'anti-affinity-one-strategy').message, /^Invalid value: "antiAffinity.PreferredDuringSchedulingIgnoredDuringExecution: true antiAffinity.RequiredDuringSchedulingIgnoredDuringExecution: true"/);
  });

  it('accepts exactly one strategy', () => {
    none(canary('antiAffinity:', '  requiredDuringSchedulingIgnoredDuringExecution: {}'), 'anti-affinity-one-strategy');
    none(canary('antiAffinity:', '  preferredDuringSchedulingIgnoredDuringExecution: {weight: 1}'), 'anti-affinity-weight');
  });

  it('reports a preferred weight outside 1-100 at spec.strategy.antiAffinity.weight', () => {
    const text = canary('antiAffinity:', '  preferredDuringSchedulingIgnoredDuringExecution:', '    weight: 101');
    const f = only(text, 'anti-affinity-weight');
    assert.equal(f.message, 'Invalid value: 101: AntiAffinity weight must be between 1-100');
    assert.equal(f.path, 'spec.strategy.antiAffinity.weight');
    assert.equal(underlined(text, f), '101');
  });

  it('reports a preferred strategy without weight as weight 0', () => {
    const text = canary('antiAffinity:', '  preferredDuringSchedulingIgnoredDuringExecution: {}');
    assert.equal(only(text, 'anti-affinity-weight').message, 'Invalid value: 0: AntiAffinity weight must be between 1-100');
  });
});
