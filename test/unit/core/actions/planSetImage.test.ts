import { strict as assert } from 'node:assert';
import { listContainers, planSetImage, planSetImageUpdate, setImageTarget } from '../../../../src/core/actions/planSetImage';
import { REF, aRollout } from './rolloutBuilder';

function withPodSpec(podSpec: Record<string, unknown>) {
  return aRollout().withSpec({ template: { metadata: { labels: { app: 'web' } }, spec: podSpec } }).build();
}

const THREE_KINDS = withPodSpec({
  initContainers: [{ name: 'migrate', image: 'shop/migrate:1' }],
  containers: [
    { name: 'web', image: 'shop/web:1' },
    { name: 'sidecar', image: 'envoy:1' },
  ],
  ephemeralContainers: [{ name: 'debug', image: 'busybox' }],
});

function images(obj: unknown): string[] {
  return listContainers(obj).map((c) => `${c.name}=${c.image ?? ''}`);
}

describe('set image', () => {
  it('lists init, regular and ephemeral containers for the picker, in the plugin\'s order', () => {
    assert.deepEqual(
      listContainers(THREE_KINDS).map((c) => `${c.list}/${c.name}`),
      ['initContainers/migrate', 'containers/web', 'containers/sidecar', 'ephemeralContainers/debug'],
    );
  });

  const cases: [container: string, expected: string[]][] = [
    ['web', ['migrate=shop/migrate:1', 'web=shop/web:2', 'sidecar=envoy:1', 'debug=busybox']],
    ['migrate', ['migrate=shop/web:2', 'web=shop/web:1', 'sidecar=envoy:1', 'debug=busybox']],
    ['debug', ['migrate=shop/migrate:1', 'web=shop/web:1', 'sidecar=envoy:1', 'debug=shop/web:2']],
    ['*', ['migrate=shop/web:2', 'web=shop/web:2', 'sidecar=shop/web:2', 'debug=shop/web:2']],
  ];
  for (const [container, expected] of cases) {
    it(`sets the image of container "${container}" and nothing else`, () => {
      const result = planSetImage(THREE_KINDS, container, 'shop/web:2');
      assert.ok('updated' in result);
      assert.deepEqual(images(result.updated), expected);
    });
  }

  it('leaves the fetched object untouched', () => {
    const before = JSON.stringify(THREE_KINDS);
    planSetImage(THREE_KINDS, '*', 'x');
    assert.equal(JSON.stringify(THREE_KINDS), before);
  });

  it('keeps every other field of the object for the PUT (resourceVersion included, for conflict detection)', () => {
    const obj = { ...THREE_KINDS, metadata: { name: 'web', resourceVersion: '42' }, status: { phase: 'Healthy' } };
    const result = planSetImage(obj, 'web', 'shop/web:2');
    assert.ok('updated' in result);
    assert.deepEqual(result.updated['metadata'], { name: 'web', resourceVersion: '42' });
    assert.deepEqual(result.updated['status'], { phase: 'Healthy' });
  });

  it('reports the plugin\'s error for an unknown container', () => {
    assert.deepEqual(planSetImage(THREE_KINDS, 'api', 'x'), { error: 'unable to find container named "api"' });
    assert.deepEqual(planSetImage(undefined, 'web', 'x'), { error: 'unable to find container named "web"' });
    assert.deepEqual(planSetImage(withPodSpec({ containers: 'web' }), 'web', 'x'), { error: 'unable to find container named "web"' });
  });

  it('PUTs the whole rollout and prints `rollout "web" image updated`', () => {
    const target = setImageTarget(REF, THREE_KINDS);
    assert.deepEqual(target, { kind: 'Rollout', ref: REF });
    const result = planSetImage(THREE_KINDS, 'web', 'shop/web:2');
    assert.ok('updated' in result && !('error' in target));
    const plan = planSetImageUpdate(target, result.updated);
    assert.equal(plan.requests.length, 1);
    const [r] = plan.requests;
    assert.equal(r?.method, 'PUT');
    assert.equal(r?.path, '/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/web');
    assert.equal(r?.contentType, 'application/json');
    assert.deepEqual(r?.body, result.updated);
    assert.deepEqual(r?.rbac, { group: 'argoproj.io', resource: 'rollouts', verb: 'update', namespace: 'shop' });
    assert.equal(plan.message, 'rollout "web" image updated');
  });

  it('with workloadRef GETs and PUTs the Deployment instead and says `deployment "<name>" image updated`', () => {
    const rollout = aRollout().withWorkloadRef('Deployment', 'web-deploy').build();
    const target = setImageTarget(REF, rollout);
    assert.ok(!('error' in target) && target.kind === 'Deployment');
    assert.deepEqual(target.read, {
      method: 'GET',
      path: '/apis/apps/v1/namespaces/shop/deployments/web-deploy',
      rbac: { group: 'apps', resource: 'deployments', verb: 'get', namespace: 'shop' },
    });
    const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web-deploy' }, spec: { template: { spec: { containers: [{ name: 'web', image: 'a' }] } } } };
    const result = planSetImage(deployment, 'web', 'b');
    assert.ok('updated' in result);
    const plan = planSetImageUpdate(target, result.updated);
    assert.equal(plan.requests[0]?.method, 'PUT');
    assert.equal(plan.requests[0]?.path, '/apis/apps/v1/namespaces/shop/deployments/web-deploy');
    assert.deepEqual(plan.requests[0]?.rbac, { group: 'apps', resource: 'deployments', verb: 'update', namespace: 'shop' });
    assert.equal(plan.message, 'deployment "web-deploy" image updated');
  });

  it('reports a workloadRef without a string name as the plugin does', () => {
    const rollout = aRollout().withSpec({ workloadRef: { kind: 'Deployment' } }).build();
    assert.deepEqual(setImageTarget(REF, rollout), { error: 'spec.workloadRef.name is not a string: <nil>' });
  });
});
