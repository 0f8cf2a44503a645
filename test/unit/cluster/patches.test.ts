import { strict as assert } from 'node:assert';
import { applyJsonPatch, PatchError } from '../../../testbed/apiDouble/jsonPatch';
import { isJsonObject, type JsonObject } from '../../../testbed/apiDouble/jsonValue';
import { applyMergePatch } from '../../../testbed/apiDouble/mergePatch';
import { conflictCauses, conflictMessage, recordUpdate, serverSideApply } from '../../../testbed/apiDouble/serverSideApply';
import { applyStrategicMergePatch } from '../../../testbed/apiDouble/strategicMergePatch';

/** Each manager's FieldsV1. */
function field(obj: unknown, ...path: string[]): unknown {
  let node = obj;
  for (const k of path) node = isJsonObject(node) ? node[k] : undefined;
  return node;
}

function owners(obj: JsonObject): JsonObject {
  const out: JsonObject = {};
  const meta = isJsonObject(obj.metadata) ? obj.metadata : {};
  for (const m of Array.isArray(meta.managedFields) ? meta.managedFields : []) {
    if (isJsonObject(m) && typeof m.manager === 'string') out[m.manager] = m.fieldsV1 ?? null;
  }
  return out;
}

describe('Test cluster patch appliers', () => {
  describe('JSON merge patch', () => {
    it('merges objects, deletes keys set to null and replaces lists whole', () => {
      const target: JsonObject = { spec: { paused: true, steps: [{ setWeight: 10 }, { pause: {} }], replicas: 2 } };
      assert.deepEqual(applyMergePatch(target, { spec: { paused: null, steps: [{ setWeight: 50 }] } }), { spec: { steps: [{ setWeight: 50 }], replicas: 2 } });
    });
  });

  describe('JSON patch', () => {
    const doc: JsonObject = { metadata: { annotations: { 'a/b': 'x' } }, spec: { steps: [{ setWeight: 10 }] } };

    it('adds, appends with -, replaces, removes, moves and copies, unescaping ~1 in keys', () => {
      const out = applyJsonPatch(doc, [
        { op: 'add', path: '/spec/steps/-', value: { pause: {} } },
        { op: 'add', path: '/spec/steps/0', value: { setWeight: 5 } },
        { op: 'replace', path: '/metadata/annotations/a~1b', value: 'y' },
        { op: 'copy', from: '/metadata/annotations/a~1b', path: '/metadata/annotations/c' },
        { op: 'move', from: '/metadata/annotations/c', path: '/spec/note' },
        { op: 'remove', path: '/spec/steps/1' },
        { op: 'test', path: '/spec/note', value: 'y' },
      ]);
      assert.deepEqual(out, { metadata: { annotations: { 'a/b': 'y' } }, spec: { steps: [{ setWeight: 5 }, { pause: {} }], note: 'y' } });
    });

    it('leaves the input untouched', () => {
      applyJsonPatch(doc, [{ op: 'remove', path: '/spec' }]);
      assert.deepEqual(doc.spec, { steps: [{ setWeight: 10 }] });
    });

    const failures: [string, JsonObject, RegExp][] = [
      ['a failed test', { op: 'test', path: '/spec/steps/0/setWeight', value: 20 }, /test failed/],
      ['replacing a missing key', { op: 'replace', path: '/spec/paused', value: true }, /replace operation does not apply: doc is missing key: \/spec\/paused/],
      ['an index past the end', { op: 'remove', path: '/spec/steps/3' }, /index out of bounds/],
      ['a missing parent', { op: 'add', path: '/status/phase', value: 'x' }, /doc is missing path/],
    ];
    for (const [what, op, message] of failures) {
      it(`rejects ${what}`, () => assert.throws(() => applyJsonPatch(doc, [op]), (e: unknown) => e instanceof PatchError && message.test(e.message)));
    }
  });

  describe('strategic merge patch', () => {
    const pod: JsonObject = {
      spec: {
        containers: [
          { name: 'web', image: 'web:1', ports: [{ containerPort: 80, name: 'http' }] },
          { name: 'proxy', image: 'envoy:1' },
        ],
      },
      metadata: { finalizers: ['a'] },
    };

    it('merges containers by name and container ports by containerPort, dropping $setElementOrder directives', () => {
      const out = applyStrategicMergePatch(pod, { spec: {
        '$setElementOrder/containers': [{ name: 'web' }, { name: 'proxy' }],
        containers: [{ name: 'web', ports: [{ containerPort: 80, protocol: 'TCP' }, { containerPort: 9090 }] }],
      } });
      assert.deepEqual(out, { spec: { containers: [
        { name: 'web', image: 'web:1', ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }, { containerPort: 9090 }] },
        { name: 'proxy', image: 'envoy:1' },
      ] }, metadata: { finalizers: ['a'] } });
    });

    it('deletes a list element with $patch: delete and merges finalizers as a set', () => {
      const out = applyStrategicMergePatch(pod, { spec: { containers: [{ name: 'proxy', $patch: 'delete' }] }, metadata: { finalizers: ['a', 'b'] } });
      assert.deepEqual(out, { spec: { containers: [{ name: 'web', image: 'web:1', ports: [{ containerPort: 80, name: 'http' }] }] }, metadata: { finalizers: ['a', 'b'] } });
    });

    it('merges service ports by port and removes primitives with $deleteFromPrimitiveList', () => {
      const svc = { spec: { ports: [{ port: 80, targetPort: 8080 }] }, metadata: { finalizers: ['a', 'b'] } };
      const out = applyStrategicMergePatch(svc, { spec: { ports: [{ port: 80, name: 'http' }] }, metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } });
      assert.deepEqual(out, { spec: { ports: [{ port: 80, targetPort: 8080, name: 'http' }] }, metadata: { finalizers: ['b'] } });
    });
  });

  describe('server-side apply', () => {
    const base = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', metadata: { name: 'web' } };
    const apply = (live: JsonObject | undefined, spec: JsonObject, manager: string, force = false) =>
      serverSideApply({ live, applied: { ...base, spec }, manager, force, apiVersion: 'argoproj.io/v1alpha1', time: '2025-01-01T00:00:00Z' });

    it('records the manager\'s fields and removes a field the same manager stops applying', () => {
      const first = apply(undefined, { replicas: 2, paused: true }, 'me');
      assert.ok(first.ok);
      assert.deepEqual(first.object.metadata, { name: 'web', managedFields: [{ manager: 'me', operation: 'Apply', apiVersion: 'argoproj.io/v1alpha1',
        time: '2025-01-01T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {}, 'f:paused': {} } } }] });
      const second = apply(first.object, { replicas: 3 }, 'me');
      assert.ok(second.ok);
      assert.deepEqual(second.object.spec, { replicas: 3 });
    });

    it('lets two managers co-own a field with the same value, and keeps it while one of them still applies it', () => {
      const mine = apply(undefined, { replicas: 2, paused: true }, 'me');
      assert.ok(mine.ok);
      const theirs = apply(mine.object, { paused: true }, 'them');
      assert.ok(theirs.ok);
      const dropped = apply(theirs.object, { replicas: 2 }, 'me');
      assert.ok(dropped.ok);
      assert.deepEqual(dropped.object.spec, { replicas: 2, paused: true });
    });

    it('reports every conflicting field, and takes them over when forced', () => {
      const mine = apply(undefined, { replicas: 2, paused: true }, 'me');
      assert.ok(mine.ok);
      const clash = apply(mine.object, { replicas: 3, paused: false }, 'them');
      assert.ok(!clash.ok);
      assert.equal(conflictMessage(clash.conflicts),
        'Apply failed with 2 conflicts: conflicts with "me":\n- .spec.replicas\n- .spec.paused');
      const forced = apply(mine.object, { replicas: 3 }, 'them', true);
      assert.ok(forced.ok);
      assert.deepEqual(forced.object.spec, { replicas: 3, paused: true });
      assert.deepEqual(owners(forced.object), { me: { 'f:spec': { 'f:paused': {} } }, them: { 'f:spec': { 'f:replicas': {} } } });
    });

    const podSpec = (containers: JsonObject[]) => ({ template: { spec: { containers } } });

    it('merges containers by name and env by name, keeping the container another manager applied', () => {
      const sidecar = apply(undefined, podSpec([{ name: 'proxy', image: 'envoy:1' }]), 'mesh');
      assert.ok(sidecar.ok);
      const web = apply(sidecar.object, podSpec([{ name: 'web', image: 'nginx:1', env: [{ name: 'A', value: '1' }] }]), 'me');
      assert.ok(web.ok);
      const again = apply(web.object, podSpec([{ name: 'web', image: 'nginx:2', env: [{ name: 'B', value: '2' }] }]), 'me');
      assert.ok(again.ok);
      assert.deepEqual(field(again.object, 'spec', 'template', 'spec', 'containers'),
        [{ name: 'proxy', image: 'envoy:1' }, { name: 'web', image: 'nginx:2', env: [{ name: 'B', value: '2' }] }]);
      assert.deepEqual(field(owners(again.object).me, 'f:spec', 'f:template', 'f:spec', 'f:containers', 'k:{"name":"web"}'),
        { '.': {}, 'f:name': {}, 'f:image': {}, 'f:env': { 'k:{"name":"B"}': { '.': {}, 'f:name': {}, 'f:value': {} } } });
    });

    it('names a keyed field in a conflict as the API server prints it, and keys ports by containerPort and the defaulted protocol', () => {
      const mine = apply(undefined, podSpec([{ name: 'web', image: 'nginx:1', ports: [{ containerPort: 80 }] }]), 'me');
      assert.ok(mine.ok);
      const clash = apply(mine.object, podSpec([{ name: 'web', image: 'nginx:2', ports: [{ containerPort: 80, protocol: 'TCP', name: 'http' }] }]), 'them');
      assert.ok(!clash.ok);
      assert.equal(conflictMessage(clash.conflicts), 'Apply failed with 1 conflict: conflict with "me": .spec.template.spec.containers[name="web"].image');
    });

    it('conflicts with a manager that wrote by update, printing its apiVersion and time', () => {
      const created = recordUpdate({ before: undefined, after: { ...base, spec: { replicas: 3 } }, manager: 'helm', apiVersion: 'argoproj.io/v1alpha1',
        time: '2026-12-08T10:00:00Z', statusSubresource: true });
      const clash = apply(created, { replicas: 5 }, 'argo-rollouts-vscode');
      assert.ok(!clash.ok);
      assert.equal(conflictMessage(clash.conflicts), 'Apply failed with 1 conflict: conflict with "helm" using argoproj.io/v1alpha1 at 2026-12-08T10:00:00Z: .spec.replicas');
      assert.deepEqual(conflictCauses(clash.conflicts), [{ reason: 'FieldManagerConflict', message: 'conflict with "helm" using argoproj.io/v1alpha1 at 2026-12-08T10:00:00Z', field: '.spec.replicas' }]);
    });

    it('groups several conflicts by manager, managers sorted, as conflict.go does', () => {
      const helm = recordUpdate({ before: undefined, after: { ...base, spec: { replicas: 3, paused: false } }, manager: 'helm', apiVersion: 'argoproj.io/v1alpha1',
        time: '2026-12-08T10:00:00Z', statusSubresource: true });
      const argo = apply(helm, { paused: false, minReadySeconds: 5 }, 'argocd-controller', true);
      assert.ok(argo.ok);
      const clash = apply(argo.object, { replicas: 5, minReadySeconds: 9 }, 'argo-rollouts-vscode');
      assert.ok(!clash.ok);
      assert.equal(conflictMessage(clash.conflicts), 'Apply failed with 2 conflicts: conflicts with "argocd-controller":\n- .spec.minReadySeconds\n'
        + 'conflicts with "helm" using argoproj.io/v1alpha1 at 2026-12-08T10:00:00Z:\n- .spec.replicas');
    });

    it('lets only a manager named kubectl take over fields client-side kubectl apply set', () => {
      const lastApplied = JSON.stringify({ ...base, spec: { replicas: 3 } });
      const csa = recordUpdate({ before: undefined, after: { ...base, metadata: { name: 'web', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied } }, spec: { replicas: 3 } },
        manager: 'kubectl-client-side-apply', apiVersion: 'argoproj.io/v1alpha1', time: '2026-12-08T10:00:00Z', statusSubresource: true });
      const ours = apply(csa, { replicas: 5 }, 'argo-rollouts-vscode');
      assert.ok(!ours.ok);
      assert.equal(ours.conflicts[0]?.manager, 'kubectl-client-side-apply');
      const kubectlSsa = apply(csa, { replicas: 5 }, 'kubectl');
      assert.ok(kubectlSsa.ok);
      assert.equal(field(kubectlSsa.object, 'spec', 'replicas'), 5);
    });

    it('records an update as the Update manager of what it changed and takes those fields from the others', () => {
      const mine = apply(undefined, { replicas: 2, paused: true }, 'me');
      assert.ok(mine.ok);
      const patched = recordUpdate({ before: mine.object, after: { ...mine.object, spec: { replicas: 2, paused: false } }, manager: 'kubectl-patch',
        apiVersion: 'argoproj.io/v1alpha1', time: '2026-12-08T10:00:00Z', statusSubresource: true });
      assert.deepEqual(owners(patched), { me: { 'f:spec': { 'f:replicas': {} } }, 'kubectl-patch': { 'f:spec': { 'f:paused': {} } } });
    });
  });
});
