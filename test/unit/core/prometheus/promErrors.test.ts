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
  it('says a service without ready pods has none, quoting the API server, and how to get around the proxy', () => {
    const e = http(503, '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"no endpoints available for service \\"prometheus\\"","reason":"ServiceUnavailable","code":503}');
    assert.equal(e.kind, 'proxyError');
    assert.equal(e.message, 'Prometheus at http://127.0.0.1:9090 has no ready pods behind its service (503): no endpoints available for service "prometheus". '
      + 'Check that Prometheus is running, or run `kubectl port-forward` to the service and set `argoRollouts.prometheus.urls` for this context to the forwarded URL (e.g. http://localhost:9090).');
  });
  it('tells a proxy the user may not use apart, naming the permission', () => {
    const e = http(403, '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"services \\"http:prometheus:9090\\" is forbidden: User \\"dev\\" cannot get resource \\"services/proxy\\" in API group \\"\\" in the namespace \\"monitoring\\"","reason":"Forbidden","code":403}');
    assert.ok(e.kind === 'proxyError' && e.problem === 'forbidden');
    assert.match(e.message, /^The API server refuses to proxy queries to Prometheus at .* \(403\): services "http:prometheus:9090" is forbidden: .*Ask your cluster admin for `get` on `services\/proxy`.*argoRollouts\.prometheus\.urls/);
  });
  it('tells a missing service and unreachable pods apart', () => {
    const status = (code: number, reason: string, message: string) => http(code, JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason, code }));
    const missing = status(404, 'NotFound', 'services "prometheus" not found');
    assert.ok(missing.kind === 'proxyError' && missing.problem === 'noService');
    const dial = status(503, 'ServiceUnavailable', 'error trying to reach service: dial tcp 10.0.0.5:9090: connect: connection refused');
    assert.ok(dial.kind === 'proxyError' && dial.problem === 'unreachable');
    assert.match(dial.message, /cannot reach the pods/);
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
