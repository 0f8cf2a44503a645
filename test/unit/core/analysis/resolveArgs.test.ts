import { strict as assert } from 'node:assert';
import { resolveArgs, SECRET_MASK, substituteArgs, substituteArgsDeep } from '../../../../src/core/analysis/resolveArgs';
import { rolloutFieldPath } from '../../../../src/core/analysis/rolloutFieldPath';

const rollout = {
  metadata: { name: 'guestbook', namespace: 'shop', uid: 'u-1', labels: { app: 'guestbook', tier: 'web' }, annotations: { team: 'a "b"' } },
  spec: { replicas: 3, template: { spec: { containers: [{ name: 'app', image: 'guestbook:v2' }] } } },
  status: { stableRS: '6d4f8c', currentPodHash: '7b9a1e' },
};

const values = (r: ReturnType<typeof resolveArgs>): Record<string, string | undefined> => Object.fromEntries(r.args.map((a) => [a.name, a.value]));

describe('Analysis argument resolution', () => {
  it('uses the template default when the caller gives nothing', () => {
    const r = resolveArgs([{ name: 'threshold', value: '0.95' }], [], { rollout });
    assert.equal(r.ok, true);
    assert.deepEqual(values(r), { threshold: '0.95' });
  });

  it('lets a caller value override the template default', () => {
    const r = resolveArgs([{ name: 'threshold', value: '0.95' }], [{ name: 'threshold', value: '0.9' }], { rollout });
    assert.deepEqual(values(r), { threshold: '0.9' });
    assert.equal(r.args[0]?.source, 'caller');
  });

  it('ignores caller args the template does not declare', () => {
    const r = resolveArgs([{ name: 'a', value: '1' }], [{ name: 'b', value: '2' }], { rollout });
    assert.deepEqual(values(r), { a: '1' });
  });

  it('fills podTemplateHashValue Stable and Latest from the rollout status', () => {
    const r = resolveArgs(
      [{ name: 'stable' }, { name: 'canary' }],
      [
        { name: 'stable', valueFrom: { podTemplateHashValue: 'Stable' } },
        { name: 'canary', valueFrom: { podTemplateHashValue: 'Latest' } },
      ],
      { rollout },
    );
    assert.equal(r.ok, true);
    assert.deepEqual(values(r), { stable: '6d4f8c', canary: '7b9a1e' });
  });

  it('reads fieldRef metadata paths like the downward API, including a subscripted label', () => {
    const r = resolveArgs(
      [{ name: 'ns' }, { name: 'app' }, { name: 'missing' }],
      [
        { name: 'ns', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
        { name: 'app', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
        { name: 'missing', valueFrom: { fieldRef: { fieldPath: "metadata.labels['nope']" } } },
      ],
      { rollout },
    );
    assert.deepEqual(values(r), { ns: 'shop', app: 'guestbook', missing: '' });
  });

  it('formats a whole label map as sorted key="value" lines', () => {
    assert.deepEqual(rolloutFieldPath(rollout, 'metadata.labels'), { ok: true, value: 'app="guestbook"\ntier="web"' });
    assert.deepEqual(rolloutFieldPath(rollout, 'metadata.annotations'), { ok: true, value: 'team="a \\"b\\""' });
  });

  it('reads JSON paths into the rollout such as the container image', () => {
    const r = resolveArgs([{ name: 'image' }], [{ name: 'image', valueFrom: { fieldRef: { fieldPath: 'spec.template.spec.containers[0].image' } } }], { rollout });
    assert.deepEqual(values(r), { image: 'guestbook:v2' });
  });

  it('prints numbers from the rollout like Go does', () => assert.deepEqual(rolloutFieldPath(rollout, 'spec.replicas'), { ok: true, value: '3' }));

  it('reports Argo\'s errors for bad JSON paths', () => {
    assert.deepEqual(rolloutFieldPath(rollout, 'spec.template.spec.containers[1].image'), { ok: false, error: 'index 1 out of range' });
    assert.deepEqual(rolloutFieldPath(rollout, 'spec.template.spec.containers[x]'), { ok: false, error: "invalid index 'x'" });
    assert.deepEqual(rolloutFieldPath(rollout, 'spec.nothing'), { ok: false, error: 'invalid path spec.nothing in rollout' });
    assert.deepEqual(rolloutFieldPath(rollout, 'spec.template'), { ok: false, error: 'path spec.template in rollout must terminate in a primitive value' });
  });

  it('reports an unsupported metadata path and fails the resolution', () => {
    const r = resolveArgs([{ name: 'x' }], [{ name: 'x', valueFrom: { fieldRef: { fieldPath: 'metadata.generation' } } }], { rollout });
    assert.deepEqual(r.ok ? '' : r.error, 'unsupported fieldPath: metadata.generation');
  });

  it('rejects a subscript on a field that has none', () => {
    assert.deepEqual(rolloutFieldPath(rollout, "metadata.name['x']"), { ok: false, error: 'fieldPath "metadata.name[\'x\']" does not support subscript' });
  });

  it('masks a secretKeyRef instead of reading the secret', () => {
    const r = resolveArgs([{ name: 'token', valueFrom: { secretKeyRef: { name: 'prom', key: 'token' } } }], [], { rollout });
    assert.equal(r.ok, true);
    assert.deepEqual(r.args[0], { name: 'token', value: SECRET_MASK, source: 'secret', from: 'secret prom/token' });
  });

  it('says which template arg has no value', () => {
    const r = resolveArgs([{ name: 'a', value: '1' }, { name: 'service-name' }], [], { rollout });
    assert.deepEqual(r.ok ? '' : r.error, 'args.service-name was not resolved');
  });

  it('never throws on junk input', () => {
    const r = resolveArgs('nonsense', [null, 5, { name: 7 }], { rollout: 'x' });
    assert.deepEqual(r, { ok: true, args: [] });
  });
});

describe('Argument substitution', () => {
  const args = [
    { name: 'service-name', value: 'guestbook' },
    { name: 'threshold', value: '0.95' },
  ];

  it('replaces tags with and without spaces', () => {
    assert.deepEqual(substituteArgs('sum(rate(x{service="{{args.service-name}}"}[5m])) > {{ args.threshold }}', args), {
      ok: true,
      text: 'sum(rate(x{service="guestbook"}[5m])) > 0.95',
    });
  });

  it('reports an unknown tag with its text as written and drops it', () => {
    assert.deepEqual(substituteArgs('a{{ args.nope }}b', args), { ok: false, error: 'failed to resolve {{ args.nope }}', text: 'ab' });
  });

  it('reports a tag that is not an arg', () => {
    const r = substituteArgs('{{metadata.name}}', args);
    assert.equal(r.ok ? '' : r.error, 'failed to resolve {{metadata.name}}');
  });

  it('requires every arg to have a value even when unused', () => {
    assert.deepEqual(substituteArgs('up', [{ name: 'x', value: undefined }]), { ok: false, error: 'argument "x" was not supplied', text: 'up' });
  });

  it('inserts quotes and newlines verbatim', () => {
    assert.deepEqual(substituteArgs('{{args.q}}', [{ name: 'q', value: 'a "b"\nc' }]), { ok: true, text: 'a "b"\nc' });
  });

  it('substitutes args in every string of a metric', () => {
    const r = substituteArgsDeep({ successCondition: 'result[0] >= {{args.threshold}}', count: '{{args.threshold}}', provider: { prometheus: { query: 'up{s="{{args.service-name}}"}' } } }, args);
    assert.deepEqual(r, { ok: true, value: { successCondition: 'result[0] >= 0.95', count: '0.95', provider: { prometheus: { query: 'up{s="guestbook"}' } } } });
  });
});
