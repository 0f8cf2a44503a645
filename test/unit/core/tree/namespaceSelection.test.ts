import { strict as assert } from 'node:assert';
import { namespaceSelection, namespacesOfList, selectionLabel, selectionSetting } from '../../../../src/core/tree/namespaceSelection';

describe('the namespaces setting', () => {
  it('means the context\'s namespace when empty, missing or malformed', () => {
    for (const v of [[], undefined, 'shop', [''], [3, null], { a: 1 }]) assert.deepEqual(namespaceSelection(v), { kind: 'context' }, JSON.stringify(v));
  });
  it('means every namespace when it holds "*"', () => assert.deepEqual(namespaceSelection(['shop', '*']), { kind: 'all' }));
  it('lists the named namespaces once each, trimmed', () => {
    assert.deepEqual(namespaceSelection([' shop', 'payments', 'shop', 7]), { kind: 'list', names: ['shop', 'payments'] });
  });
  it('is labelled for the status bar', () => {
    assert.equal(selectionLabel({ kind: 'context' }, 'default'), 'default');
    assert.equal(selectionLabel({ kind: 'all' }, 'default'), 'all namespaces');
    assert.equal(selectionLabel({ kind: 'list', names: ['shop', 'payments'] }, 'default'), 'shop, payments');
  });
  it('is written back as the setting value', () => {
    assert.deepEqual(selectionSetting({ kind: 'all' }), ['*']);
    assert.deepEqual(selectionSetting({ kind: 'context' }), []);
    assert.deepEqual(selectionSetting({ kind: 'list', names: ['a'] }), ['a']);
  });
});

describe('namespaces of a list answer', () => {
  it('collects the namespaces holding rollouts, sorted and without duplicates', () => {
    const body = { items: [{ metadata: { namespace: 'shop' } }, { metadata: { namespace: 'default' } }, { metadata: { namespace: 'shop' } }, { metadata: {} }, null] };
    assert.deepEqual(namespacesOfList(body, 'namespace'), ['default', 'shop']);
  });
  it('reads a NamespaceList by name, and nothing from a malformed answer', () => {
    assert.deepEqual(namespacesOfList({ items: [{ metadata: { name: 'b' } }, { metadata: { name: 'a' } }] }, 'name'), ['a', 'b']);
    assert.deepEqual(namespacesOfList('oops', 'name'), []);
  });
});
