import { strict as assert } from 'node:assert';
import { applyFix, findings, underlined } from '../../../../support/lintHelpers';
import { ANALYSIS_RUN, ANALYSIS_TEMPLATE, CLUSTER_ANALYSIS_TEMPLATE, EXPERIMENT, ROLLOUT } from './schemaFixtures';

const RULE = 'invalid-type';

function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `fixture contains ${from}`);
  return text.replace(from, to);
}

describe('invalid-type', () => {
  it('finds nothing in schema-clean manifests of all five kinds', () => {
    for (const text of [ROLLOUT, ANALYSIS_TEMPLATE, CLUSTER_ANALYSIS_TEMPLATE, ANALYSIS_RUN, EXPERIMENT]) {
      assert.deepEqual(findings(text, RULE), []);
    }
  });

  it("reports a quoted replicas count with the API server's message and unquotes it", () => {
    const text = edit(ROLLOUT, 'replicas: 3', 'replicas: "3"');
    const [f, ...rest] = findings(text, RULE);
    assert.equal(rest.length, 0);
    assert.equal(f!.message, 'Invalid value: "string": spec.replicas in body must be of type integer: "string" — remove the quotes');
    assert.equal(f!.path, 'spec.replicas');
    assert.equal(f!.severity, 'error');
    assert.equal(underlined(text, f!), '"3"');
    const fixed = applyFix(text, f!);
    assert.equal(fixed, ROLLOUT);
    assert.deepEqual(findings(fixed, RULE), []);
  });

  it('reports a word where a step weight must be an integer, without a fix', () => {
    const text = edit(ROLLOUT, 'setWeight: 10', 'setWeight: ten');
    const [f] = findings(text, RULE);
    assert.equal(f!.message, 'Invalid value: "string": spec.strategy.canary.steps[0].setWeight in body must be of type integer: "string"');
    assert.equal(underlined(text, f!), 'ten');
    assert.equal(f!.fix, undefined);
  });

  it('reports a fraction where an integer is required as a number', () => {
    const text = edit(ROLLOUT, 'setWeight: 10', 'setWeight: 10.5');
    assert.equal(findings(text, RULE)[0]!.message, 'Invalid value: "number": spec.strategy.canary.steps[0].setWeight in body must be of type integer: "number"');
  });

  it('accepts integers and strings (placeholders included) in int-or-string fields', () => {
    for (const count of ['3', '"3"', '"{{args.count}}"']) {
      assert.deepEqual(findings(edit(ANALYSIS_TEMPLATE, 'count: "{{args.count}}"', `count: ${count}`), RULE), [], count);
    }
  });

  it('reports an unquoted placeholder, a flow mapping, in an int-or-string field and quotes it', () => {
    const text = edit(ANALYSIS_TEMPLATE, 'count: "{{args.count}}"', 'count: {{args.count}}');
    const [f] = findings(text, RULE);
    assert.equal(
      f!.message,
      'Invalid value: "object": spec.metrics[0].count in body must be of type integer,string: "object" — an unquoted {{…}} placeholder is a YAML flow mapping; quote it',
    );
    assert.equal(underlined(text, f!), '{{args.count}}');
    assert.equal(applyFix(text, f!), ANALYSIS_TEMPLATE);
  });

  it('reports a boolean in an int-or-string field', () => {
    const text = edit(ROLLOUT, 'maxUnavailable: 0', 'maxUnavailable: true');
    assert.equal(findings(text, RULE)[0]!.message, 'Invalid value: "boolean": spec.strategy.canary.maxUnavailable in body must be of type integer,string: "boolean"');
  });

  it('reports a YAML 1.1 boolean in a label value and quotes it', () => {
    const text = edit(ROLLOUT, '      labels: {app: web}', '      labels: {app: web, canary: yes}');
    const [f] = findings(text, RULE);
    assert.equal(
      f!.message,
      'Invalid value: "boolean": spec.template.metadata.labels.canary in body must be of type string: "boolean" — YAML reads unquoted yes as a boolean; quote it to keep it a string',
    );
    assert.equal(f!.path, 'spec.template.metadata.labels.canary');
    assert.equal(underlined(text, f!), 'yes');
    assert.deepEqual(findings(applyFix(text, f!), RULE), []);
  });

  it('reports an unquoted number in an argument value and quotes it', () => {
    const text = edit(ANALYSIS_TEMPLATE, '    value: "5"', '    value: 5');
    const [f] = findings(text, RULE);
    assert.match(f!.message, /^Invalid value: "integer": spec\.args\[1\]\.value in body must be of type string: "integer"/);
    assert.equal(applyFix(text, f!), ANALYSIS_TEMPLATE);
  });

  it('accepts YAML 1.1 booleans in boolean fields and quoted true where a string is expected', () => {
    assert.deepEqual(findings(edit(ROLLOUT, 'replicas: 3', 'replicas: 3\n  paused: yes'), RULE), []);
    assert.deepEqual(findings(ANALYSIS_RUN, RULE), []);
  });

  it('reports a quoted boolean in a boolean field and unquotes it', () => {
    const text = edit(ROLLOUT, 'replicas: 3', 'replicas: 3\n  paused: "true"');
    const [f] = findings(text, RULE);
    assert.equal(f!.message, 'Invalid value: "string": spec.paused in body must be of type boolean: "string" — remove the quotes');
    assert.equal(applyFix(text, f!), edit(ROLLOUT, 'replicas: 3', 'replicas: 3\n  paused: true'));
  });

  it('treats null values as absent', () => {
    const text = edit(ROLLOUT, 'replicas: 3', 'replicas: null\n  minReadySeconds: ~');
    assert.deepEqual(findings(text, RULE), []);
  });

  it('reports a map where a string is expected and a scalar where a list is expected, and does not descend', () => {
    const text = edit(edit(ROLLOUT, 'canaryService: web-canary', 'canaryService: {name: web-canary}'), '      steps:\n', '      steps: none\n      x-steps:\n');
    const fs = findings(text, RULE).map((f) => [f.path, f.message]);
    assert.deepEqual(fs, [
      ['spec.strategy.canary.canaryService', 'Invalid value: "object": spec.strategy.canary.canaryService in body must be of type string: "object"'],
      ['spec.strategy.canary.steps', 'Invalid value: "string": spec.strategy.canary.steps in body must be of type array: "string"'],
    ]);
  });

  it('reports a list where an object is expected at the key of a multi-line value', () => {
    const text = edit(ROLLOUT, '    canary:\n', '    blueGreen:\n    - activeService: a\n    canary:\n');
    const [f] = findings(text, RULE);
    assert.equal(f!.message, 'Invalid value: "array": spec.strategy.blueGreen in body must be of type object: "array"');
    assert.equal(underlined(text, f!), 'blueGreen');
  });

  it('accepts timestamps (YAML 1.1 dates) in string fields', () => {
    assert.deepEqual(findings(edit(ROLLOUT, 'replicas: 3', 'replicas: 3\n  restartAt: 2024-05-01T10:00:00Z'), RULE), []);
  });

  it('never throws on documents of the wrong shape everywhere', () => {
    for (const body of ['spec: 5', 'spec: [1, 2]', 'spec: {template: [], strategy: {canary: {steps: {a: 1}}}}', 'metadata: x', 'spec: {selector: {matchLabels: [a]}}']) {
      const text = `apiVersion: argoproj.io/v1alpha1\nkind: Rollout\n${body}\n`;
      assert.ok(findings(text).every((f) => f.rule !== 'internal-error'), body);
      assert.ok(findings(text, RULE).length >= 1, body);
    }
  });
});
