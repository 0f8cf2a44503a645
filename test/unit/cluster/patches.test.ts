import { strict as assert } from 'node:assert';
import { applyJsonPatch, PatchError } from '../../../testbed/apiDouble/jsonPatch';
import { isJsonObject, type JsonObject } from '../../../testbed/apiDouble/jsonValue';
import { applyMergePatch } from '../../../testbed/apiDouble/mergePatch';
import { conflictMessage, serverSideApply } from '../../../testbed/apiDouble/serverSideApply';
import { applyStrategicMergePatch } from '../../../testbed/apiDouble/strategicMergePatch';

/** Each manager's FieldsV1. */
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
        'Apply failed with 2 conflicts: conflict with "me" using argoproj.io/v1alpha1: .spec.replicas\nconflict with "me" using argoproj.io/v1alpha1: .spec.paused');
      const forced = apply(mine.object, { replicas: 3 }, 'them', true);
      assert.ok(forced.ok);
      assert.deepEqual(forced.object.spec, { replicas: 3, paused: true });
      assert.deepEqual(owners(forced.object), { me: { 'f:spec': { 'f:paused': {} } }, them: { 'f:spec': { 'f:replicas': {} } } });
    });
  });
});
