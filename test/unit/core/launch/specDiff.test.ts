import { strict as assert } from 'node:assert';
import { normalizeJson, ownedByManager, specChanges } from '../../../../src/core/launch/specDiff';

describe('Spec diff for a launch', () => {
  it('drops nulls, and empty maps and lists beside other fields, as the server or an editor adds them', () => {
    assert.deepEqual(normalizeJson({ a: null, b: {}, c: [], f: '', g: 0, h: [null, 1] }), { f: '', g: 0, h: [null, 1] });
  });

  it('keeps an empty map that is the only field, such as an indefinite pause step', () => {
    assert.deepEqual(normalizeJson({ steps: [{ setWeight: 10 }, { pause: {} }, { pause: { duration: null } }] }), { steps: [{ setWeight: 10 }, { pause: {} }, { pause: {} }] });
  });

  it('sees no change between a spec and the same spec with empty defaults', () => {
    const file = { spec: { template: { spec: { containers: [{ name: 'app', image: 'x' }] } } } };
    const live = { spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [{ name: 'app', image: 'x', resources: {} }] } } } };
    assert.deepEqual(specChanges(live, file), []);
  });

  it('reports list items the file drops as removed, since the file\'s list replaces the live one', () => {
    const live = { spec: { strategy: { canary: { steps: [{ setWeight: 10 }, { pause: {} }] } } } };
    const file = { spec: { strategy: { canary: { steps: [{ setWeight: 10 }] } } } };
    assert.deepEqual(specChanges(live, file), [{ path: 'spec.strategy.canary.steps[1]', before: { pause: {} }, after: undefined, effect: 'removed' }]);
  });

  it('reads ownership from a real API server\'s FieldsV1 with list keys', () => {
    const live = {
      metadata: {
        managedFields: [
          { manager: 'argo-rollouts-vscode', operation: 'Apply', fieldsV1: { 'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"app"}': { 'f:image': {} } } } } } } },
          { manager: 'argo-rollouts-vscode', operation: 'Update', fieldsV1: { 'f:spec': { 'f:paused': {} } } },
        ],
      },
    };
    const owned = ownedByManager(live, 'argo-rollouts-vscode');
    assert.equal(owned(['spec', 'replicas']), true);
    assert.equal(owned(['spec', 'template', 'spec', 'containers', 0, 'image']), true);
    assert.equal(owned(['spec', 'paused']), false, 'Update ownership is not removed by apply');
    assert.equal(owned(['spec', 'revisionHistoryLimit']), false);
    assert.equal(ownedByManager({ metadata: { managedFields: 'x' } }, 'argo-rollouts-vscode')(['spec']), false);
  });
});
