import { strict as assert } from 'node:assert';
import { applyFix, findingsIn, lintFiles, underlined, yaml } from '../../../../support/lintHelpers';
import { canaryRollout, template } from './fixtures';

const RULE = 'analysis-templates-merge';

const rateTemplate = template('rate', [
  'args:',
  '- name: service',
  '- name: namespace',
  'metrics:',
  '- name: rate',
  '  provider:',
  '    prometheus:',
  '      query: up{service="{{args.service}}",ns="{{args.namespace}}"}',
]);

describe('analysis-templates-merge', () => {
  it('reports an arg the step does not pass, with a fix that adds it to args', () => {
    const r = canaryRollout(['steps:', '- analysis:', '    templates:', '    - templateName: rate', '    args:', '    - name: service', '      value: web']);
    const files = [{ path: 'r.yaml', text: r }, { path: 't.yaml', text: rateTemplate }];
    const fs = findingsIn(files, 'r.yaml', RULE);
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.message, 'Invalid value: "templateNames: [rate]": args.namespace was not resolved — a template declares the argument namespace without a value, and this analysis passes none (add it under args)');
    assert.equal(fs[0]!.path, 'spec.strategy.canary.steps[0].analysis.templates');
    assert.equal(underlined(r, fs[0]!), 'templates');
    const fixed = applyFix(r, fs[0]!);
    assert.ok(fixed.includes('          - name: service\n            value: web\n          - name: namespace\n            value: ""\n'), fixed);
    assert.deepEqual(findingsIn([{ path: 'r.yaml', text: fixed }, files[1]!], 'r.yaml', RULE), []);
  });

  it('creates the args list when the analysis has none', () => {
    const r = canaryRollout(['analysis:', '  templates:', '  - templateName: rate']);
    const files = [{ path: 'r.yaml', text: r }, { path: 't.yaml', text: rateTemplate }];
    const fs = findingsIn(files, 'r.yaml', RULE);
    assert.equal(fs.length, 2);
    assert.equal(fs[0]!.message, 'Invalid value: "templateNames: [rate]": args.service was not resolved — a template declares the argument service without a value, and this analysis passes none (add it under args)');
    let fixed = applyFix(r, fs[0]!);
    assert.ok(fixed.includes('  - templateName: rate\n        args:\n          - name: service\n            value: ""\n'), fixed);
    const next = findingsIn([{ path: 'r.yaml', text: fixed }, files[1]!], 'r.yaml', RULE);
    assert.equal(next.length, 1);
    fixed = applyFix(fixed, next[0]!);
    assert.deepEqual(findingsIn([{ path: 'r.yaml', text: fixed }, files[1]!], 'r.yaml', RULE), []);
  });

  it('reports duplicate metric names across templates, including nested ones', () => {
    const r = canaryRollout(['analysis:', '  templates:', '  - templateName: a', '  - templateName: b']);
    const a = template('a', ['metrics:', '- name: m', '  provider: {web: {url: x}}']);
    const b = template('b', ['templates:', '- templateName: c']);
    const c = template('c', ['metrics:', '- name: m', '  provider: {web: {url: y}}']);
    const fs = findingsIn([{ path: 'r.yaml', text: r }, { path: 't.yaml', text: a + '---\n' + b + '---\n' + c }], 'r.yaml', RULE);
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.message, `Invalid value: "templateNames: [a b c]": two metrics have the same name 'm'`);
    assert.equal(fs[0]!.path, 'spec.strategy.canary.analysis.templates');
  });

  it('reports args with different values across templates', () => {
    const r = canaryRollout(['analysis:', '  templates:', '  - templateName: a', '  - templateName: b']);
    const a = template('a', ['args:', '- name: x', '  value: "1"', 'metrics: []']);
    const b = template('b', ['args:', '- name: x', '  value: "2"', 'metrics: []']);
    const fs = findingsIn([{ path: 'r.yaml', text: r }, { path: 't.yaml', text: a + '---\n' + b }], 'r.yaml', RULE);
    assert.equal(fs[0]!.message, "Invalid value: \"templateNames: [a b]\": Argument `x` specified multiple times with different values: '1', '2'");
  });

  it('reports an inline metric that runs indefinitely, an unresolved tag, and both value and valueFrom', () => {
    const r = canaryRollout(['steps:', '- analysis:', '    templates:', '    - templateName: forever', '    - templateName: tags', '    - templateName: both']);
    const forever = template('forever', ['metrics:', '- name: m1', '  interval: 1m', '  provider: {web: {url: x}}']);
    const tags = template('tags', ['metrics:', '- name: m2', '  provider: {web: {url: "{{args.nope}}"}}']);
    const both = template('both', ['args:', '- name: a', '  value: v', '  valueFrom:', '    secretKeyRef: {name: s, key: k}', 'metrics:', '- name: m3', '  provider: {web: {url: x}}']);
    const fs = findingsIn([{ path: 'r.yaml', text: r }, { path: 't.yaml', text: [forever, tags, both].join('---\n') }], 'r.yaml', RULE);
    assert.deepEqual(
      fs.map((f) => [f.message, f.path, underlined(r, f)]),
      [
        ['Invalid value: "forever": AnalysisTemplate forever has metric m1 which runs indefinitely. Invalid value for count: <nil>', 'spec.strategy.canary.steps[0].analysis.templates', 'forever'],
        ['Invalid value: "tags": AnalysisTemplate tags: failed to resolve {{args.nope}}', 'spec.strategy.canary.steps[0].analysis.templates', 'tags'],
        ["Invalid value: \"both\": AnalysisTemplate both: arg 'a' has both Value and ValueFrom fields", 'spec.strategy.canary.steps[0].analysis.templates', 'both'],
      ],
    );
  });

  it('accepts an indefinite metric in background analysis, and reports a background arg missing from args', () => {
    const r = canaryRollout(['analysis:', '  templates:', '  - templateName: a', '  - templateName: b', '  args:', '  - name: other', '    value: x']);
    const a = template('a', ['args:', '- name: svc', 'metrics:', '- name: m', '  interval: 1m', '  provider: {web: {url: x}}']);
    const b = template('b', ['args:', '- name: svc', '  value: given', 'metrics: []']);
    const fs = findingsIn([{ path: 'r.yaml', text: r }, { path: 't.yaml', text: a + '---\n' + b }], 'r.yaml', RULE);
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.message, 'Invalid value: "a": svc');
    assert.ok(fs[0]!.fix);
  });

  it('checks Experiment analyses', () => {
    const exp = yaml('apiVersion: argoproj.io/v1alpha1', 'kind: Experiment', 'metadata:', '  name: e', 'spec:', '  templates: []', '  analyses:', '  - name: a', '    templateName: rate');
    const fs = lintFiles([{ path: 'e.yaml', text: exp }, { path: 't.yaml', text: rateTemplate }]).get('e.yaml')!.filter((f) => f.rule === RULE);
    assert.equal(fs[0]!.message, 'args.service was not resolved — a template declares the argument service without a value, and this analysis passes none (add it under args)');
    assert.equal(underlined(exp, fs[0]!), 'rate');
  });

  it('passes templates whose args are all supplied', () => {
    const r = canaryRollout(['steps:', '- analysis:', '    templates:', '    - templateName: rate', '    args:', '    - name: service', '      value: web', '    - name: namespace', '      valueFrom:', '        fieldRef: {fieldPath: metadata.namespace}']);
    assert.deepEqual(findingsIn([{ path: 'r.yaml', text: r }, { path: 't.yaml', text: rateTemplate }], 'r.yaml', RULE), []);
  });
});

describe('analysis-arg-not-declared', () => {
  it('warns about an arg no template declares and suggests the closest name', () => {
    const r = canaryRollout(['analysis:', '  templates:', '  - templateName: rate', '  args:', '  - name: service', '    value: a', '  - name: namespase', '    value: b', '  - name: namespace', '    value: c']);
    const fs = findingsIn([{ path: 'r.yaml', text: r }, { path: 't.yaml', text: rateTemplate }], 'r.yaml', 'analysis-arg-not-declared');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.severity, 'warning');
    assert.equal(fs[0]!.message, "Argument 'namespase' is not declared by templates [rate]; Argo ignores it — did you mean 'namespace'?");
    assert.equal(underlined(r, fs[0]!), 'namespase');
  });

  it('passes when every arg is declared', () => {
    const r = canaryRollout(['analysis:', '  templates:', '  - templateName: rate', '  args:', '  - name: service', '    value: a', '  - name: namespace', '    value: c']);
    assert.deepEqual(findingsIn([{ path: 'r.yaml', text: r }, { path: 't.yaml', text: rateTemplate }], 'r.yaml', 'analysis-arg-not-declared'), []);
  });
});
