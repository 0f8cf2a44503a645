import { strict as assert } from 'node:assert';
import { findings, underlined } from '../../../../support/lintHelpers';
import { canary, none, only, rolloutWithSpec } from './rolloutFixtures';

const SELECTOR = ['selector:', '  matchLabels:', '    app: app'];
const STRATEGY = ['strategy:', '  canary: {}'];

function withTemplate(...templateLines: string[]): string {
  return rolloutWithSpec(...SELECTOR, 'template:', ...templateLines.map((l) => `  ${l}`), ...STRATEGY);
}

const CONTAINERS = ['spec:', '  containers:', '    - name: app', '      image: nginx'];

describe('pod template rules', () => {
  it('reports template labels that the selector does not select, with the labels as JSON', () => {
    const text = withTemplate('metadata:', '  labels:', '    tier: web', '    app: other', ...CONTAINERS);
    const f = only(text, 'template-labels-mismatch');
    assert.equal(f.message, 'Invalid value: {"app":"other","tier":"web"}: `selector` does not match template `labels`');
    assert.equal(f.path, 'spec.template.metadata.labels');
    assert.equal(underlined(text, f), 'labels');
  });

  it('reports a template without labels with the value null', () => {
    const text = withTemplate(...CONTAINERS);
    const f = only(text, 'template-labels-mismatch');
    assert.equal(f.message, 'Invalid value: null: `selector` does not match template `labels`');
    assert.equal(underlined(text, f), 'template');
  });

  it('evaluates matchExpressions against the template labels', () => {
    const sel = (op: string, values: string) => [
      'selector:',
      '  matchLabels: {app: app}',
      '  matchExpressions:',
      `    - {key: tier, operator: ${op}${values ? `, values: ${values}` : ''}}`,
    ];
    const doc = (s: string[]) => rolloutWithSpec(...s, 'template:', '  metadata:', '    labels: {app: app, tier: web}', ...CONTAINERS.map((l) => `  ${l}`), ...STRATEGY);
    none(doc(sel('In', '[web, api]')), 'template-labels-mismatch');
    only(doc(sel('In', '[api]')), 'template-labels-mismatch');
    none(doc(sel('NotIn', '[db]')), 'template-labels-mismatch');
    only(doc(sel('NotIn', '[web]')), 'template-labels-mismatch');
    none(doc(sel('Exists', '')), 'template-labels-mismatch');
    only(doc(sel('DoesNotExist', '')), 'template-labels-mismatch');
  });

  it('accepts template labels that contain the selector labels', () => {
    none(canary(), 'template-labels-mismatch');
  });

  it('reports bad template label keys at spec.template.labels as upstream does', () => {
    const text = withTemplate('metadata:', '  labels:', '    app: app', '    bad key: x', ...CONTAINERS);
    const f = only(text, 'template-labels-syntax');
    assert.match(f.message, /^Invalid value: "bad key": name part must consist of alphanumeric characters/);
    assert.equal(f.path, 'spec.template.labels');
    assert.equal(underlined(text, f), 'bad key');
    none(canary(), 'template-labels-syntax');
  });

  it('reports a template without containers at spec.template.spec.containers', () => {
    const text = withTemplate('metadata:', '  labels: {app: app}', 'spec:', '  containers: []');
    const f = only(text, 'template-containers');
    assert.equal(f.message, 'Required value');
    assert.equal(f.path, 'spec.template.spec.containers');
    assert.equal(underlined(text, f), 'containers');
  });

  it('reports a container without name or image, and a duplicate or malformed name', () => {
    const text = withTemplate(
      'metadata:',
      '  labels: {app: app}',
      'spec:',
      '  containers:',
      '    - image: nginx',
      '    - name: app',
      '    - name: app',
      '      image: nginx',
      '    - name: My_App',
      '      image: nginx',
    );
    const fs = findings(text, 'template-containers');
    assert.deepEqual(
      fs.map((f) => [f.path, f.message, underlined(text, f)]),
      [
        ['spec.template.spec.containers[0].name', 'Required value', 'image'],
        ['spec.template.spec.containers[1].image', 'Required value', 'name'],
        ['spec.template.spec.containers[2].name', 'Duplicate value: "app"', 'app'],
        [
          'spec.template.spec.containers[3].name',
          'Invalid value: "My_App": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character ' +
            "(e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
          'My_App',
        ],
      ],
    );
  });

  it('accepts containers with unique names and images', () => {
    none(canary(), 'template-containers');
  });

  it('reports restartPolicy Never as unsupported at spec.template.spec.restartPolicy', () => {
    const text = withTemplate('metadata:', '  labels: {app: app}', ...CONTAINERS, '  restartPolicy: Never');
    const f = only(text, 'template-restart-policy');
    assert.equal(f.message, 'Unsupported value: "Never": supported values: "Always"');
    assert.equal(f.path, 'spec.template.spec.restartPolicy');
    assert.equal(underlined(text, f), 'Never');
  });

  it('accepts restartPolicy Always', () => {
    none(withTemplate('metadata:', '  labels: {app: app}', ...CONTAINERS, '  restartPolicy: Always'), 'template-restart-policy');
  });

  it('reports activeDeadlineSeconds as forbidden', () => {
    const text = withTemplate('metadata:', '  labels: {app: app}', ...CONTAINERS, '  activeDeadlineSeconds: 30');
    const f = only(text, 'template-active-deadline-seconds');
    assert.equal(f.message, 'Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported');
    assert.equal(f.path, 'spec.template.spec.activeDeadlineSeconds');
    assert.equal(underlined(text, f), 'activeDeadlineSeconds');
    none(canary(), 'template-active-deadline-seconds');
  });

  it('skips the template checks with workloadRef', () => {
    const text = rolloutWithSpec('workloadRef: {apiVersion: apps/v1, kind: Deployment, name: app}', ...STRATEGY);
    for (const rule of ['template-labels-mismatch', 'template-containers', 'template-restart-policy']) none(text, rule);
  });
});
