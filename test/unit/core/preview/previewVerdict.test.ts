import * as assert from 'node:assert/strict';
import { previewVerdict } from '../../../../src/core/preview/previewVerdict';
import type { QueryData } from '../../../../src/core/prometheus/parseQueryResponse';

const vector = (...values: number[]): QueryData => ({ resultType: 'vector', series: values.map((v) => ({ labels: {}, samples: [{ t: 1, v }] })), warnings: [] });
const metric = { successCondition: 'result[0] >= 0.95' };

describe('previewVerdict', () => {
  it('says a value above the threshold is Successful, naming the condition', () => {
    assert.deepEqual(previewVerdict(metric, vector(0.97)), { phase: 'Successful', value: '[0.97]', line: '$(pass) [0.97] → Successful (successCondition result[0] >= 0.95)' });
  });

  it('says a value below the threshold is Failed', () => {
    assert.equal(previewVerdict(metric, vector(0.71)).line, '$(error) [0.71] → Failed (successCondition result[0] >= 0.95)');
  });

  it('says an empty result is an Error with Argo’s message', () => {
    assert.equal(
      previewVerdict(metric, vector()).line,
      '$(warning) Error: could not evaluate successCondition "result[0] >= 0.95": metric result is nil or empty: no data returned from the metric provider',
    );
  });

  it('says NaN fails a comparison, as Argo evaluates it', () => {
    assert.equal(previewVerdict(metric, vector(NaN)).phase, 'Failed');
  });

  it('says a metric without conditions always succeeds', () => {
    assert.equal(previewVerdict({}, vector(3)).line, '$(pass) [3] → Successful (no condition: every measurement succeeds)');
  });
});
