import { strict as assert } from 'node:assert';
import { planUndo, rolloutRevisions, undoListRequest } from '../../../../src/core/actions/planUndo';
import { REF, aReplicaSet, aRollout, podTemplate } from './rolloutBuilder';

const ROLLOUT = '/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/web';

// The rollout runs shop/web:3 (revision 3); revisions 1 and 2 ran :1 and :2.
const rollout = aRollout().withSpec({ template: podTemplate('shop/web:3') }).build();
const history = [
  aReplicaSet('1', podTemplate('shop/web:1', 'h1')),
  aReplicaSet('3', podTemplate('shop/web:3', 'h3')),
  aReplicaSet('2', podTemplate('shop/web:2', 'h2')),
];

function replaceValue(plan: ReturnType<typeof planUndo>): unknown {
  assert.ok('requests' in plan, JSON.stringify(plan));
  const body = plan.requests[0]?.body;
  assert.ok(Array.isArray(body));
  return (body[0] as { value: unknown }).value;
}

describe('undo', () => {
  it('lists ReplicaSets with the rollout selector as label selector', () => {
    const r = aRollout()
      .withSpec({ selector: { matchLabels: { app: 'web', tier: 'front' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'canary'] }] } })
      .build();
    assert.deepEqual(undoListRequest(REF, r), {
      method: 'LIST',
      path: '/apis/apps/v1/namespaces/shop/replicasets',
      labelSelector: 'app=web,env in (canary,prod),tier=front',
      rbac: { group: 'apps', resource: 'replicasets', verb: 'list', namespace: 'shop' },
    });
  });

  it('formats every selector operator as Kubernetes does', () => {
    const r = aRollout()
      .withSpec({
        selector: {
          matchExpressions: [
            { key: 'b', operator: 'NotIn', values: ['y', 'x'] },
            { key: 'a', operator: 'Exists' },
            { key: 'c', operator: 'DoesNotExist' },
          ],
        },
      })
      .build();
    const req = undoListRequest(REF, r);
    assert.ok(!('error' in req));
    assert.equal(req.labelSelector, 'a,b notin (x,y),!c');
  });

  it('goes back to the previous revision with a JSON patch of its template, hash label removed', () => {
    const plan = planUndo(REF, rollout, history);
    assert.ok('requests' in plan);
    assert.equal(plan.requests.length, 1);
    const [r] = plan.requests;
    assert.equal(r?.method, 'PATCH');
    assert.equal(r?.path, ROLLOUT);
    assert.equal(r?.contentType, 'application/json-patch+json');
    assert.equal(
      JSON.stringify(r?.body),
      JSON.stringify([{ op: 'replace', path: '/spec/template', value: podTemplate('shop/web:2') }]),
    );
    assert.deepEqual(r?.rbac, { group: 'argoproj.io', resource: 'rollouts', verb: 'patch', namespace: 'shop' });
    assert.equal(plan.message, "rollout 'web' undo");
  });

  it('goes to a chosen revision', () => {
    assert.deepEqual(replaceValue(planUndo(REF, rollout, history, 1)), podTemplate('shop/web:1'));
  });

  it('drops the labels map when the hash label was its only entry, as Go omits an empty map', () => {
    const onlyHash = { metadata: { labels: { 'rollouts-pod-template-hash': 'h1' } }, spec: { containers: [{ name: 'web', image: 'shop/web:1' }] } };
    const value = replaceValue(planUndo(REF, rollout, [aReplicaSet('1', onlyHash), ...history.slice(1)], 1));
    assert.deepEqual(value, { metadata: {}, spec: { containers: [{ name: 'web', image: 'shop/web:1' }] } });
  });

  it('skips when the rollout template already matches the revision, with the plugin message', () => {
    assert.deepEqual(planUndo(REF, rollout, history, 3), { skipped: 'skipped rollback (current template already matches revision 3)' });
  });

  it('matches templates the way DeepDerivative does: fields the API server defaulted in the ReplicaSet do not count', () => {
    const defaulted = podTemplate('shop/web:3', 'h3');
    (defaulted['spec'] as { containers: Record<string, unknown>[] }).containers[0]!['imagePullPolicy'] = 'IfNotPresent';
    (defaulted['metadata'] as Record<string, unknown>)['creationTimestamp'] = null;
    assert.ok('skipped' in planUndo(REF, rollout, [aReplicaSet('3', defaulted), aReplicaSet('2', podTemplate('a'))], 3));
  });

  it('ignores ReplicaSets the rollout does not control and unreadable revisions', () => {
    const sets = [
      aReplicaSet('3', podTemplate('shop/web:3')),
      aReplicaSet('2', podTemplate('other:2'), { owner: 'uid-someone-else' }),
      aReplicaSet('two', podTemplate('odd')),
      aReplicaSet('1', podTemplate('shop/web:1')),
    ];
    assert.deepEqual(replaceValue(planUndo(REF, rollout, sets)), podTemplate('shop/web:1'));
    assert.deepEqual(
      rolloutRevisions(rollout, sets).map((r) => r.revision),
      [3, 1],
    );
  });

  it('lists revisions newest first for the picker', () => {
    assert.deepEqual(
      rolloutRevisions(rollout, history).map((r) => `${r.revision} ${r.replicaSet}`),
      ['3 web-3', '2 web-2', '1 web-1'],
    );
  });

  it('reports the plugin errors for a missing revision and for a rollout without history', () => {
    assert.deepEqual(planUndo(REF, rollout, history, 7), { error: 'unable to find specified revision 7 in history' });
    assert.deepEqual(planUndo(REF, rollout, [history[1]]), { error: 'no revision found for rollout "web"' });
    assert.deepEqual(planUndo(REF, rollout, []), { error: 'no revision found for rollout "web"' });
  });

  const workloadCases: [kind: string, path: string, rbac: unknown][] = [
    ['Deployment', '/apis/apps/v1/namespaces/shop/deployments/web-src', { group: 'apps', resource: 'deployments', verb: 'patch', namespace: 'shop' }],
    ['ReplicaSet', '/apis/apps/v1/namespaces/shop/replicasets/web-src', { group: 'apps', resource: 'replicasets', verb: 'patch', namespace: 'shop' }],
    ['PodTemplate', '/api/v1/namespaces/shop/podtemplates/web-src', { group: '', resource: 'podtemplates', verb: 'patch', namespace: 'shop' }],
  ];
  for (const [kind, path, rbac] of workloadCases) {
    it(`with a workloadRef to a ${kind} patches that object`, () => {
      const plan = planUndo(REF, aRollout().withWorkloadRef(kind, 'web-src').build(), history);
      assert.ok('requests' in plan);
      assert.equal(plan.requests[0]?.path, path);
      assert.equal(plan.requests[0]?.contentType, 'application/json-patch+json');
      assert.deepEqual(plan.requests[0]?.rbac, rbac);
    });
  }

  it('refuses a workloadRef kind the plugin does not support', () => {
    assert.deepEqual(planUndo(REF, aRollout().withWorkloadRef('StatefulSet', 'db').build(), history), {
      error: 'failed restoring revision 0: workload of type StatefulSet is not supported',
    });
  });
});
