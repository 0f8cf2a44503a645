import { strict as assert } from 'node:assert';
import { findings, underlined } from '../../../../support/lintHelpers';
import { template } from './analysisFixtures';

const RULE = 'analysis-template-args';

function web(url: string): string[] {
  return ['  metrics:', '  - name: m', '    provider:', '      web:', `        url: ${url}`];
}

describe('the analysis-template-args rule', () => {
  it('accepts tags of declared args, with or without spaces', () => {
    const text = template('  args:', '  - name: host', '  - name: token', '    valueFrom:', '      secretKeyRef: {name: s, key: k}', ...web('"http://{{args.host}}/?t={{ args.token }}"'));
    assert.deepEqual(findings(text, RULE), []);
  });

  it('reports a tag of an undeclared arg, underlining the tag inside the value', () => {
    const text = template('  args:', '  - name: host', ...web('"http://{{args.hots}}/x"'));
    const [f, ...rest] = findings(text, RULE);
    assert.equal(rest.length, 0);
    assert.equal(f!.message, "failed to resolve {{args.hots}} — arg 'hots' is not declared in spec.args; the AnalysisRun would go to phase Error and abort the rollout");
    assert.equal(f!.path, 'spec.metrics[0].provider.web.url');
    assert.equal(underlined(text, f!), '{{args.hots}}');
  });

  it('reports tags other than args, such as {{metadata.name}}', () => {
    const text = template(...web('"http://x/{{ metadata.name }}"'));
    const [f] = findings(text, RULE);
    assert.equal(f!.message, 'failed to resolve {{ metadata.name }} — only {{args.<name>}} tags exist in analysis templates; the AnalysisRun would go to phase Error and abort the rollout');
    assert.equal(underlined(text, f!), '{{ metadata.name }}');
  });

  it('reports an arg with both value and valueFrom at valueFrom', () => {
    const text = template('  args:', '  - name: host', '    value: a', '    valueFrom:', '      secretKeyRef: {name: s, key: k}', ...web('"http://{{args.host}}"'));
    const [f] = findings(text, RULE);
    assert.equal(f!.message, "arg 'host' has both Value and ValueFrom fields — Argo refuses the template");
    assert.equal(f!.path, 'spec.args[0]');
    assert.equal(underlined(text, f!), 'valueFrom');
  });
});

describe('the analysis-unused-arg rule', () => {
  it('points at an arg no metric uses', () => {
    const text = template('  args:', '  - name: host', '  - name: unused', ...web('"http://{{args.host}}"'));
    const fs = findings(text, 'analysis-unused-arg');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.severity, 'info');
    assert.equal(fs[0]!.message, "arg 'unused' is declared but no metric uses {{args.unused}}");
    assert.equal(fs[0]!.path, 'spec.args[1].name');
    assert.equal(underlined(text, fs[0]!), 'unused');
  });

  it('is quiet when every arg is used', () => {
    assert.deepEqual(findings(template('  args:', '  - name: host', ...web('"http://{{args.host}}"')), 'analysis-unused-arg'), []);
  });
});
