import { strict as assert } from 'node:assert';
import { startTestCluster, type TestCluster } from '../../../testbed/apiDouble/startTestCluster';
import { Informer } from '../../../src/kube/informer';
import { aRollout, connectTo } from './kubeTestKit';

describe('an informer over all namespaces', function () {
  this.timeout(20000);
  let cluster: TestCluster;
  let informer: Informer | undefined;

  beforeEach(async () => {
    cluster = await startTestCluster({ namespaces: ['default', 'other'] });
  });
  afterEach(async () => {
    informer?.stop();
    await cluster.stop();
  });

  it('keeps same-named objects of different namespaces apart, through the list and the watch', async () => {
    cluster.store.create('rollouts', aRollout('web'));
    cluster.store.create('rollouts', { ...aRollout('web'), metadata: { name: 'web', namespace: 'other' } });
    informer = new Informer(connectTo(cluster), 'rollouts', undefined, { initialBackoffMs: 20, maxBackoffMs: 100 });
    const listed = new Promise<void>((resolve) => informer!.onChange(() => resolve()));
    informer.start();
    await listed;
    assert.equal(informer.objects().length, 2);
    assert.ok(informer.get('web', 'default'));
    assert.ok(informer.get('web', 'other'));
    const deleted = new Promise<void>((resolve) => informer!.onChange((cs) => cs.some((c) => c.type === 'deleted') && resolve()));
    cluster.store.delete({ resource: 'rollouts', namespace: 'other', name: 'web' });
    await deleted;
    assert.ok(informer.get('web', 'default'), 'the default namespace\'s rollout is still there');
    assert.equal(informer.get('web', 'other'), undefined);
  });
});
