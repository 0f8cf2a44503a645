import { strict as assert } from 'node:assert';
import { credentialsKey, describeCredentials, parseCredentials, serializeCredentials } from '../../../../src/core/prometheus/promCredentials';

describe('Stored Prometheus credentials', () => {
  it('read back what was stored, per context', () => {
    const basic = { kind: 'basic' as const, username: 'grafana', password: 'p:ss' };
    assert.deepEqual(parseCredentials(serializeCredentials(basic)), basic);
    assert.notEqual(credentialsKey('kind-dev'), credentialsKey('prod'));
  });

  it('ignore an entry of another shape instead of sending garbage', () => {
    for (const text of [undefined, '', 'not json', '{"kind":"bearer"}', '{"kind":"bearer","token":""}', '{"kind":"oauth","token":"x"}', '[1]']) {
      assert.equal(parseCredentials(text), undefined, String(text));
    }
  });

  it('are described without the secret', () => {
    assert.equal(describeCredentials({ kind: 'bearer', token: 'abc' }), 'a bearer token');
    assert.equal(describeCredentials({ kind: 'basic', username: 'u', password: 'pw' }), 'basic auth as "u"');
  });
});
