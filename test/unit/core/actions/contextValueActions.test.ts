import { strict as assert } from 'node:assert';
import { actionsOfContextValue } from '../../../../src/core/actions/contextValueActions';

describe('reading actions back from a rollout row\'s contextValue', () => {
  it('lists the actions the row offers and ignores other words such as pinned', () =>
    assert.deepEqual([...actionsOfContextValue('rollout:promote,abort,retry,pinned')], ['promote', 'abort', 'retry']));
  it('does not mistake promoteFull for promote', () => assert.deepEqual([...actionsOfContextValue('rollout:promoteFull')], ['promoteFull']));
  it('offers nothing on a read-only row', () => assert.equal(actionsOfContextValue('rollout:').size, 0));
  it('offers nothing on rows that are not rollouts', () => {
    assert.equal(actionsOfContextValue('error:retry').size, 0);
    assert.equal(actionsOfContextValue(undefined).size, 0);
  });
});
