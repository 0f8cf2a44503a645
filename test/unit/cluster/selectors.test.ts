import { strict as assert } from 'node:assert';
import { ApiError } from '../../../testbed/apiDouble/apiStatus';
import { parseFieldSelector, parseLabelSelector } from '../../../testbed/apiDouble/selectors';

const pod = (labels: Record<string, string>, name = 'p', namespace = 'default') => ({ metadata: { name, namespace, labels } });

describe('Test cluster selectors', () => {
  const cases: [string, Record<string, string>, boolean][] = [
    ['app=web', { app: 'web' }, true],
    ['app==web', { app: 'api' }, false],
    ['app!=web', {}, true],
    ['app in (web, api),tier notin (db)', { app: 'api', tier: 'fe' }, true],
    ['app in (web,api),tier notin (db)', { app: 'api', tier: 'db' }, false],
    ['canary', { canary: '' }, true],
    ['!canary', { canary: 'x' }, false],
    ['', {}, true],
  ];
  for (const [selector, labels, expected] of cases) {
    it(`${expected ? 'matches' : 'does not match'} ${JSON.stringify(labels)} with "${selector}"`, () => assert.equal(parseLabelSelector(selector)(pod(labels)), expected));
  }

  it('selects by metadata.name and metadata.namespace', () => {
    assert.equal(parseFieldSelector('metadata.name=a,metadata.namespace!=prod')(pod({}, 'a')), true);
    assert.equal(parseFieldSelector('metadata.name=a')(pod({}, 'b')), false);
  });

  it('refuses other field labels with 400 as the API server does', () => {
    assert.throws(() => parseFieldSelector('status.phase=Running'), (e: unknown) => e instanceof ApiError && e.code === 400 && e.message === 'field label not supported: status.phase');
  });
});
