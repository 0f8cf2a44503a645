import { strict as assert } from 'node:assert';
import { applyFix, findingsIn, underlined } from '../../../../support/lintHelpers';
import { canaryRollout, template } from './fixtures';

const RULE = 'analysis-template-indefinite-inline';

const rollout = canaryRollout(['steps:', '- setWeight: 20', '- analysis:', '    templates:', '    - templateName: rate']);

describe('analysis-template-indefinite-inline', () => {
  it('reports on the template a metric that runs forever but is used by a step, and fixes it with count', () => {
    const t = template('rate', ['metrics:', '- name: m', '  interval: 1m', '  failureLimit: 2', '  consecutiveSuccessLimit: 1', '  provider:', '    web: {url: x}']);
    const files = [{ path: 'r.yaml', text: rollout }, { path: 't.yaml', text: t }];
    const fs = findingsIn(files, 't.yaml', RULE);
    assert.equal(fs.length, 1);
    assert.equal(
      fs[0]!.message,
      'AnalysisTemplate rate has metric m which runs indefinitely. Invalid value for count: <nil> — used inline by Rollout demo (step 1); such an analysis never completes, so Argo rejects the Rollout',
    );
    assert.equal(fs[0]!.severity, 'error');
    assert.equal(underlined(t, fs[0]!), 'interval');
    const fixed = applyFix(t, fs[0]!);
    assert.ok(fixed.includes('    interval: 1m\n    count: 4\n    failureLimit: 2'), fixed);
    const after = [{ path: 'r.yaml', text: rollout }, { path: 't.yaml', text: fixed }];
    assert.deepEqual(findingsIn(after, 't.yaml', RULE), []);
    assert.deepEqual(findingsIn(after, 'r.yaml', 'analysis-templates-merge'), []);
  });

  it('prints count 0 and suggests count 1 with default limits', () => {
    const t = template('rate', ['metrics:', '- interval: 1m', '  name: m', '  count: 0', '  provider: {web: {url: x}}']);
    const fs = findingsIn([{ path: 'r.yaml', text: rollout }, { path: 't.yaml', text: t }], 't.yaml', RULE);
    assert.ok(fs[0]!.message.includes('Invalid value for count: 0 —'));
    const fixed = applyFix(t, fs[0]!);
    assert.ok(fixed.includes('  - interval: 1m\n    name: m\n    count: 1\n'), fixed);
    assert.deepEqual(findingsIn([{ path: 'r.yaml', text: rollout }, { path: 't.yaml', text: fixed }], 't.yaml', RULE), []);
  });

  it('passes a template used only by background analysis, or with a count', () => {
    const bg = canaryRollout(['analysis:', '  templates:', '  - templateName: rate']);
    const t = template('rate', ['metrics:', '- name: m', '  interval: 1m', '  provider: {web: {url: x}}']);
    assert.deepEqual(findingsIn([{ path: 'r.yaml', text: bg }, { path: 't.yaml', text: t }], 't.yaml', RULE), []);
    const counted = template('rate', ['metrics:', '- name: m', '  interval: 1m', '  count: 3', '  provider: {web: {url: x}}']);
    assert.deepEqual(findingsIn([{ path: 'r.yaml', text: rollout }, { path: 't.yaml', text: counted }], 't.yaml', RULE), []);
  });
});
