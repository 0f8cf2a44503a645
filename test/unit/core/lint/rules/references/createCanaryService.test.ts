// The missing canary Service, created by the quick fix next to the stable one, so fixing the Rollout
// lowers the error count instead of trading "canaryService must be set" for "services … not found".
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createWorkspace } from '../../../../../../src/core/lint/lint';
import type { Finding } from '../../../../../../src/core/lint/types';
import { applyFix, findingsIn, lintFiles, yaml } from '../../../../support/lintHelpers';

const ROLLOUT = yaml(
  'apiVersion: argoproj.io/v1alpha1',
  'kind: Rollout',
  'metadata:',
  '  name: web',
  'spec:',
  '  selector:',
  '    matchLabels: {app: web}',
  '  template:',
  '    metadata:',
  '      labels: {app: web}',
  '    spec:',
  '      containers: [{name: web, image: web:1}]',
  '  strategy:',
  '    canary:',
  '      stableService: web-stable',
  '      trafficRouting:',
  '        nginx: {stableIngress: web}',
  '      steps: [{setWeight: 20}]',
);

const stableService = (selector = 'app: web'): string =>
  yaml('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web-stable', 'spec:', '  type: NodePort', '  selector:', `    ${selector}`, '  ports:', '    - port: 80', '      targetPort: 8080', '      nodePort: 30080');

const errors = (fs: readonly Finding[]): string[] => fs.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.path}`);

/** Applies a fix whose edits may be in several files; returns the files' new texts. */
function applyAcross(files: Record<string, string>, own: string, f: Finding): Record<string, string> {
  const out = { ...files };
  const edits = [...(f.fix?.edits ?? [])].sort((a, b) => b.start - a.start);
  for (const e of edits) {
    const file = e.file ?? own;
    out[file] = out[file]!.slice(0, e.start) + e.newText + out[file]!.slice(e.end);
  }
  return out;
}

describe('creating the missing canary Service', () => {
  it('adds canaryService and creates the Service after the stable one in the same file, with its selector and ports but not its nodePort', () => {
    const text = `${ROLLOUT}---\n${stableService()}---\n# next\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: other}\n`;
    const [f] = findingsIn([{ path: 'app.yaml', text }], 'app.yaml', 'traffic-routing-services-required');
    assert.equal(f?.fix?.title, 'Add canaryService web-canary and create that Service next to web-stable');
    const fixed = applyFix(text, f);
    assert.ok(fixed.includes(`${stableService()}---\n# The canary Service of rollout web: a copy of web-stable's selector and ports.\napiVersion: v1\nkind: Service\nmetadata:\n  name: web-canary\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: 8080\n---\n# next\n`), fixed);
    assert.deepEqual(errors(findingsIn([{ path: 'app.yaml', text: fixed }], 'app.yaml')), []);
  });

  it('creates it in the stable Service\'s own file when that is another one, and the Rollout then has no error', () => {
    const files = { 'rollout.yaml': ROLLOUT, 'services.yaml': stableService() };
    const [f] = findingsIn(Object.entries(files).map(([p, text]) => ({ path: p, text })), 'rollout.yaml', 'traffic-routing-services-required');
    assert.deepEqual(f?.fix?.edits.map((e) => e.file), [undefined, 'services.yaml']);
    const fixed = applyAcross(files, 'rollout.yaml', f!);
    assert.match(fixed['services.yaml']!, /\n---\n# The canary Service of rollout web[^\n]*\napiVersion: v1\nkind: Service\nmetadata:\n {2}name: web-canary\n/);
    const linted = lintFiles(Object.entries(fixed).map(([p, text]) => ({ path: p, text })));
    assert.deepEqual(errors(linted.get('rollout.yaml')!), []);
    assert.deepEqual(errors(linted.get('services.yaml')!), []);
  });

  it("selects by the Rollout's own labels when the stable Service's selector misses its pods, and says so", () => {
    const text = `${ROLLOUT}---\n${stableService('app: wbe')}`;
    const [f] = findingsIn([{ path: 'app.yaml', text }], 'app.yaml', 'traffic-routing-services-required');
    const fixed = applyFix(text, f!);
    assert.match(fixed, /# The canary Service of rollout web: web-stable's ports; the selector is the Rollout's \(web-stable's does not select its pods\)\.\n[\s\S]*name: web-canary\nspec:\n {2}selector:\n {4}app: web\n/);
    // Only the stable Service's own selector mistake is left.
    assert.deepEqual(errors(findingsIn([{ path: 'app.yaml', text: fixed }], 'app.yaml')), ['rollout-service-selector spec.strategy.canary.stableService']);
  });

  it('only names the canary Service when the stable one is not in the workspace, or a Service of that name already is', () => {
    const [alone] = findingsIn([{ path: 'app.yaml', text: ROLLOUT }], 'app.yaml', 'traffic-routing-services-required');
    assert.equal(alone?.fix?.title, 'Add the missing canaryService: web-canary');
    assert.equal(alone?.fix?.edits.length, 1);
    const existing = yaml('apiVersion: v1', 'kind: Service', 'metadata: {name: web-canary}', 'spec: {selector: {app: web}, ports: [{port: 80}]}');
    const [named] = findingsIn([{ path: 'app.yaml', text: ROLLOUT }, { path: 's.yaml', text: stableService() }, { path: 'c.yaml', text: existing }], 'app.yaml', 'traffic-routing-services-required');
    assert.equal(named?.fix?.title, 'Add the missing canaryService: web-canary');
  });

  it('offers the Service on "services … not found" when canaryService was typed by hand', () => {
    const text = `${ROLLOUT.replace('      stableService: web-stable\n', '      canaryService: web-preview\n      stableService: web-stable\n')}---\n${stableService()}`;
    const [f] = findingsIn([{ path: 'app.yaml', text }], 'app.yaml', 'reference-not-found');
    assert.equal(f?.message, 'Invalid value: "web-preview": services "web-preview" not found');
    assert.equal(f?.fix?.title, 'Create Service web-preview next to web-stable');
    assert.deepEqual(errors(findingsIn([{ path: 'app.yaml', text: applyFix(text, f) }], 'app.yaml')), []);
  });

  it('places the new Service where the stable one is now after lines are added above it, while the Rollout\'s finding stays cached', () => {
    const ws = createWorkspace();
    ws.setFile('rollout.yaml', ROLLOUT);
    ws.setFile('services.yaml', stableService());
    const before = ws.lintFile('rollout.yaml').find((x) => x.rule === 'traffic-routing-services-required')!.fix!.edits[1]!;
    ws.editFile('services.yaml', [{ start: 0, end: 0, newText: '# Services of web\n# (owned by the platform team)\n' }]);
    const after = ws.lintFile('rollout.yaml').find((x) => x.rule === 'traffic-routing-services-required')!.fix!.edits[1]!;
    assert.equal(after.start, before.start + '# Services of web\n# (owned by the platform team)\n'.length);
    assert.equal(after.start, ws.textOf('services.yaml')!.length);
  });

  it("takes the demo's file of mistakes from 14 errors to 13 in one fix", () => {
    const file = path.resolve(__dirname, '../../../../../../demo/workspace/mistakes/payments.yaml');
    const text = fs.readFileSync(file, 'utf8');
    const all = findingsIn([{ path: file, text }], file);
    assert.equal(errors(all).length, 14);
    const fixed = applyFix(text, all.find((x) => x.rule === 'traffic-routing-services-required')!);
    const after = errors(findingsIn([{ path: file, text: fixed }], file));
    assert.equal(after.length, 13, after.join('\n'));
    assert.equal(after.some((e) => e.startsWith('reference-not-found')), false);
  });
});
