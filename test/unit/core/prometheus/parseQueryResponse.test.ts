import { strict as assert } from 'node:assert';
import { parseQueryResponse, parseSampleValue } from '../../../../src/core/prometheus/parseQueryResponse';

describe('Reading Prometheus query answers', () => {
  it('reads a vector as one sample per series with labels and number values', () => {
    const r = parseQueryResponse('{"status":"success","data":{"resultType":"vector","result":[{"metric":{"status":"200"},"value":[1795715145,"0.7298"]}]}}');
    assert.deepEqual(r, { ok: true, value: { resultType: 'vector', warnings: [], series: [{ labels: { status: '200' }, samples: [{ t: 1795715145, v: 0.7298 }] }] } });
  });
  it('reads NaN, +Inf and -Inf as numbers', () => {
    assert.ok(Number.isNaN(parseSampleValue('NaN')));
    assert.equal(parseSampleValue('+Inf'), Infinity);
    assert.equal(parseSampleValue('-Inf'), -Infinity);
    assert.equal(parseSampleValue('1e-3'), 0.001);
    assert.equal(parseSampleValue('abc'), undefined);
  });
  it('keeps the gaps of a matrix as missing timestamps', () => {
    const r = parseQueryResponse({ status: 'success', data: { resultType: 'matrix', result: [{ metric: {}, values: [[10, '1'], [20, '2'], [50, '5']] }] } });
    assert.ok(r.ok && r.value.resultType === 'matrix');
    assert.deepEqual(r.value.series[0]?.samples.map((s) => s.t), [10, 20, 50]);
  });
  it('reads a scalar and a string result', () => {
    assert.deepEqual(parseQueryResponse('{"status":"success","data":{"resultType":"scalar","result":[5,"1"]}}'),
      { ok: true, value: { resultType: 'scalar', sample: { t: 5, v: 1 }, warnings: [] } });
    assert.deepEqual(parseQueryResponse('{"status":"success","data":{"resultType":"string","result":[5,"hi"]}}'),
      { ok: true, value: { resultType: 'string', t: 5, value: 'hi', warnings: [] } });
  });
  it('keeps the warnings Prometheus sends with a result', () => {
    const r = parseQueryResponse('{"status":"success","warnings":["PromQL info: metric might not be a counter"],"data":{"resultType":"vector","result":[]}}');
    assert.ok(r.ok);
    assert.deepEqual(r.value.warnings, ['PromQL info: metric might not be a counter']);
  });
  it('says why an HTML page or a wrong shape is not a Prometheus answer', () => {
    assert.deepEqual(parseQueryResponse('<html>Sign in</html>'), { ok: false, error: 'the answer is not JSON (starts with "<html>Sign in</html>")' });
    assert.deepEqual(parseQueryResponse('{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,null]}]}}'),
      { ok: false, error: 'series 0 has no readable "value"' });
    assert.deepEqual(parseQueryResponse('{"status":"success","data":{"resultType":"exemplars","result":[]}}'), { ok: false, error: 'unknown resultType "exemplars"' });
  });
});
