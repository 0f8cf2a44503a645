import { strict as assert } from 'node:assert';
import { findings, underlined, yaml } from '../../../../support/lintHelpers';
import { canary, none, only, rolloutWithSpec } from './rolloutFixtures';

const TEMPLATE = ['template:', '  metadata:', '    labels:', '      app: app', '  spec:', '    containers:', '      - {name: app, image: nginx}'];
const STRATEGY = ['strategy:', '  canary: {}'];

describe('rollout selector rules', () => {
  it('reports a missing selector at spec.selector, underlining spec', () => {
    const text = rolloutWithSpec(...TEMPLATE, ...STRATEGY);
    const f = only(text, 'rollout-selector-required');
    assert.equal(f.message, "Required value: Rollout has missing field '.spec.selector'");
    assert.equal(f.path, 'spec.selector');
    assert.equal(underlined(text, f), 'spec');
  });

  it('reports a missing selector of a Rollout with no spec at all, underlining kind', () => {
    const text = yaml('apiVersion: argoproj.io/v1alpha1', 'kind: Rollout');
    assert.equal(underlined(text, only(text, 'rollout-selector-required')), 'kind');
  });

  it('does not require a selector with workloadRef', () => {
    none(rolloutWithSpec('workloadRef:', '  apiVersion: apps/v1', '  kind: Deployment', '  name: app', ...STRATEGY), 'rollout-selector-required');
    none(canary(), 'rollout-selector-required');
  });

  it('reports a bad matchExpressions operator with the upstream message', () => {
    const text = rolloutWithSpec('selector:', '  matchExpressions:', '    - {key: app, operator: in, values: [app]}', ...TEMPLATE, ...STRATEGY);
    const f = only(text, 'rollout-selector-syntax');
    assert.equal(f.message, 'Invalid value: "in": not a valid selector operator');
    assert.equal(f.path, 'spec.selector.matchExpressions[0].operator');
    assert.equal(underlined(text, f), 'in');
  });

  it('reports In without values and Exists with values', () => {
    const text = rolloutWithSpec(
      'selector:',
      '  matchExpressions:',
      '    - key: app',
      '      operator: In',
      '      values: []',
      '    - key: tier',
      '      operator: Exists',
      '      values: [web]',
      ...TEMPLATE,
      ...STRATEGY,
    );
    const fs = findings(text, 'rollout-selector-syntax');
    assert.deepEqual(
      fs.map((f) => [f.path, f.message, underlined(text, f)]),
      [
        ['spec.selector.matchExpressions[0].values', "Required value: must be specified when `operator` is 'In' or 'NotIn'", 'values'],
        ['spec.selector.matchExpressions[1].values', "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'", 'values'],
      ],
    );
  });

  it('reports bad matchLabels keys and values at spec.selector.matchLabels', () => {
    const text = rolloutWithSpec('selector:', '  matchLabels:', '    "-app": "my app"', ...TEMPLATE, ...STRATEGY);
    const fs = findings(text, 'rollout-selector-syntax');
    assert.deepEqual(
      fs.map((f) => [f.path, f.message, underlined(text, f)]),
      [
        [
          'spec.selector.matchLabels',
          'Invalid value: "-app": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character ' +
            "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
          '"-app"',
        ],
        [
          'spec.selector.matchLabels',
          'Invalid value: "my app": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character ' +
            "(e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
          '"my app"',
        ],
      ],
    );
  });

  it('reports a bad key prefix with the DNS subdomain message', () => {
    const text = rolloutWithSpec('selector:', '  matchLabels:', '    Example.com/app: app', ...TEMPLATE, ...STRATEGY);
    const f = only(text, 'rollout-selector-syntax');
    assert.equal(
      f.message,
      'Invalid value: "Example.com/app": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, \'-\' or \'.\', ' +
        "and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
  });

  it('accepts valid selectors with prefixed keys and all four operators', () => {
    const text = rolloutWithSpec(
      'selector:',
      '  matchLabels: {app.kubernetes.io/name: app}',
      '  matchExpressions:',
      '    - {key: app, operator: In, values: [app]}',
      '    - {key: tier, operator: NotIn, values: [db]}',
      '    - {key: app, operator: Exists}',
      '    - {key: legacy, operator: DoesNotExist}',
      'template:',
      '  metadata:',
      '    labels: {app: app, app.kubernetes.io/name: app}',
      '  spec:',
      '    containers: [{name: app, image: nginx}]',
      ...STRATEGY,
    );
    for (const rule of ['rollout-selector-syntax', 'rollout-selector-invalid', 'rollout-selector-empty', 'template-labels-mismatch']) none(text, rule);
  });

  it('reports an empty selector with its JSON value', () => {
    const text = rolloutWithSpec('selector: {}', ...TEMPLATE, ...STRATEGY);
    const f = only(text, 'rollout-selector-empty');
    assert.equal(f.message, 'Invalid value: {}: empty selector is invalid for deployment');
    assert.equal(f.path, 'spec.selector');
    assert.equal(underlined(text, f), 'selector');
  });

  it('reports an unconvertible selector once, printed as Go prints a LabelSelector', () => {
    const text = rolloutWithSpec('selector:', '  matchLabels: {b: x, a: "y z"}', ...TEMPLATE, ...STRATEGY);
    const f = only(text, 'rollout-selector-invalid');
    assert.equal(f.message, 'Invalid value: {"matchLabels":{"a":"y z","b":"x"}}: invalid label selector');
    assert.equal(f.path, 'spec.selector');
    assert.equal(underlined(text, f), 'selector');
    none(text, 'template-labels-mismatch');
  });

  it('reports template metadata with workloadRef as an internal error at spec.template', () => {
    const text = rolloutWithSpec('workloadRef: {apiVersion: apps/v1, kind: Deployment, name: app}', 'template:', '  metadata:', '    labels: {app: app}', ...STRATEGY);
    const f = only(text, 'workload-ref-template-not-empty');
    assert.equal(f.message, 'Internal error: template must be empty for workload reference rollout');
    assert.equal(f.path, 'spec.template');
    assert.equal(underlined(text, f), 'template');
  });

  it('accepts workloadRef with a template that has only containers', () => {
    const text = rolloutWithSpec('workloadRef: {apiVersion: apps/v1, kind: Deployment, name: app}', 'template:', '  spec:', '    containers: []', ...STRATEGY);
    none(text, 'workload-ref-template-not-empty');
    none(text, 'template-containers');
  });
});
