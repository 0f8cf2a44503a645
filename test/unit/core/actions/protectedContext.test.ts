import { strict as assert } from 'node:assert';
import { isProtectedContext, typedNameMatches, typedNamePrompt } from '../../../../src/core/actions/protectedContext';

describe('protected contexts', () => {
  const defaults: [context: string, expected: boolean][] = [
    ['prod', true],
    ['production', true],
    ['gke_acme_europe-west1_PROD-eu', true],
    ['arn:aws:eks:eu-west-1:123:cluster/prod-blue', true],
    ['staging', false],
    ['kind-dev', false],
  ];
  for (const [context, expected] of defaults) {
    it(`by default ${expected ? 'protects' : 'does not protect'} "${context}"`, () => assert.equal(isProtectedContext(context), expected));
  }

  const patterns: [pattern: string, context: string, expected: boolean][] = [
    ['prod-*', 'prod-eu', true],
    ['prod-*', 'my-prod-eu', false],
    ['PROD-?', 'prod-1', true],
    ['PROD-?', 'prod-12', false],
    ['gke_acme_*', 'gke_acme_x', true],
    ['a.b', 'axb', false],
    ['a.b', 'a.b', true],
    ['(prod)', '(prod)', true],
  ];
  for (const [pattern, context, expected] of patterns) {
    it(`pattern "${pattern}" ${expected ? 'matches' : 'does not match'} "${context}"`, () => assert.equal(isProtectedContext(context, [pattern]), expected));
  }

  it('protects nothing with an empty list or blank patterns', () => {
    assert.equal(isProtectedContext('prod', []), false);
    assert.equal(isProtectedContext('prod', ['', '  ']), false);
  });

  it('accepts the typed rollout name, forgiving surrounding spaces only', () => {
    assert.equal(typedNameMatches('web', 'web'), true);
    assert.equal(typedNameMatches(' web\n', 'web'), true);
    assert.equal(typedNameMatches('Web', 'web'), false);
    assert.equal(typedNameMatches('we', 'web'), false);
    assert.equal(typedNameMatches('', ''), false);
  });

  it('asks for the name, naming the context', () => {
    assert.equal(typedNamePrompt('web', 'prod-eu'), 'Context "prod-eu" is protected. Type the rollout name "web" to confirm.');
  });
});
