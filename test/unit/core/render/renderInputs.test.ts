// Which values a chart is rendered with, and what helm's errors say.
import { strict as assert } from 'node:assert';
import { parse } from 'yaml';
import { placeHelmFindings } from '../../../../src/core/render/mapRendered';
import { readRenderError, renderedDocs } from '../../../../src/core/render/renderedDocs';
import { chooseValues, describeValues } from '../../../../src/core/render/valuesSelection';

const APP = parse(`
apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: gitops-hugo-local}
spec:
  source:
    repoURL: https://github.com/example/apps.git
    path: helm/stack/gitops-hugo
    helm:
      releaseName: hugo
      valueFiles: [envValues/local.yaml, $values/shared.yaml]
      valuesObject: {replicas: 3}
      parameters:
        - {name: image.tag, value: "1.2"}
        - {name: build, value: "0042", forceString: true}
`) as unknown;

describe('choosing the values a chart is rendered with', () => {
  it('takes the setting for the chart folder first', () => {
    const c = chooseValues('helm/stack/gitops-hugo', { 'helm/stack/gitops-hugo/': ['envValues/env2.yaml'] }, [{ file: 'apps/hugo.yaml', value: APP }]);
    assert.deepEqual(c.valueFiles, ['envValues/env2.yaml']);
    assert.equal(describeValues(c), 'values.yaml, envValues/env2.yaml');
  });

  it('else an Argo CD Application whose source path is the chart: value files, valuesObject, parameters, release name', () => {
    const c = chooseValues('helm/stack/gitops-hugo', {}, [{ file: 'apps/hugo.yaml', value: APP }]);
    assert.deepEqual([c.valueFiles, c.set, c.setString, c.inlineValues, c.releaseName], [['envValues/local.yaml'], ['image.tag=1.2'], ['build=0042'], 'replicas: 3\n', 'hugo']);
    assert.match(c.origin, /Application gitops-hugo-local \(apps\/hugo\.yaml\)/);
    assert.equal(describeValues(c), 'values.yaml, envValues/local.yaml, inline values, 2 parameter(s)');
  });

  it('else the chart\'s values.yaml alone', () => {
    const c = chooseValues('charts/other', {}, [{ file: 'apps/hugo.yaml', value: APP }]);
    assert.deepEqual(c.valueFiles, []);
    assert.equal(describeValues(c), 'values.yaml');
  });
});

describe('reading helm', () => {
  it('names the template and line of a helm 3 error', () => {
    const e = readRenderError('Error: template: shop/templates/rollout.yaml:12:20: executing "shop/templates/rollout.yaml" at <required "x" .Values.x>: error calling required: x\n');
    assert.deepEqual([e.source, e.line], ['templates/rollout.yaml', 12]);
    assert.match(e.message, /error calling required: x/);
  });

  it('names the template and line of a helm 4 error, with its indented detail', () => {
    const e = readRenderError('Error: shop/templates/rollout.yaml:35:37\n  executing "shop/templates/rollout.yaml" at <.Values.region>:\n    wrong type for value; expected string; got interface {}\n\nUse --debug flag to render out invalid YAML\n');
    assert.deepEqual([e.source, e.line], ['templates/rollout.yaml', 35]);
    assert.match(e.message, /wrong type for value/);
  });

  it('names the template of a YAML parse error without taking the YAML line for the template\'s', () => {
    const e = readRenderError('Error: YAML parse error on shop/templates/rollout.yaml: error converting YAML to JSON: yaml: line 26: did not find expected key\n');
    assert.deepEqual([e.source, e.line], ['templates/rollout.yaml', undefined]);
  });

  it('splits helm\'s output into documents with the template each came from, subcharts included', () => {
    const docs = renderedDocs('---\n# Source: shop/templates/a.yaml\nkind: A\n---\n# Source: shop/charts/payments/templates/b.yaml\nkind: B\n');
    assert.deepEqual(docs.map((d) => d.source), ['templates/a.yaml', 'charts/payments/templates/b.yaml']);
  });
});

describe('placing rendered findings without helm (the mapping alone)', () => {
  const template = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicas }}\n';
  const rendered = '---\n# Source: shop/templates/rollout.yaml\napiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: shop\nspec:\n  replicas: two\n';
  const sources = {
    chartYaml: { path: '/c/Chart.yaml', text: 'name: shop\n' },
    templates: new Map([['templates/rollout.yaml', { path: '/c/templates/rollout.yaml', text: template }]]),
    values: [{ path: '/c/values.yaml', text: 'image: x\nreplicas: two\n' }],
  };

  it('puts a finding on the template line and the values line, each related to the other', () => {
    const at = rendered.indexOf('two');
    const placed = placeHelmFindings(rendered, [{ rule: 'invalid-type', severity: 'error', message: 'wrong type', path: 'spec.replicas', span: { start: at, end: at + 3 } }], sources);
    assert.deepEqual(
      placed.map((p) => [p.file, p.finding.span.start, p.related.map((r) => r.file)]),
      [
        ['/c/values.yaml', 'image: x\nreplicas: '.length, ['/c/templates/rollout.yaml']],
        ['/c/templates/rollout.yaml', template.indexOf('{{ .Values.replicas }}'), ['/c/values.yaml']],
      ],
    );
    assert.match(placed[1]!.finding.message, /\(value from values\.yaml: replicas\)$/);
  });

  it('puts a finding it cannot place on Chart.yaml with the rendered path, and never throws on an alias bomb', () => {
    const bomb = `---\n# Source: shop/templates/other.yaml\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`;
    const placed = placeHelmFindings(bomb, [{ rule: 'r', severity: 'error', message: 'm', path: 'a', span: { start: bomb.indexOf('a:'), end: bomb.indexOf('a:') + 1 } }], sources);
    assert.deepEqual(placed.map((p) => [p.file, p.finding.message]), [['/c/Chart.yaml', 'm (in the rendered output at templates/other.yaml: a)']]);
  });
});
