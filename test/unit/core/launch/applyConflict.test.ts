// The Status bodies below are what the API server sends (k8s.io/apimachinery v0.37.2,
// pkg/util/managedfields/internal/conflict.go and its conflict_test.go): one cause per conflicting
// field with reason FieldManagerConflict, and a message laid out differently for one and for several.
import { strict as assert } from 'node:assert';
import { applyConflictMessage, parseApplyConflict } from '../../../../src/core/launch/applyConflict';
import { statusCauses } from '../../../../src/core/kube/statusCause';

const HELM_IMAGE = '.spec.template.spec.containers[name="web"].image';

function conflictStatus(message: string, causes: { message: string; field: string }[]) {
  return {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Conflict',
    details: { causes: causes.map((c) => ({ reason: 'FieldManagerConflict', ...c })) }, code: 409,
  };
}

const oneByHelm = conflictStatus(`Apply failed with 1 conflict: conflict with "helm" using argoproj.io/v1alpha1 at 2026-12-08T10:00:00Z: ${HELM_IMAGE}`,
  [{ message: 'conflict with "helm" using argoproj.io/v1alpha1 at 2026-12-08T10:00:00Z', field: HELM_IMAGE }]);

// Sorted by manager in the message; causes in the order the merge found them.
const twoManagers = conflictStatus('Apply failed with 3 conflicts: conflicts with "argocd-controller":\n- .spec.replicas\n- .spec.strategy.canary.steps\n'
  + 'conflicts with "kubectl-client-side-apply" using argoproj.io/v1alpha1 at 2026-12-08T10:00:00Z:\n- .metadata.labels.app', [
  { message: 'conflict with "argocd-controller"', field: '.spec.replicas' },
  { message: 'conflict with "kubectl-client-side-apply" using argoproj.io/v1alpha1 at 2026-12-08T10:00:00Z', field: '.metadata.labels.app' },
  { message: 'conflict with "argocd-controller"', field: '.spec.strategy.canary.steps' },
]);

function parse(status: { message: string }) {
  return parseApplyConflict(status.message, statusCauses(status));
}

describe('Server-side apply conflicts', () => {
  it('reads the whole field of one conflict from its cause, not a piece of the timestamp', () => {
    assert.deepEqual(parse(oneByHelm), {
      managers: ['helm'], fields: [HELM_IMAGE],
      conflicts: [{ field: HELM_IMAGE, manager: 'helm', operation: 'Update', time: '2026-12-08T10:00:00Z' }],
    });
  });

  it('reads every field and manager of several conflicts, Apply and Update managers told apart', () => {
    const c = parse(twoManagers);
    assert.deepEqual(c?.managers, ['argocd-controller', 'kubectl-client-side-apply']);
    assert.deepEqual(c?.fields, ['.spec.replicas', '.metadata.labels.app', '.spec.strategy.canary.steps']);
    assert.deepEqual(c?.conflicts.map((x) => `${x.manager} ${x.operation}`), ['argocd-controller Apply', 'kubectl-client-side-apply Update', 'argocd-controller Apply']);
  });

  it('reads the same conflicts from the message alone when a server sends no causes', () => {
    assert.deepEqual(parseApplyConflict(oneByHelm.message)?.conflicts, parse(oneByHelm)?.conflicts);
    const fromText = parseApplyConflict(twoManagers.message);
    assert.deepEqual(fromText?.managers, ['argocd-controller', 'kubectl-client-side-apply']);
    assert.deepEqual(fromText?.fields, ['.spec.replicas', '.spec.strategy.canary.steps', '.metadata.labels.app']);
  });

  it('reads a manager that wrote through a subresource (conflict_test.go\'s scale case)', () => {
    const status = conflictStatus('Apply failed with 1 conflict: conflict with "foo" with subresource "scale" using v1 at 2001-02-03T04:05:06Z: .spec.replicas',
      [{ message: 'conflict with "foo" with subresource "scale" using v1 at 2001-02-03T04:05:06Z', field: '.spec.replicas' }]);
    assert.deepEqual(parse(status)?.conflicts, [{ field: '.spec.replicas', manager: 'foo', operation: 'Update', subresource: 'scale', time: '2001-02-03T04:05:06Z' }]);
  });

  it('reads the empty manager of a write that sent no field manager and no User-Agent', () => {
    const status = conflictStatus('Apply failed with 1 conflict: conflict with "" using argoproj.io/v1alpha1 at 2026-12-08T10:00:00Z: .spec.template.spec.containers[name="web"].image',
      [{ message: 'conflict with "" using argoproj.io/v1alpha1 at 2026-12-08T10:00:00Z', field: HELM_IMAGE }]);
    assert.deepEqual(parse(status)?.managers, ['']);
    assert.match(applyConflictMessage({ namespace: 'd', name: 'web' }, parse(status)!, 'c'), /"" \(a client that sent neither a field manager nor a User-Agent, by update at/);
  });

  it('finds no managers in an optimistic-lock conflict, which is not about ownership', () => {
    const status = { message: 'Operation cannot be fulfilled on rollouts.argoproj.io "web": the object has been modified; please apply your changes to the latest version and try again',
      details: { name: 'web', group: 'argoproj.io', kind: 'rollouts' } };
    assert.equal(parse(status), undefined);
  });

  it('names Helm and the field it wrote by update, says nothing changed, and offers force', () => {
    assert.equal(applyConflictMessage({ namespace: 'shop', name: 'web' }, parse(oneByHelm)!, 'prod'),
      'Nothing was changed: rollout web in namespace "shop" (context "prod") has a field this file sets to another value: '
      + `"helm" (Helm, by update at 2026-12-08T10:00:00Z) owns ${HELM_IMAGE}. `
      + 'Fields written by update (client-side kubectl apply, Helm, Argo CD without ServerSideApply) are taken over without asking only by kubectl apply --server-side. '
      + 'Force Apply makes this extension their owner (that manager may set them back on its next sync); confirm that is intended.');
  });

  it('groups the fields of several conflicts by manager and names Argo CD and client-side kubectl apply', () => {
    const text = applyConflictMessage({ namespace: 'shop', name: 'web' }, parse(twoManagers)!, 'prod');
    assert.match(text, /has 3 fields this file sets to another value: "argocd-controller" \(Argo CD, which may revert the change on its next sync, server-side apply\) owns \.spec\.replicas, \.spec\.strategy\.canary\.steps; "kubectl-client-side-apply" \(client-side kubectl apply, by update at 2026-12-08T10:00:00Z\) owns \.metadata\.labels\.app\./);
  });

  it('says an Apply-only conflict needs no word about update managers', () => {
    const status = conflictStatus('Apply failed with 1 conflict: conflict with "kubectl": .spec.replicas', [{ message: 'conflict with "kubectl"', field: '.spec.replicas' }]);
    const text = applyConflictMessage({ namespace: 'd', name: 'w' }, parse(status)!, 'c');
    assert.match(text, /"kubectl" \(kubectl apply --server-side, server-side apply\) owns \.spec\.replicas\./);
    assert.doesNotMatch(text, /written by update/);
  });
});
