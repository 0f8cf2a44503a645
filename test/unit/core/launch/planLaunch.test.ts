import { strict as assert } from 'node:assert';
import { stringAt } from '../../../../src/core/actions/untrusted';
import type { Finding } from '../../../../src/core/lint/types';
import { lintText } from '../../../../src/core/lint/lint';
import { pickRolloutDocument, type ManifestDocument } from '../../../../src/core/launch/pickRolloutDocument';
import { planLaunch, withForce, type LaunchOptions, type ReadyLaunch } from '../../../../src/core/launch/planLaunch';
import { aRolloutFile, liveOf } from './launchFixtures';

const options: LaunchOptions = { context: 'kind-dev', namespace: 'default', lintFindings: [] };

function doc(manifest = aRolloutFile(), span = { start: 0, end: 500 }): ManifestDocument {
  return { manifest, span };
}

function ready(plan: ReturnType<typeof planLaunch>): ReadyLaunch {
  if (plan.verdict !== 'ready') assert.fail(`expected a ready plan, got ${plan.verdict}: ${plan.message}`);
  return plan;
}

const lintError: Finding = { rule: 'canary-set-weight', severity: 'error', message: 'Invalid value: 120: SetWeight needs to be between 0 and 100', path: 'spec.strategy.steps[0].setWeight', span: { start: 40, end: 43 } };

describe('Planning a launch', () => {
  it('server-side applies the Rollout with the extension as field manager and without force', () => {
    const plan = ready(planLaunch(doc(), liveOf(aRolloutFile()), options));
    assert.deepEqual({ ...plan.request, body: undefined }, {
      method: 'PATCH',
      path: '/apis/argoproj.io/v1alpha1/namespaces/default/rollouts/web',
      query: { fieldManager: 'argo-rollouts-vscode', force: 'false' },
      contentType: 'application/apply-patch+yaml',
      body: undefined,
    });
    assert.equal(plan.message, 'rollout.argoproj.io/web serverside-applied');
  });

  it('puts the Rollout into the current namespace when the file names none', () => {
    const plan = ready(planLaunch(doc(), undefined, { ...options, namespace: 'shop' }));
    assert.equal(plan.request.path, '/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/web');
    assert.deepEqual(plan.request.body['metadata'], { name: 'web', namespace: 'shop' });
  });

  it('accepts a file whose namespace is the current one', () => {
    assert.equal(planLaunch(doc(aRolloutFile({ namespace: 'default' })), undefined, options).verdict, 'ready');
  });

  it('refuses a file for another namespace and says how to fix it', () => {
    const plan = planLaunch(doc(aRolloutFile({ namespace: 'prod' })), undefined, options);
    assert.deepEqual(plan, {
      verdict: 'refused',
      message: 'Rollout web is for namespace "prod" (metadata.namespace) but the current namespace is "default" (context "kind-dev"). '
        + 'Switch to namespace "prod", or remove metadata.namespace from the file to launch into "default".',
    });
  });

  it('needs only patch on rollouts to update, and also create when the Rollout does not exist', () => {
    const patch = { group: 'argoproj.io', resource: 'rollouts', verb: 'patch', namespace: 'default' };
    assert.deepEqual(ready(planLaunch(doc(), liveOf(aRolloutFile()), options)).rbac, [patch]);
    assert.deepEqual(ready(planLaunch(doc(), undefined, options)).rbac, [patch, { ...patch, verb: 'create' }]);
  });

  it('leaves status and server-owned metadata of a file saved from the cluster out of the apply', () => {
    const saved = liveOf(aRolloutFile(), { managedFields: [{ manager: 'kubectl', operation: 'Apply' }] });
    const body = ready(planLaunch(doc(saved), undefined, options)).request.body;
    assert.equal(body['status'], undefined);
    assert.deepEqual(body['metadata'], { name: 'web', namespace: 'default' });
  });

  it('blocks a launch when the document has lint errors, naming the first', () => {
    const plan = planLaunch(doc(), liveOf(aRolloutFile()), { ...options, lintFindings: [lintError, { ...lintError, span: { start: 60, end: 61 } }] });
    assert.equal(plan.verdict, 'blocked');
    assert.equal(plan.message, 'Lint found 2 errors in rollout web: spec.strategy.steps[0].setWeight: Invalid value: 120: SetWeight needs to be between 0 and 100 '
      + '(and 1 more). The controller would likely reject it (InvalidSpec). Fix the errors, or launch anyway.');
  });

  it('launches despite lint errors when the user overrides, and keeps them in the plan', () => {
    const plan = ready(planLaunch(doc(), liveOf(aRolloutFile()), { ...options, lintFindings: [lintError], overrideLint: true }));
    assert.deepEqual(plan.lintErrors, [lintError]);
  });

  it('is not blocked by warnings or by errors in other documents of the file', () => {
    const warning: Finding = { ...lintError, severity: 'warning' };
    const elsewhere: Finding = { ...lintError, span: { start: 900, end: 901 } };
    assert.equal(planLaunch(doc(), undefined, { ...options, lintFindings: [warning, elsewhere] }).verdict, 'ready');
  });

  it('blocks on the real linter\'s error for a setWeight above 100', () => {
    const text = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels: {app: web}\n'
      + '  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: app, image: nginx}]\n'
      + '  strategy:\n    canary:\n      steps:\n        - setWeight: 120\n';
    const picked = pickRolloutDocument(text, 0);
    assert.ok(!('error' in picked));
    const plan = planLaunch(picked, undefined, { ...options, lintFindings: lintText(text) });
    assert.equal(plan.verdict, 'blocked');
  });

  it('refuses documents that are not Rollouts or have no name', () => {
    assert.equal(planLaunch(doc({ ...aRolloutFile(), kind: 'Deployment' }), undefined, options).verdict, 'refused');
    assert.equal(planLaunch(doc({ ...aRolloutFile(), apiVersion: 'argoproj.io/v1' }), undefined, options).verdict, 'refused');
    assert.equal(planLaunch(doc({ ...aRolloutFile(), metadata: { generateName: 'web-' } }), undefined, options).verdict, 'refused');
  });

  it('describes the launch in the plan', () => {
    const plan = ready(planLaunch(doc(aRolloutFile({ image: 'nginx:1.26' })), liveOf(aRolloutFile()), options));
    assert.equal(plan.description.kind, 'newRevision');
    assert.match(plan.description.diffText, /^--- kind-dev\/default\/rollouts\/web \(live\)\n\+\+\+ web \(file\)\n/);
  });

  it('forcing keeps the request and sets force=true', () => {
    const plan = ready(planLaunch(doc(), undefined, options));
    const forced = withForce(plan);
    assert.deepEqual(forced.request.query, { fieldManager: 'argo-rollouts-vscode', force: 'true' });
    assert.deepEqual(forced.request.body, plan.request.body);
  });
});

describe('Picking the Rollout to launch from a file', () => {
  const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n';
  const rollout = (name: string) => `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: ${name}\n`;

  it('takes the Rollout under the cursor', () => {
    const text = `${rollout('a')}---\n${rollout('b')}`;
    const picked = pickRolloutDocument(text, text.indexOf('name: b'));
    assert.ok(!('error' in picked));
    assert.equal(stringAt(picked.manifest, 'metadata', 'name'), 'b');
    assert.equal(text.slice(picked.span.start, picked.span.end), `---\n${rollout('b')}`);
  });

  it('takes the only Rollout when the cursor is in another document', () => {
    const text = `${service}---\n${rollout('a')}`;
    const picked = pickRolloutDocument(text, 0);
    assert.ok(!('error' in picked));
    assert.equal(picked.manifest['kind'], 'Rollout');
  });

  it('asks for the cursor when several Rollouts are outside it', () => {
    const text = `${service}---\n${rollout('a')}---\n${rollout('b')}`;
    assert.deepEqual(pickRolloutDocument(text, 0), { error: 'This file has 2 Rollouts: put the cursor inside the one to launch.' });
  });

  it('says so when the file has no Rollout', () => {
    assert.deepEqual(pickRolloutDocument(service, 0), { error: 'This file has no Rollout to launch (kind: Rollout).' });
  });

  it('reports a YAML error in the document under the cursor', () => {
    const picked = pickRolloutDocument('kind: Rollout\nmetadata: [unclosed\n', 3);
    assert.ok('error' in picked && picked.error.startsWith('This YAML document cannot be parsed: '));
  });
});
