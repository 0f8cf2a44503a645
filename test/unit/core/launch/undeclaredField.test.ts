// The 500 an apply of an undeclared field gets, as the API server words it (apimachinery v0.37.2
// managedfields/internal/structuredmerge.go + structured-merge-diff typed/helpers.go).
import { strict as assert } from 'node:assert';
import { undeclaredFieldMessage, undeclaredFields } from '../../../../src/core/launch/undeclaredField';

const ONE = 'failed to create typed patch object (default/web; argoproj.io/v1alpha1, Kind=Rollout): .spec.strategy.canary.trafficRouting.nginx.stableIngresses: field not declared in schema';
const TWO = 'failed to create typed patch object (default/web; argoproj.io/v1alpha1, Kind=Rollout): errors:\n'
  + '  .spec.strategy.canary.stepz: field not declared in schema\n'
  + '  .spec.template.spec.containers[name="web"].imagePullPolice: field not declared in schema';

describe('An apply of a field the cluster\'s CRD does not declare', () => {
  it('names the one undeclared field', () => {
    assert.deepEqual(undeclaredFields(ONE), ['.spec.strategy.canary.trafficRouting.nginx.stableIngresses']);
  });

  it('names every field of the several-errors layout, keyed list items included', () => {
    assert.deepEqual(undeclaredFields(TWO), ['.spec.strategy.canary.stepz', '.spec.template.spec.containers[name="web"].imagePullPolice']);
  });

  it('finds nothing in other server errors', () => {
    assert.deepEqual(undeclaredFields('etcdserver: request timed out'), []);
  });

  it('tells the user the field, that nothing changed, and the two likely causes, pointing at an overridden lint error', () => {
    const text = undeclaredFieldMessage({ namespace: 'shop', name: 'web' }, ['.spec.strategy.canary.stepz'], 'prod', true);
    assert.equal(text, 'Nothing was changed: the API server refused rollout web in namespace "shop" (context "prod") because the cluster\'s Rollout CRD '
      + 'does not declare field .spec.strategy.canary.stepz (HTTP 500, "field not declared in schema"). Likely causes: the file has a field Argo Rollouts '
      + 'does not know (a misspelling or wrong indentation: the lint errors you launched anyway may point at it); or the cluster\'s Argo Rollouts CRDs are '
      + 'older than this manifest (a field added in a later release): upgrade the CRDs or leave the field out.');
    assert.doesNotMatch(text, /API server's health/);
  });
});
