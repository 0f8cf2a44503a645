import { strict as assert } from 'node:assert';
import { CANARY_STEP_KEYS, stepDocs, stepKeyAt } from '../../../../src/core/lint/stepDocs';

describe('canary step explanations', () => {
  it('explain every canary step key', () => {
    for (const k of CANARY_STEP_KEYS) assert.ok(stepDocs[k].length > 40, k);
  });

  it('find the step key under the cursor in a sequence item', () => {
    assert.equal(stepKeyAt('        - setWeight: 20', 11), 'setWeight');
    assert.equal(stepKeyAt('        - pause: {duration: 1h}', 10), 'pause');
  });

  it('find the step key on a continuation line and in JSON', () => {
    assert.equal(stepKeyAt('          analysis:', 12), 'analysis');
    assert.equal(stepKeyAt('  "setCanaryScale": {', 4), 'setCanaryScale');
  });

  it('find nothing on the value, on other keys, or off the key', () => {
    assert.equal(stepKeyAt('        - setWeight: 20', 22), undefined);
    assert.equal(stepKeyAt('  replicas: 3', 4), undefined);
    assert.equal(stepKeyAt('    pause: {}', 1), undefined);
    assert.equal(stepKeyAt('# pause: 1h', 3), undefined);
  });
});
