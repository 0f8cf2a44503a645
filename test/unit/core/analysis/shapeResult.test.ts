import { strict as assert } from 'node:assert';
import { measureResponse } from '../../../../src/core/analysis/measurementOutcome';
import { shapeResult } from '../../../../src/core/analysis/shapeResult';
import { goTypeName } from '../../../../src/core/expr/goValue';

const vector = (...vals: string[]): unknown => ({ resultType: 'vector', result: vals.map((v, i) => ({ metric: { pod: `p${i}` }, value: [1714564800, v] })) });

describe('Prometheus result shaping', () => {
  it('turns a vector into a list of floats in response order', () => {
    const r = shapeResult(vector('0.99', '0.98'));
    assert.ok(r.ok);
    assert.deepEqual(r.result, [0.99, 0.98]);
    assert.equal(goTypeName(r.result), '[]float64');
    assert.equal(r.value, '[0.99,0.98]');
  });

  it('stores an empty vector as [] (an empty list, not nil)', () => {
    const r = shapeResult(vector());
    assert.ok(r.ok);
    assert.deepEqual([r.result, r.value], [[], '[]']);
  });

  it('turns a scalar into one float', () => {
    const r = shapeResult({ resultType: 'scalar', result: [1714564800, '10'] });
    assert.ok(r.ok);
    assert.deepEqual([r.kind, r.result, r.value], ['scalar', 10, '10']);
  });

  it('reads NaN and infinities', () => {
    const r = shapeResult(vector('NaN', '+Inf', '-Inf'));
    assert.ok(r.ok);
    assert.deepEqual(r.result, [NaN, Infinity, -Infinity]);
    assert.equal(r.value, '[NaN,+Inf,-Inf]');
  });

  it('flattens a matrix into one list of every sample of every series', () => {
    const r = shapeResult({ resultType: 'matrix', result: [{ metric: {}, values: [[1, '1'], [2, '2']] }, { metric: {}, values: [[1, '3']] }] });
    assert.ok(r.ok);
    assert.deepEqual([r.kind, r.result, r.value], ['matrix', [1, 2, 3], '[1,2,3]']);
  });

  it('refuses a string result with Argo\'s message', () => {
    assert.deepEqual(shapeResult({ resultType: 'string', result: [1, 'hello'] }), { ok: false, error: 'Prometheus metric type not supported' });
  });

  it('writes values in plain decimal, never in exponent form', () => {
    const r = shapeResult(vector('1e-7', '12345678'));
    assert.ok(r.ok);
    assert.equal(r.value, '[0.0000001,12345678]');
  });
});

describe('A measurement from a Prometheus response', () => {
  it('keeps the value and the phase', () => {
    assert.deepEqual(measureResponse({ successCondition: 'result[0] >= 0.95' }, vector('0.71')), { phase: 'Failed', message: '', success: false, value: '[0.71]', result: [0.71] });
  });

  it('records an evaluation error with an empty value', () => {
    const m = measureResponse({ successCondition: 'result[0] >= 0.95' }, vector());
    assert.deepEqual([m.phase, m.value], ['Error', '']);
  });

  it('records an unsupported result type as an error', () => {
    assert.deepEqual(measureResponse({}, { resultType: 'string', result: [1, 'x'] }), { phase: 'Error', message: 'Prometheus metric type not supported', value: '' });
  });
});
