import { strict as assert } from 'node:assert';
import { findings, underlined, yaml } from '../../../../support/lintHelpers';

const TAIL = ' — the Experiment gets condition InvalidSpec and fails';

function experiment(...specLines: string[]): string {
  return yaml('apiVersion: argoproj.io/v1alpha1', 'kind: Experiment', 'metadata:', '  name: exp', 'spec:', ...specLines);
}

function tmpl(name: string, ...extra: string[]): string[] {
  return [`  - name: ${name}`, ...extra, '    template:', '      metadata:', '        labels: {app: a}'];
}

describe('the experiment-templates rule', () => {
  it('accepts templates with names and selectors', () => {
    const text = experiment('  duration: 5m', '  templates:', ...tmpl('baseline', '    selector:', '      matchLabels: {app: a}'), ...tmpl('canary', '    selector:', '      matchLabels: {app: a}'));
    assert.deepEqual(findings(text, 'experiment-templates'), []);
    assert.deepEqual(findings(text, 'experiment-duration'), []);
  });

  it('reports a missing selector, an empty selector and a long minReadySeconds', () => {
    const text = experiment('  templates:', ...tmpl('a'), ...tmpl('b', '    selector: {}', '    minReadySeconds: 700'));
    assert.deepEqual(
      findings(text, 'experiment-templates').map((f) => [f.message, f.path, underlined(text, f)]),
      [
        [`Rollout has missing field '.Spec.Templates[0].Selector'${TAIL}`, 'spec.templates[0].selector', 'name'],
        [`This experiment is selecting all pods at index 1. A non-empty selector is required.${TAIL}`, 'spec.templates[1].selector', 'selector'],
        [`MinReadySeconds cannot be longer than ProgressDeadlineSeconds. Check template index 1${TAIL}`, 'spec.templates[1].minReadySeconds', '700'],
      ],
    );
  });

  it('reports empty and repeated template names', () => {
    const sel = ['    selector:', '      matchLabels: {app: a}'];
    const text = experiment('  templates:', ...tmpl('""', ...sel), ...tmpl('x', ...sel), ...tmpl('x', ...sel));
    assert.deepEqual(
      findings(text, 'experiment-templates').map((f) => [f.message, f.path, underlined(text, f)]),
      [
        [`Experiment exp has empty template name at index 0${TAIL}`, 'spec.templates[0].name', '""'],
        [`Experiment exp has repeated template name 'x' in templates${TAIL}`, 'spec.templates[2].name', 'x'],
      ],
    );
  });
});

describe('the experiment-duration rule', () => {
  it("reports a duration that is not a Go duration with Go's error", () => {
    const text = experiment('  duration: 1d', '  templates: []');
    const [f] = findings(text, 'experiment-duration');
    assert.equal(f!.message, 'time: unknown unit "d" in duration "1d" — spec.duration must be a Go duration such as 5m or 1h30m');
    assert.equal(f!.path, 'spec.duration');
    assert.equal(underlined(text, f!), '1d');
  });
});
