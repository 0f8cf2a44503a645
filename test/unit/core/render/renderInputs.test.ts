// Which values a chart is rendered with, and what helm's errors say.
import { strict as assert } from 'node:assert';
import { parse } from 'yaml';
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
