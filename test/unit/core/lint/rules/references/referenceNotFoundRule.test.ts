import { strict as assert } from 'node:assert';
import { findingsIn, underlined } from '../../../../support/lintHelpers';
import { canaryRollout, service, template } from './fixtures';

const RULE = 'reference-not-found';
const SUFFIX = ' — not found in the workspace; if it exists only in the cluster, ignore this';

describe('reference-not-found', () => {
  it('reports a missing Service as an error when the other Service the Rollout uses is in the workspace', () => {
    const r = canaryRollout(['canaryService: demo-canary', 'stableService: demo-stable']);
    const fs = findingsIn([{ path: 'a/r.yaml', text: r }, { path: 'b/s.yaml', text: service('demo-stable', { app: 'demo' }) }], 'a/r.yaml', RULE);
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.message, 'Invalid value: "demo-canary": services "demo-canary" not found');
    assert.equal(fs[0]!.path, 'spec.strategy.canary.canaryService');
    assert.equal(fs[0]!.severity, 'error');
    assert.equal(underlined(r, fs[0]!), 'demo-canary');
  });

  it('reports a missing Service as a warning when the workspace holds no Services near the Rollout', () => {
    const r = canaryRollout(['canaryService: demo-canary', 'stableService: demo-stable']);
    const fs = findingsIn([{ path: 'a/r.yaml', text: r }, { path: 'b/s.yaml', text: service('unrelated', { app: 'x' }) }], 'a/r.yaml', RULE);
    assert.equal(fs.length, 2);
    assert.ok(fs.every((f) => f.severity === 'warning'));
    assert.equal(fs[0]!.message, `Invalid value: "demo-canary": services "demo-canary" not found${SUFFIX}`);
  });

  it("treats objects of the kind in the Rollout's folder as proof the workspace holds them", () => {
    const r = canaryRollout(['canaryService: demo-canary', 'stableService: demo-stable']);
    const fs = findingsIn([{ path: 'a/r.yaml', text: r }, { path: 'a/s.yaml', text: service('unrelated', { app: 'x' }) }], 'a/r.yaml', RULE);
    assert.deepEqual(fs.map((f) => f.severity), ['error', 'error']);
  });

  it('reports a missing AnalysisTemplate and ClusterAnalysisTemplate at the template name', () => {
    const r = canaryRollout(['steps:', '- analysis:', '    templates:', '    - templateName: here', '    - templateName: gone', '    - templateName: shared', '      clusterScope: true']);
    const fs = findingsIn([{ path: 'r.yaml', text: r }, { path: 't.yaml', text: template('here', ['metrics: []']) }], 'r.yaml', RULE);
    assert.equal(fs.length, 2);
    assert.equal(fs[0]!.message, `Invalid value: "gone": AnalysisTemplate 'gone' not found`);
    assert.equal(fs[0]!.severity, 'error');
    assert.equal(fs[0]!.path, 'spec.strategy.canary.steps[0].analysis.templates');
    assert.equal(underlined(r, fs[0]!), 'gone');
    assert.equal(fs[1]!.message, `Invalid value: "shared": ClusterAnalysisTemplate 'shared' not found${SUFFIX}`);
    assert.equal(fs[1]!.severity, 'warning');
  });

  it('reports a template missing from another template spec.templates at spec.templates', () => {
    const r = canaryRollout(['analysis:', '  templates:', '  - templateName: parent']);
    const fs = findingsIn([{ path: 'r.yaml', text: r }, { path: 't.yaml', text: template('parent', ['templates:', '- templateName: child']) }], 'r.yaml', RULE);
    assert.equal(fs.length, 1);
    assert.ok(fs[0]!.message.startsWith(`Invalid value: "child": AnalysisTemplate 'child' not found`));
    assert.equal(fs[0]!.path, 'spec.templates');
  });

  it('reports missing Ingresses and VirtualServices (with name.namespace) by their API resource names', () => {
    const nginx = canaryRollout(['canaryService: c', 'stableService: s', 'trafficRouting:', '  nginx:', '    stableIngress: web']);
    const fs = findingsIn([{ path: 'r.yaml', text: nginx }], 'r.yaml', RULE).filter((f) => f.path.includes('nginx'));
    assert.equal(fs[0]!.message, `Invalid value: "web": ingresses.networking.k8s.io "web" not found${SUFFIX}`);
    assert.equal(fs[0]!.path, 'spec.strategy.canary.trafficRouting.nginx.stableIngress');
    const istio = canaryRollout(['canaryService: c', 'stableService: s', 'trafficRouting:', '  istio:', '    virtualService:', '      name: vs.prod.svc.cluster.local']);
    const vs = findingsIn([{ path: 'r.yaml', text: istio }], 'r.yaml', RULE).filter((f) => f.path.includes('istio'));
    assert.equal(vs[0]!.message, `Invalid value: "vs": virtualservices.networking.istio.io "vs" not found${SUFFIX}`);
    assert.equal(vs[0]!.path, 'spec.strategy.canary.trafficRouting.istio.virtualService.name');
    assert.equal(underlined(istio, vs[0]!), 'vs.prod.svc.cluster.local');
  });

  it('passes when every referenced object is in the workspace', () => {
    const r = canaryRollout(['canaryService: demo-canary', 'stableService: demo-stable', 'analysis:', '  templates:', '  - templateName: t']);
    const files = [
      { path: 'r.yaml', text: r },
      { path: 's.yaml', text: service('demo-canary', { app: 'demo' }) + '---\n' + service('demo-stable', { app: 'demo' }) },
      { path: 't.yaml', text: template('t', ['metrics: []']) },
    ];
    assert.deepEqual(findingsIn(files, 'r.yaml', RULE), []);
  });
});
