import { strict as assert } from 'node:assert';
import { applyFix, findings, underlined, yaml } from '../../../../support/lintHelpers';
import { ROLLOUT } from './schemaFixtures';

const RULE = 'unknown-kind';

describe('unknown-kind', () => {
  it('reports a misspelt Rollout kind as a warning and fixes it', () => {
    const text = ROLLOUT.replace('kind: Rollout', 'kind: Rolout');
    const [f, ...rest] = findings(text, RULE);
    assert.equal(rest.length, 0);
    assert.equal(f!.message, 'no matches for kind "Rolout" in version "argoproj.io/v1alpha1" — did you mean "Rollout"?');
    assert.equal(f!.severity, 'warning');
    assert.equal(f!.path, 'kind');
    assert.equal(underlined(text, f!), 'Rolout');
    const fixed = applyFix(text, f!);
    assert.equal(fixed, ROLLOUT);
    assert.deepEqual(findings(fixed, RULE), []);
  });

  it('keeps the quotes of a quoted kind when fixing it', () => {
    const text = yaml('apiVersion: argoproj.io/v1alpha1', 'kind: "analysistemplate"', 'metadata: {name: t}');
    const [f] = findings(text, RULE);
    assert.match(f!.message, /did you mean "AnalysisTemplate"\?$/);
    assert.equal(applyFix(text, f!), text.replace('"analysistemplate"', '"AnalysisTemplate"'));
  });

  it('leaves the kinds of other Argo projects and the five known kinds alone', () => {
    for (const kind of ['Workflow', 'Application', 'AppProject', 'Sensor', 'EventSource', 'Rollout', 'Experiment', 'AnalysisRun']) {
      assert.deepEqual(findings(yaml('apiVersion: argoproj.io/v1alpha1', `kind: ${kind}`, 'metadata: {name: x}'), RULE), [], kind);
    }
  });

  it('ignores kinds outside argoproj.io', () => {
    assert.deepEqual(findings(yaml('apiVersion: apps/v1', 'kind: Rolout', 'metadata: {name: x}'), RULE), []);
  });
});
