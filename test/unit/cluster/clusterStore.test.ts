import { strict as assert } from 'node:assert';
import { ApiError } from '../../../testbed/apiDouble/apiStatus';
import { ClusterStore, type WatchEventType } from '../../../testbed/apiDouble/clusterStore';
import type { JsonObject } from '../../../testbed/apiDouble/jsonValue';
import { parseLabelSelector } from '../../../testbed/apiDouble/selectors';

const rollout = (name: string, extra: JsonObject = {}): JsonObject => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name, namespace: 'default', labels: { app: name } }, spec: { replicas: 1 }, ...extra,
});

function meta(obj: JsonObject | undefined): JsonObject {
  const m = obj?.metadata;
  assert.ok(m && typeof m === 'object' && !Array.isArray(m));
  return m;
}

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  assert.fail('expected an ApiError');
}

describe('Test cluster store', () => {
  let store: ClusterStore;
  beforeEach(() => {
    store = new ClusterStore({ now: () => new Date('2025-01-02T03:04:05.678Z') });
  });

  it('starts with the default and kube-system namespaces', () => {
    assert.deepEqual(store.list('namespaces').items.map((n) => meta(n).name), ['default', 'kube-system']);
  });

  it('gives a created object a uid, a second-precision creationTimestamp, generation 1 and a fresh resourceVersion', () => {
    const before = store.resourceVersion;
    const created = store.create('rollouts', rollout('web'));
    assert.match(String(meta(created).uid), /^[0-9a-f-]{36}$/);
    assert.equal(meta(created).creationTimestamp, '2025-01-02T03:04:05Z');
    assert.equal(meta(created).generation, 1);
    assert.equal(meta(created).resourceVersion, String(before + 1));
  });

  it('drops status on create for a resource with a status subresource, keeps it for one without', () => {
    assert.equal(store.create('rollouts', rollout('web', { status: { phase: 'Healthy' } })).status, undefined);
    assert.deepEqual(store.create('analysisruns', { metadata: { name: 'run' }, spec: {}, status: { phase: 'Running' } }).status, { phase: 'Running' });
  });

  it('names an object from generateName', () => {
    const created = store.create('analysisruns', { metadata: { generateName: 'web-' }, spec: {} });
    assert.match(String(meta(created).name), /^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('refuses a duplicate name with AlreadyExists and a missing namespace with NotFound', () => {
    store.create('rollouts', rollout('web'));
    const dup = apiError(() => store.create('rollouts', rollout('web')));
    assert.deepEqual([dup.code, dup.reason, dup.message], [409, 'AlreadyExists', 'rollouts.argoproj.io "web" already exists']);
    const noNs = apiError(() => store.create('rollouts', rollout('x'), { namespace: 'prod' }));
    assert.deepEqual([noNs.code, noNs.message], [404, 'namespaces "prod" not found']);
  });

  it('bumps generation on a spec change but not on a label change', () => {
    const created = store.create('rollouts', rollout('web'));
    const relabelled = store.update('rollouts', { ...created, metadata: { ...meta(created), labels: { app: 'x' } } });
    assert.equal(meta(relabelled).generation, 1);
    const respec = store.update('rollouts', { ...relabelled, spec: { replicas: 3 } });
    assert.equal(meta(respec).generation, 2);
  });

  it('ignores status on a main-resource update and changes only status through the status subresource', () => {
    const created = store.create('rollouts', rollout('web'));
    const main = store.update('rollouts', { ...created, status: { phase: 'Degraded' } });
    assert.equal(main.status, undefined);
    const status = store.update('rollouts', { ...main, spec: { replicas: 9 }, status: { phase: 'Healthy' } }, { subresource: 'status' });
    assert.deepEqual([status.spec, status.status, meta(status).generation], [{ replicas: 1 }, { phase: 'Healthy' }, 1]);
  });

  it('merges a status patch, removing fields set to null', () => {
    store.create('rollouts', rollout('web'));
    store.patchStatus({ resource: 'rollouts', namespace: 'default', name: 'web' }, { phase: 'Paused', pauseConditions: [{ reason: 'CanaryPauseStep' }] });
    const after = store.patchStatus({ resource: 'ro', namespace: 'default', name: 'web' }, { pauseConditions: null, currentStepIndex: 1 });
    assert.deepEqual(after.status, { phase: 'Paused', currentStepIndex: 1 });
  });

  it('answers a stale resourceVersion with the API server\'s Conflict text', () => {
    const created = store.create('rollouts', rollout('web'));
    store.update('rollouts', { ...created, spec: { replicas: 2 } });
    const err = apiError(() => store.update('rollouts', { ...created, spec: { replicas: 3 } }));
    assert.equal(err.code, 409);
    assert.equal(err.message, 'Operation cannot be fulfilled on rollouts.argoproj.io "web": the object has been modified; please apply your changes to the latest version and try again');
  });

  it('does not bump the resourceVersion or emit an event for a write that changes nothing', () => {
    const created = store.create('rollouts', rollout('web'));
    const events: string[] = [];
    store.onEvent((e) => events.push(e.type));
    const same = store.update('rollouts', created);
    assert.equal(meta(same).resourceVersion, meta(created).resourceVersion);
    assert.deepEqual(events, []);
  });

  it('lists by namespace and label selector, sorted by namespace and name', () => {
    store.create('namespaces', { metadata: { name: 'prod' } });
    store.create('rollouts', rollout('b'));
    store.create('rollouts', rollout('a'), { namespace: 'prod' });
    store.create('rollouts', rollout('c'));
    const names = (items: JsonObject[]): unknown[] => items.map((o) => `${String(meta(o).namespace)}/${String(meta(o).name)}`);
    assert.deepEqual(names(store.list('rollouts').items), ['default/b', 'default/c', 'prod/a']);
    assert.deepEqual(names(store.list('rollouts', { namespace: 'default', selector: parseLabelSelector('app in (a,c)') }).items), ['default/c']);
  });

  it('deletes a namespace together with its objects', () => {
    store.create('namespaces', { metadata: { name: 'prod' } });
    store.create('rollouts', rollout('a'), { namespace: 'prod' });
    store.delete({ resource: 'namespaces', name: 'prod' });
    assert.deepEqual(store.list('rollouts').items, []);
  });

  describe('watch', () => {
    const record = (events: [WatchEventType, string][]) => (type: WatchEventType, obj: JsonObject): void => {
      events.push([type, `${String(meta(obj).name)}@${String(meta(obj).resourceVersion)}`]);
    };

    it('replays the changes after a resourceVersion, then delivers live ones', () => {
      const created = store.create('rollouts', rollout('web'));
      const from = Number(meta(created).resourceVersion);
      store.update('rollouts', { ...created, spec: { replicas: 2 } });
      const events: [WatchEventType, string][] = [];
      store.watch('rollouts', { resourceVersion: from }, record(events));
      store.delete({ resource: 'rollouts', namespace: 'default', name: 'web' });
      assert.deepEqual(events, [['MODIFIED', `web@${from + 1}`], ['DELETED', `web@${from + 2}`]]);
    });

    it('starts with the current objects as ADDED when no resourceVersion is given', () => {
      store.create('rollouts', rollout('web'));
      const events: [WatchEventType, string][] = [];
      store.watch('rollouts', {}, record(events));
      assert.deepEqual(events.map((e) => e[0]), ['ADDED']);
    });

    it('shows an object leaving a label selector as DELETED and entering it as ADDED', () => {
      const created = store.create('rollouts', rollout('web'));
      const events: [WatchEventType, string][] = [];
      store.watch('rollouts', { resourceVersion: store.resourceVersion, selector: parseLabelSelector('app=web') }, record(events));
      const moved = store.update('rollouts', { ...created, metadata: { ...meta(created), labels: { app: 'other' } } });
      store.update('rollouts', { ...moved, metadata: { ...meta(moved), labels: { app: 'web' } } });
      assert.deepEqual(events.map((e) => e[0]), ['DELETED', 'ADDED']);
    });

    it('refuses a resourceVersion below the compaction floor with 410 Expired', () => {
      store.create('rollouts', rollout('web'));
      const old = store.resourceVersion;
      store.create('rollouts', rollout('api'));
      store.compact();
      const err = apiError(() => store.watch('rollouts', { resourceVersion: old }, () => undefined));
      assert.deepEqual([err.code, err.reason, err.message], [410, 'Expired', `too old resource version: ${old} (${store.resourceVersion})`]);
    });
  });
});
