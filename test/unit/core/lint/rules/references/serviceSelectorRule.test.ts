import { strict as assert } from 'node:assert';
import { findingsIn, underlined, yaml } from '../../../../support/lintHelpers';
import { canaryRollout, service } from './fixtures';

const RULE = 'rollout-service-selector';
const strategy = ['canaryService: demo-canary', 'stableService: demo-stable'];

describe('rollout-service-selector', () => {
  it('reports a Service selector key the pod template does not have, at the service name', () => {
    const r = canaryRollout(strategy);
    const files = [
      { path: 'app/rollout.yaml', text: r },
      { path: 'app/svc.yaml', text: service('demo-canary', { app: 'other' }) + '---\n' + service('demo-stable', { app: 'demo', 'rollouts-pod-template-hash': 'abc' }) },
    ];
    const fs = findingsIn(files, 'app/rollout.yaml', RULE);
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.message, 'Invalid value: "demo-canary": Service "demo-canary" has unmatch label "app" in rollout — the Service selects app=other, but the Rollout\'s pods have app=demo, so it would reach none of them');
    assert.equal(fs[0]!.path, 'spec.strategy.canary.canaryService');
    assert.equal(fs[0]!.severity, 'error');
    assert.equal(underlined(r, fs[0]!), 'demo-canary');
  });

  it('accepts a selector matched by the template or by canaryMetadata labels', () => {
    const r = canaryRollout([...strategy, 'canaryMetadata:', '  labels:', '    role: canary']);
    const files = [
      { path: 'rollout.yaml', text: r },
      { path: 'svc.yaml', text: service('demo-canary', { app: 'demo', role: 'canary' }) + '---\n' + service('demo-stable', { app: 'demo' }) },
    ];
    assert.deepEqual(findingsIn(files, 'rollout.yaml', RULE), []);
  });

  it("uses the workloadRef Deployment's template labels when the Deployment is in the workspace", () => {
    const r = yaml(
      'apiVersion: argoproj.io/v1alpha1', 'kind: Rollout', 'metadata:', '  name: demo', 'spec:',
      '  workloadRef:', '    apiVersion: apps/v1', '    kind: Deployment', '    name: web',
      '  strategy:', '    blueGreen:', '      activeService: web-active',
    );
    const dep = yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  template:', '    metadata:', '      labels:', '        app: web');
    const ok = findingsIn([{ path: 'r.yaml', text: r }, { path: 'd.yaml', text: dep }, { path: 's.yaml', text: service('web-active', { app: 'web' }) }], 'r.yaml', RULE);
    assert.deepEqual(ok, []);
    const bad = findingsIn([{ path: 'r.yaml', text: r }, { path: 'd.yaml', text: dep }, { path: 's.yaml', text: service('web-active', { app: 'api' }) }], 'r.yaml', RULE);
    assert.equal(bad[0]!.message, 'Invalid value: "web-active": Service "web-active" has unmatch label "app" in rollout — the Service selects app=api, but the Rollout\'s pods have app=web, so it would reach none of them');
    assert.equal(bad[0]!.path, 'spec.strategy.blueGreen.activeService');
  });

  it('reports a Service managed by another Rollout', () => {
    const r = canaryRollout(strategy);
    const managed = service('demo-stable', { app: 'demo' }, ['  annotations:', '    argo-rollouts.argoproj.io/managed-by-rollouts: other']);
    const fs = findingsIn([{ path: 'r.yaml', text: r }, { path: 's.yaml', text: service('demo-canary', { app: 'demo' }) + '---\n' + managed }], 'r.yaml', RULE);
    assert.equal(fs.length, 1);
    assert.ok(fs[0]!.message.startsWith('Invalid value: "demo-stable": Service "demo-stable" is managed by another Rollout'));
    assert.equal(fs[0]!.path, 'spec.strategy.canary.stableService');
    assert.equal(underlined(r, fs[0]!), 'demo-stable');
  });
});
