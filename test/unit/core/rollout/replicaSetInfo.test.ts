import { strict as assert } from 'node:assert';
import { replicaSetInfoColumn } from '../../../../src/core/rollout/infoColumns';
import { replicaSetHealth, replicaSetInfos } from '../../../../src/core/rollout/replicaSetInfo';
import { HOUR, NOW, ROLLOUT_UID, blueGreenRollout, canaryRollout, iso, pod, replicaSet, runningPod } from './builders';

describe('ReplicaSet rows', () => {
  describe('status', () => {
    it('is Healthy when all desired pods are available', () => assert.equal(replicaSetHealth(replicaSet('a', { replicas: 3 })), 'Healthy'));
    it('is Progressing while fewer pods are available than desired', () => assert.equal(replicaSetHealth(replicaSet('a', { replicas: 3, available: 2 })), 'Progressing'));
    it('is Progressing while its generation is not observed', () => assert.equal(replicaSetHealth(replicaSet('a', { generation: 2 })), 'Progressing'));
    it('is ReplicaFailure when that condition is true', () => {
      const rs = replicaSet('a', { status: { conditions: [{ type: 'ReplicaFailure', status: 'True', message: 'quota' }] } });
      assert.equal(replicaSetHealth(rs), 'ReplicaFailure');
    });
    it('is ScaledDown at zero replicas', () => assert.equal(replicaSetHealth(replicaSet('a', { replicas: 0 })), 'ScaledDown'));
  });

  describe('role tags', () => {
    const sets = [replicaSet('stable', { hash: 's', revision: 1 }), replicaSet('canary', { hash: 'c', revision: 2 })];
    it('marks the stable and the canary ReplicaSet of a canary rollout', () => {
      const infos = replicaSetInfos(ROLLOUT_UID, canaryRollout({ status: { stableRS: 's', currentPodHash: 'c' } }), sets, [], NOW);
      assert.deepEqual(infos.map((i) => `${i.name}:${replicaSetInfoColumn(i)}`), ['canary:canary', 'stable:stable']);
    });
    it('adds ping and pong for a ping-pong canary', () => {
      const r = canaryRollout({ canary: { pingPong: { pingService: 'ping', pongService: 'pong' } }, status: { stableRS: 's', currentPodHash: 'c', canary: { stablePingPong: 'ping' } } });
      assert.deepEqual(replicaSetInfos(ROLLOUT_UID, r, sets, [], NOW).map(replicaSetInfoColumn), ['canary,pong', 'stable,ping']);
    });
    it('marks stable, active and preview for blueGreen', () => {
      const r = blueGreenRollout({ status: { stableRS: 's', blueGreen: { activeSelector: 's', previewSelector: 'c' } } });
      assert.deepEqual(replicaSetInfos(ROLLOUT_UID, r, sets, [], NOW).map(replicaSetInfoColumn), ['preview', 'stable,active']);
    });
  });

  describe('scale-down delay', () => {
    const withDeadline = (deadline: string) => replicaSetInfos(ROLLOUT_UID, undefined, [replicaSet('old', { annotations: { 'scale-down-deadline': deadline } })], [], NOW)[0];
    it('shows the time left until the deadline', () => assert.equal(replicaSetInfoColumn(withDeadline(iso(NOW + 30 * 1000))!), 'delay:30s'));
    it('shows passed once the deadline is behind', () => assert.equal(replicaSetInfoColumn(withDeadline(iso(NOW - HOUR))!), 'delay:passed'));
    it('shows an empty delay for a deadline Go cannot parse', () => assert.equal(replicaSetInfoColumn(withDeadline('tomorrow')!), 'delay:'));
  });

  describe('selection and order', () => {
    it('keeps only ReplicaSets owned by the given UID', () => {
      const infos = replicaSetInfos(ROLLOUT_UID, undefined, [replicaSet('mine'), replicaSet('theirs', { owner: 'other' }), { metadata: { name: 'orphan' } }, null, 'x'], [], NOW);
      assert.deepEqual(infos.map((i) => i.name), ['mine']);
    });
    it('never relates objects through an empty UID', () => {
      assert.deepEqual(replicaSetInfos('', undefined, [replicaSet('a', { owner: '' })], [], NOW), []);
    });
    it('orders by revision, newest first, then by name', () => {
      const infos = replicaSetInfos(ROLLOUT_UID, undefined, [replicaSet('b', { revision: 1 }), replicaSet('c', { revision: 2 }), replicaSet('a', { revision: 1 })], [], NOW);
      assert.deepEqual(infos.map((i) => i.name), ['c', 'a', 'b']);
    });
    it('reads a revision that is not a number as 0', () => {
      assert.equal(replicaSetInfos(ROLLOUT_UID, undefined, [replicaSet('a', { revision: 'two' })], [], NOW)[0]?.revision, 0);
    });
    it('puts each pod under its ReplicaSet, oldest first, then by name', () => {
      const young = pod('young', 'a-uid', { phase: 'Running' }, { metadata: { creationTimestamp: iso(NOW - 60_000) } });
      const infos = replicaSetInfos(ROLLOUT_UID, undefined, [replicaSet('a'), replicaSet('b')], [young, runningPod('z', 'a-uid'), runningPod('y', 'a-uid'), runningPod('other', 'c-uid'), runningPod('in-b', 'b-uid')], NOW);
      assert.deepEqual(infos.map((i) => `${i.name}:${i.pods.map((p) => p.name).join(',')}`), ['a:y,z,young', 'b:in-b']);
    });
  });
});
