import { strict as assert } from 'node:assert';
import { argQuestions, argValueError, runName } from '../../../../src/core/actions/analysisRunInputs';

const template = {
  metadata: { name: 'latency' },
  spec: {
    args: [
      { name: 'namespace' },
      { name: 'quantile', value: '0.95' },
      { name: 'api-token', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
    ],
  },
};

describe('the questions of Create AnalysisRun from Template', () => {
  it('asks each declared argument, offering the default, and leaves valueFrom arguments to the controller', () => {
    assert.deepEqual(argQuestions(template), [
      { name: 'namespace', defaultValue: undefined, required: true },
      { name: 'quantile', defaultValue: '0.95', required: false },
    ]);
  });

  it('refuses a blank answer only for an argument without default', () => {
    assert.equal(argValueError({ name: 'namespace', defaultValue: undefined, required: true }, ' '), 'Argument "namespace" has no default: type a value.');
    assert.equal(argValueError({ name: 'quantile', defaultValue: '0.95', required: false }, ''), undefined);
  });

  it('reports malformed args instead of asking', () => {
    assert.deepEqual(argQuestions({ spec: { args: 'x' } }), { error: 'spec.args is not a list' });
  });

  it('turns an empty name into generateName "<template>-", a name ending in "-" into generateName, anything else into the name', () => {
    assert.deepEqual(runName('', 'latency'), { generateName: 'latency-' });
    assert.deepEqual(runName(' check- ', 'latency'), { generateName: 'check-' });
    assert.deepEqual(runName('check-1', 'latency'), { name: 'check-1' });
  });

  it('refuses names Kubernetes would refuse', () => {
    const bad = runName('Check_1', 'latency');
    assert.ok('error' in bad && /not a valid name/.test(bad.error));
    const long = runName('a'.repeat(254), 'latency');
    assert.ok('error' in long && /too long/.test(long.error));
  });
});
