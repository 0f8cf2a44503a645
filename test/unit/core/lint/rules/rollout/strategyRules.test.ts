import { strict as assert } from 'node:assert';
import { underlined } from '../../../../support/lintHelpers';
import { blueGreen, canary, none, only, rolloutWithSpec } from './rolloutFixtures';

describe('strategy rules', () => {
  it('reports a missing strategy at the doubled path spec.strategy.strategy', () => {
    const text = rolloutWithSpec('selector: {matchLabels: {app: app}}', 'strategy: {}');
    const f = only(text, 'rollout-strategy-missing');
    assert.equal(f.message, "Required value: Rollout has missing field '.spec.strategy.canary or .spec.strategy.blueGreen'");
    assert.equal(f.path, 'spec.strategy.strategy');
    assert.equal(underlined(text, f), 'strategy');
  });

  it('treats a null canary as missing', () => {
    only(rolloutWithSpec('strategy:', '  canary:'), 'rollout-strategy-missing');
  });

  it('accepts a single strategy', () => {
    none(canary(), 'rollout-strategy-missing');
    none(blueGreen('activeService: active'), 'rollout-strategy-missing');
  });

  it('reports both strategies with the value Argo prints', () => {
    const text = rolloutWithSpec('strategy:', '  canary: {}', '  blueGreen: {activeService: a}');
    const f = only(text, 'rollout-strategy-multiple');
    assert.equal(f.message, 'Invalid value: "blueGreen: true canary: true": Multiple Strategies can not be listed — spec.strategy sets both canary and blueGreen; keep one of them');
    assert.equal(f.path, 'spec.strategy.strategy');
    assert.equal(underlined(text, f), 'strategy');
    none(canary(), 'rollout-strategy-multiple');
  });
});
