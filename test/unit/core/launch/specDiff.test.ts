import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { listMapKeysOf, ROLLOUT_LIST_MAP_KEYS } from '../../../../src/core/launch/listMapKeys';
import { normalizeJson, ownedByManager, specAfterApply, specChanges } from '../../../../src/core/launch/specDiff';
import { corpusOrSkip } from '../../../support/argoRolloutsCorpus';

describe('Spec diff for a launch', () => {
  it('drops nulls, and empty maps and lists beside other fields, as the server or an editor adds them', () => {
    assert.deepEqual(normalizeJson({ a: null, b: {}, c: [], f: '', g: 0, h: [null, 1] }), { f: '', g: 0, h: [null, 1] });
  });

  it('keeps an empty map that is the only field, such as an indefinite pause step', () => {
    assert.deepEqual(normalizeJson({ steps: [{ setWeight: 10 }, { pause: {} }, { pause: { duration: null } }] }), { steps: [{ setWeight: 10 }, { pause: {} }, { pause: {} }] });
  });

  it('sees no change between a spec and the same spec with empty defaults', () => {
    const file = { spec: { template: { spec: { containers: [{ name: 'app', image: 'x' }] } } } };
    const live = { spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [{ name: 'app', image: 'x', resources: {} }] } } } };
    assert.deepEqual(specChanges(live, file), []);
  });

  it('reports list items the file drops as removed, since the file\'s list replaces the live one', () => {
    const live = { spec: { strategy: { canary: { steps: [{ setWeight: 10 }, { pause: {} }] } } } };
    const file = { spec: { strategy: { canary: { steps: [{ setWeight: 10 }] } } } };
    assert.deepEqual(specChanges(live, file), [{ path: 'spec.strategy.canary.steps[1]', before: { pause: {} }, after: undefined, effect: 'removed' }]);
  });

  it('reads ownership from a real API server\'s FieldsV1 with list keys', () => {
    const live = {
      metadata: {
        managedFields: [
          { manager: 'argo-rollouts-vscode', operation: 'Apply', fieldsV1: { 'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"app"}': { 'f:image': {} } } } } } } },
          { manager: 'argo-rollouts-vscode', operation: 'Update', fieldsV1: { 'f:spec': { 'f:paused': {} } } },
        ],
      },
    };
    const owned = ownedByManager(live, 'argo-rollouts-vscode');
    assert.equal(owned(['spec', 'replicas']), true);
    assert.equal(owned(['spec', 'template', 'spec', 'containers', { key: { name: 'app' } }, 'image']), true);
    assert.equal(owned(['spec', 'template', 'spec', 'containers', { key: { name: 'sidecar' } }, 'image']), false);
    assert.equal(owned(['spec', 'paused']), false, 'Update ownership is not removed by apply');
    assert.equal(owned(['spec', 'revisionHistoryLimit']), false);
    assert.equal(ownedByManager({ metadata: { managedFields: 'x' } }, 'argo-rollouts-vscode')(['spec']), false);
  });

  describe('keyed lists, merged as the API server merges them', () => {
    const pod = (containers: unknown[]) => ({ spec: { template: { spec: { containers } } } });
    const ours = (fieldsV1: unknown) => ({ metadata: { managedFields: [{ manager: 'argo-rollouts-vscode', operation: 'Apply', fieldsV1 }] } });

    it('matches containers by name, not position: reordering them changes nothing', () => {
      const live = pod([{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:1' }]);
      assert.deepEqual(specChanges(live, pod([{ name: 'b', image: 'b:1' }, { name: 'a', image: 'a:1' }])), []);
    });

    it('keeps a container another manager added (an injected sidecar) and says so', () => {
      const live = pod([{ name: 'app', image: 'nginx:1.25' }, { name: 'istio-proxy', image: 'proxy:1' }]);
      const file = pod([{ name: 'app', image: 'nginx:1.26' }]);
      assert.deepEqual(specChanges(live, file), [
        { path: 'spec.template.spec.containers[name="app"].image', before: 'nginx:1.25', after: 'nginx:1.26', effect: 'set' },
        { path: 'spec.template.spec.containers[name="istio-proxy"]', before: { name: 'istio-proxy', image: 'proxy:1' }, after: undefined, effect: 'kept' },
      ]);
      assert.deepEqual(specAfterApply(live, file), { template: { spec: { containers: [{ name: 'app', image: 'nginx:1.26' }, { name: 'istio-proxy', image: 'proxy:1' }] } } });
    });

    it('removes a container this extension applied before and the file no longer has', () => {
      const live = { ...pod([{ name: 'app', image: 'x' }, { name: 'debug', image: 'busybox' }]),
        ...ours({ 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"app"}': { '.': {}, 'f:image': {}, 'f:name': {} }, 'k:{"name":"debug"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } } } }) };
      const file = pod([{ name: 'app', image: 'x' }]);
      assert.deepEqual(specChanges(live, file, ownedByManager(live, 'argo-rollouts-vscode')).map((c) => [c.path, c.effect]), [['spec.template.spec.containers[name="debug"]', 'removed']]);
      assert.deepEqual(specAfterApply(live, file, ownedByManager(live, 'argo-rollouts-vscode')), { template: { spec: { containers: [{ name: 'app', image: 'x' }] } } });
    });

    it('merges env by name and ports by containerPort and protocol (TCP when left out), printing keys as the server does', () => {
      const live = pod([{ name: 'app', image: 'x', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }], ports: [{ containerPort: 80, protocol: 'TCP', name: 'http' }] }]);
      const file = pod([{ name: 'app', image: 'x', env: [{ name: 'B', value: '3' }], ports: [{ containerPort: 80, name: 'web' }, { containerPort: 53, protocol: 'UDP' }] }]);
      assert.deepEqual(specChanges(live, file).map((c) => [c.path, c.effect]), [
        ['spec.template.spec.containers[name="app"].env[name="B"].value', 'set'],
        ['spec.template.spec.containers[name="app"].env[name="A"]', 'kept'],
        ['spec.template.spec.containers[name="app"].ports[containerPort=80,protocol="TCP"].name', 'set'],
        ['spec.template.spec.containers[name="app"].ports[containerPort=53,protocol="UDP"]', 'set'],
      ]);
    });

    it('still replaces an atomic list (steps) whole', () => {
      const live = { spec: { strategy: { canary: { steps: [{ setWeight: 10 }, { pause: {} }] } } } };
      assert.deepEqual(specAfterApply(live, { spec: { strategy: { canary: { steps: [{ setWeight: 20 }] } } } }), { strategy: { canary: { steps: [{ setWeight: 20 }] } } });
    });

    describe('the keyed lists of the upstream Rollout CRD', () => {
      const corpus = corpusOrSkip();
      if (!corpus) return;
      it('are the ones the extension merges by key when it cannot read the cluster\'s CRD', () => {
        const crd: unknown = parse(readFileSync(join(corpus, 'crd', 'rollout-crd.yaml'), 'utf8'));
        const schema = (crd as { spec: { versions: { schema: { openAPIV3Schema: unknown } }[] } }).spec.versions[0]?.schema.openAPIV3Schema;
        assert.deepEqual(Object.fromEntries([...listMapKeysOf(schema)].sort()), Object.fromEntries([...ROLLOUT_LIST_MAP_KEYS].sort()));
      });
    });
  });
});
