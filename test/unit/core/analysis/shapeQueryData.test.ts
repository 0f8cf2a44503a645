import * as assert from 'node:assert/strict';
import { measureQueryData, shapeQueryData } from '../../../../src/core/analysis/shapeQueryData';
import { measureResponse } from '../../../../src/core/analysis/measurementOutcome';
import { shapeResult } from '../../../../src/core/analysis/shapeResult';
import { parseQueryResponse } from '../../../../src/core/prometheus/parseQueryResponse';

// Raw `data` members as Prometheus sends them; the parsed form must shape exactly like the raw one.
const answers: Record<string, unknown> = {
  'a vector of two series': { resultType: 'vector', result: [{ metric: { a: '1' }, value: [1795715145, '0.7298'] }, { metric: {}, value: [1795715145, '1e-7'] }] },
  'an empty vector': { resultType: 'vector', result: [] },
  'NaN from flat counters': { resultType: 'vector', result: [{ metric: {}, value: [1795715145, 'NaN'] }] },
  'a division by zero': { resultType: 'vector', result: [{ metric: {}, value: [1795715145, '+Inf'] }] },
  'a scalar': { resultType: 'scalar', result: [1795715145, '1'] },
  'a matrix': { resultType: 'matrix', result: [{ metric: {}, values: [[1, '0.5'], [2, '0.25']] }, { metric: {}, values: [[1, '3']] }] },
};

describe('shapeQueryData', () => {
  for (const [name, data] of Object.entries(answers)) {
    it(`shapes ${name} as Argo shapes the raw answer`, () => {
      const parsed = parseQueryResponse(JSON.stringify({ status: 'success', data }));
      assert.ok(parsed.ok);
      assert.deepEqual(shapeQueryData(parsed.value), shapeResult(data));
      const metric = { successCondition: 'result[0] >= 0.95' };
      assert.deepEqual(measureQueryData(metric, parsed.value), measureResponse(metric, data));
    });
  }

  it('refuses a string answer as Argo does', () => {
    assert.deepEqual(shapeQueryData({ resultType: 'string', t: 1, value: 'x', warnings: [] }), { ok: false, error: 'Prometheus metric type not supported' });
  });
});
