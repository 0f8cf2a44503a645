import { strict as assert } from 'node:assert';
import { applyFix, findings, underlined } from '../../../../support/lintHelpers';
import { ANALYSIS_RUN, ANALYSIS_TEMPLATE, CLUSTER_ANALYSIS_TEMPLATE, EXPERIMENT, ROLLOUT } from './schemaFixtures';

const RULE = 'unknown-field';

/** Replaces the first occurrence of `from` in a fixture, failing loudly when it is not there. */
function edit(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `fixture contains ${from}`);
  return text.replace(from, to);
}

describe('unknown-field', () => {
  it('finds nothing in schema-clean manifests of all five kinds', () => {
    for (const text of [ROLLOUT, ANALYSIS_TEMPLATE, CLUSTER_ANALYSIS_TEMPLATE, ANALYSIS_RUN, EXPERIMENT]) {
      assert.deepEqual(findings(text, RULE), []);
    }
  });

  it("reports an unknown strategy with Argo lint's exact decode error and no suggestion", () => {
    const text = edit(ROLLOUT, '    canary:\n', '    unknown-strategy: {}\n    canary:\n');
    const [f, ...rest] = findings(text, RULE);
    assert.equal(rest.length, 0);
    assert.equal(f!.message, 'error unmarshaling JSON: while decoding JSON: json: unknown field "unknown-strategy"');
    assert.equal(f!.path, 'spec.strategy.unknown-strategy');
    assert.equal(f!.severity, 'error');
    assert.equal(underlined(text, f!), 'unknown-strategy');
    assert.equal(f!.fix, undefined);
  });

  it('suggests canaryService for canarySerivce and renames the key with the fix', () => {
    const text = edit(ROLLOUT, 'canaryService: web-canary', 'canarySerivce: web-canary');
    const [f] = findings(text, RULE);
    assert.equal(f!.message, 'error unmarshaling JSON: while decoding JSON: json: unknown field "canarySerivce" — did you mean "canaryService"?');
    assert.equal(f!.path, 'spec.strategy.canary.canarySerivce');
    assert.equal(underlined(text, f!), 'canarySerivce');
    assert.equal(f!.fix?.title, 'Rename to canaryService');
    const fixed = applyFix(text, f!);
    assert.equal(fixed, ROLLOUT);
    assert.deepEqual(findings(fixed, RULE), []);
  });

  it('suggests setWeight for setweight in a step (case-insensitive match)', () => {
    const text = edit(ROLLOUT, '- setWeight: 10', '- setweight: 10');
    const [f] = findings(text, RULE);
    assert.equal(f!.path, 'spec.strategy.canary.steps[0].setweight');
    assert.match(f!.message, / — did you mean "setWeight"\?$/);
    assert.equal(underlined(text, f!), 'setweight');
    assert.deepEqual(findings(applyFix(text, f!), RULE), []);
  });

  it('suggests maxSurge for maxsurge in the canary strategy', () => {
    const text = edit(ROLLOUT, 'maxSurge: "25%"', 'maxsurge: "25%"');
    const [f] = findings(text, RULE);
    assert.equal(f!.path, 'spec.strategy.canary.maxsurge');
    assert.equal(applyFix(text, f!), ROLLOUT);
  });

  it('reports an unknown container field deep in the pod template', () => {
    const text = edit(ROLLOUT, '        image: nginx:1.27', '        imagePullPolicey: Always\n        image: nginx:1.27');
    const [f] = findings(text, RULE);
    assert.equal(f!.path, 'spec.template.spec.containers[0].imagePullPolicey');
    assert.match(f!.message, /did you mean "imagePullPolicy"\?$/);
    assert.equal(underlined(text, f!), 'imagePullPolicey');
  });

  it("uses the API server's strict field validation wording for a metric of an AnalysisTemplate", () => {
    const text = edit(ANALYSIS_TEMPLATE, '    interval: 5m', '    intervall: 5m');
    const [f] = findings(text, RULE);
    assert.equal(f!.message, 'unknown field "spec.metrics[0].intervall" — did you mean "interval"?');
    assert.equal(f!.path, 'spec.metrics[0].intervall');
    assert.equal(underlined(text, f!), 'intervall');
    assert.equal(applyFix(text, f!), ANALYSIS_TEMPLATE);
  });

  it('reports an unknown provider field in a ClusterAnalysisTemplate', () => {
    const text = edit(CLUSTER_ANALYSIS_TEMPLATE, '        address: http', '        adress: http');
    const [f] = findings(text, RULE);
    assert.equal(f!.message, 'unknown field "spec.metrics[0].provider.prometheus.adress" — did you mean "address"?');
  });

  it('reports an unknown provider in a metric without a suggestion when nothing is close', () => {
    const text = edit(ANALYSIS_TEMPLATE, '      prometheus:', '      splunk: {}\n      prometheus:');
    const [f] = findings(text, RULE);
    assert.equal(f!.message, 'unknown field "spec.metrics[0].provider.splunk"');
    assert.equal(f!.fix, undefined);
  });

  it('reports unknown fields in the job spec and pod template of an Experiment', () => {
    const text = edit(EXPERIMENT, '    replicas: 1', '    replica: 1');
    const [f] = findings(text, RULE);
    assert.equal(f!.message, 'unknown field "spec.templates[0].replica" — did you mean "replicas"?');
    const job = edit(ANALYSIS_TEMPLATE, '          backoffLimit: 1', '          backofLimit: 1');
    assert.equal(findings(job, RULE)[0]!.message, 'unknown field "spec.metrics[1].provider.job.spec.backofLimit" — did you mean "backoffLimit"?');
  });

  it('reports an unknown top-level key with a suggestion', () => {
    const text = edit(ANALYSIS_RUN, 'status:', 'stauts:');
    const [f] = findings(text, RULE);
    assert.equal(f!.message, 'unknown field "stauts" — did you mean "status"?');
    assert.equal(underlined(text, f!), 'stauts');
  });

  it('accepts status on templates and anything inside open subtrees', () => {
    const text = ANALYSIS_TEMPLATE + 'status: {anything: 1}\n';
    assert.deepEqual(findings(text, RULE), []);
    const plugin = edit(ROLLOUT, '      - setWeight: 10', '      - plugin: {name: x, config: {whatever: [1]}}\n      - setWeight: 10');
    assert.deepEqual(findings(plugin, RULE), []);
  });

  it('keeps the quotes of a quoted key when renaming it', () => {
    const text = edit(ROLLOUT, 'maxUnavailable: 0', '"maxUnavailabel": 0');
    const [f] = findings(text, RULE);
    assert.equal(underlined(text, f!), '"maxUnavailabel"');
    assert.equal(applyFix(text, f!), edit(ROLLOUT, 'maxUnavailable: 0', '"maxUnavailable": 0'));
  });

  it('offers no fix when two known fields are equally close', () => {
    // `pxngService` is one edit from both pingService and pongService.
    const text = edit(ROLLOUT, '      maxUnavailable: 0', '      maxUnavailable: 0\n      pingPong: {pxngService: a}');
    const [f] = findings(text, RULE);
    assert.match(f!.message, /did you mean "pingService" or "pongService"\?$/);
    assert.equal(f!.fix, undefined);
  });

  it('does not suggest a field that is already present next to the typo', () => {
    const text = edit(ROLLOUT, 'canaryService: web-canary', 'canaryService: web-canary\n      canarySerivce: other');
    const [f] = findings(text, RULE);
    assert.equal(f!.message, 'error unmarshaling JSON: while decoding JSON: json: unknown field "canarySerivce"');
    assert.equal(f!.fix, undefined);
  });

  it('reports misspelt ObjectMeta fields under the top-level metadata', () => {
    const text = edit(ROLLOUT, '  labels: {app: web}', '  lables: {app: web}');
    const [f] = findings(text, RULE);
    assert.equal(f!.path, 'metadata.lables');
    assert.match(f!.message, /did you mean "labels"\?$/);
  });

  it('never treats keys such as __proto__ or constructor as known', () => {
    const text = edit(ROLLOUT, '      maxUnavailable: 0', '      maxUnavailable: 0\n      constructor: 1\n      __proto__: {}');
    assert.deepEqual(
      findings(text, RULE).map((f) => f.path),
      ['spec.strategy.canary.constructor', 'spec.strategy.canary.__proto__'],
    );
  });
});
