import { strict as assert } from 'node:assert';
import { matchesAnyGlob } from '../../../../src/core/lint/globMatch';

describe('exclude globs', () => {
  it('match folders at any depth with **', () => {
    assert.ok(matchesAnyGlob('node_modules/x/a.yaml', ['**/node_modules/**']));
    assert.ok(matchesAnyGlob('deep/node_modules/a.yaml', ['**/node_modules/**']));
    assert.ok(!matchesAnyGlob('src/a.yaml', ['**/node_modules/**']));
  });

  it('match file names in any folder when the pattern has no slash', () => {
    assert.ok(matchesAnyGlob('a/b/values.yaml', ['values.yaml']));
    assert.ok(matchesAnyGlob('a/b/x.yml', ['*.yml']));
    assert.ok(!matchesAnyGlob('a/b/x.yaml', ['*.yml']));
  });

  it('support braces, ? and Windows separators', () => {
    assert.ok(matchesAnyGlob('charts/app/templates/r.yaml', ['charts/*/templates/*.{yaml,yml}']));
    assert.ok(matchesAnyGlob('charts\\app\\templates\\r.yml', ['charts/*/templates/*.{yaml,yml}']));
    assert.ok(matchesAnyGlob('v1.yaml', ['v?.yaml']));
    assert.ok(!matchesAnyGlob('charts/app/r.yaml', ['charts/*/templates/*.yaml']));
  });

  it('treat dots literally and ignore empty patterns', () => {
    assert.ok(!matchesAnyGlob('axyaml', ['a.yaml']));
    assert.ok(!matchesAnyGlob('a.yaml', ['', '  ']));
  });
});
