import { strict as assert } from 'node:assert';
import { classifyPromError } from '../../../../src/core/prometheus/promErrors';

const where = 'http://127.0.0.1:9090';
const http = (status: number, body: string, contentType = 'application/json') => classifyPromError({ kind: 'http', status, contentType, body }, where);

describe('Explaining failed Prometheus queries', () => {
  it('quotes Prometheus\' syntax error and says to fix the template', () => {
    const e = http(400, '{"status":"error","errorType":"bad_data","error":"1:5: parse error: unclosed left parenthesis"}');
    assert.equal(e.kind, 'badQuery');
    assert.equal(e.message, 'Prometheus at http://127.0.0.1:9090 rejected the query (400): 1:5: parse error: unclosed left parenthesis. Fix the query in the template.');
  });
  it('tells a refused resolution apart and suggests a larger step', () => {
    const e = http(400, '{"status":"error","errorType":"bad_data","error":"exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)"}');
    assert.equal(e.kind, 'tooManyPoints');
    assert.match(e.message, /larger step/);
  });
  it('classifies 422 execution and 503 timeout errors', () => {
    assert.equal(http(422, '{"status":"error","errorType":"execution","error":"many-to-many matching not allowed"}').kind, 'execution');
    assert.equal(http(503, '{"status":"error","errorType":"timeout","error":"query timed out in expression evaluation"}').kind, 'serverTimeout');
  });
  it('recognises the plain-text 503 of a server that is starting up', () => {
    const e = http(503, 'Service Unavailable', 'text/plain; charset=utf-8');
    assert.equal(e.kind, 'startingUp');
    assert.equal(e.message, 'Prometheus at http://127.0.0.1:9090 is starting up and not ready yet (503). Try again in a few seconds.');
  });
  it('passes on the service proxy\'s Kubernetes Status message', () => {
    const e = http(503, '{"kind":"Status","apiVersion":"v1","status":"Failure","message":"no endpoints available for service \\"prometheus\\"","code":503}');
    assert.equal(e.kind, 'proxyError');
    assert.match(e.message, /no endpoints available for service "prometheus"\. Check that the service exists/);
  });
  it('names the address and the cause when the server cannot be reached', () => {
    const e = classifyPromError({ kind: 'transport', code: 'ECONNREFUSED', cause: 'connect ECONNREFUSED 127.0.0.1:9090' }, where);
    assert.equal(e.kind, 'unreachable');
    assert.match(e.message, /^Cannot reach Prometheus at http:\/\/127\.0\.0\.1:9090: connection refused\./);
  });
  it('suggests turning off TLS verification for an untrusted certificate', () => {
    const e = classifyPromError({ kind: 'transport', code: 'DEPTH_ZERO_SELF_SIGNED_CERT', cause: 'self-signed certificate' }, where);
    assert.equal(e.kind, 'untrustedCertificate');
    assert.match(e.message, /turn off TLS verification/);
  });
  it('explains credentials, a missing API and a non-Prometheus answer', () => {
    assert.equal(http(401, 'Unauthorized', 'text/plain').kind, 'unauthorized');
    assert.equal(http(404, '404 page not found', 'text/plain').kind, 'notFound');
    assert.equal(classifyPromError({ kind: 'badBody', detail: 'the answer is not JSON' }, where).kind, 'notPrometheus');
    assert.equal(http(502, '<html>Bad gateway</html>', 'text/html').kind, 'serverError');
  });
  it('reports a timeout in seconds', () => {
    assert.match(classifyPromError({ kind: 'timeout', timeoutMs: 1500 }, where).message, /did not answer within 1\.5 s/);
  });
});
