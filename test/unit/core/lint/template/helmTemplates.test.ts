// Helm templates linted while typing, without helm: the YAML around the actions is read, the static
// parts are checked, templated values are left to the rendered lint.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { lintFiles } from '../../../../../src/core/lint/lint';
import { FIXTURES, lineOf, lintTree, locate, replaceOnce } from './chartKit';

const CHART = nodePath.join(FIXTURES, 'helm');
const ROLLOUT = 'shop/templates/rollout.yaml';
const rolloutText = (): string => readFileSync(nodePath.join(CHART, ROLLOUT), 'utf8');

describe('Helm templates linted as written', () => {
  it('the fixture chart (subchart, library chart, tpl, range, with, required, toYaml | nindent, several documents, templated keys, block scalars with actions) has no finding at all', () => {
    const results = lintTree(CHART);
    const all = [...results].flatMap(([file, fs]) => fs.map((f) => `${file}:${f.line}: ${f.rule}: ${f.message}`));
    assert.deepEqual(all, []);
  });

  it('a library chart, _helpers.tpl, NOTES.txt and the values files are not linted as manifests', () => {
    const results = lintTree(CHART, (rel, text) => (rel.endsWith('.tpl') || rel.includes('common/') || rel.endsWith('values.yaml') ? `${text}\n  : broken: [` : text));
    for (const file of ['shop/templates/_helpers.tpl', 'shop/charts/common/templates/rollout.yaml', 'shop/values.yaml']) assert.deepEqual(results.get(file), [], file);
  });

  it('the same template with CRLF line endings has no finding either', () => {
    const text = rolloutText().replace(/\n/g, '\r\n');
    const fs = lintFiles([{ path: 'rollout.yaml', text, role: { kind: 'helm-template', chartDir: 'shop' } }]).get('rollout.yaml')!;
    assert.deepEqual(fs.map((f) => `${f.rule}: ${f.message}`), []);
  });

  it('a static mistake is reported at its line: setWeight 150 in a static step', () => {
    const results = lintTree(CHART, (rel, t) => (rel === ROLLOUT ? replaceOnce(t, 'setWeight: 100', 'setWeight: 150') : t));
    const f = results.get(ROLLOUT)!.find((x) => x.rule === 'step-set-weight-range');
    assert.ok(f, 'setWeight 150 is reported');
    assert.equal(f.line, lineOf(rolloutText(), 'setWeight: 100'));
    assert.equal(f.text, '150');
  });

  it('a templated value is unknown: no rule fires on it and it has no type', () => {
    const results = lintTree(CHART, (rel, t) => (rel === ROLLOUT ? replaceOnce(t, 'revisionHistoryLimit: 3', 'revisionHistoryLimit: {{ .Values.history }}') : t));
    assert.deepEqual(results.get(ROLLOUT), []);
  });

  it('a misspelt field is reported even when its value is templated (the key is static)', () => {
    const results = lintTree(CHART, (rel, t) => (rel === ROLLOUT ? replaceOnce(t, '  revisionHistoryLimit: 3', '  revisionHistoryLimt: {{ .Values.history }}') : t));
    const f = results.get(ROLLOUT)!.find((x) => x.rule === 'unknown-field');
    assert.ok(f, JSON.stringify(results.get(ROLLOUT)));
    assert.equal(f.text, 'revisionHistoryLimt');
    assert.match(f.message, /did you mean "revisionHistoryLimit"/);
  });

  it('a required field is not reported missing where an action may print it (toYaml into the spec)', () => {
    const results = lintTree(CHART, (rel, t) =>
      rel === ROLLOUT ? replaceOnce(replaceOnce(t, '  selector:\n    matchLabels:\n      app.kubernetes.io/name: {{ .Chart.Name }}\n', ''), '  revisionHistoryLimit: 3\n', '  revisionHistoryLimit: 3\n  {{- toYaml .Values.selector | nindent 2 }}\n') : t,
    );
    assert.deepEqual(results.get(ROLLOUT), []);
  });

  it('a missing field with nothing templated around it is still reported', () => {
    const results = lintTree(CHART, (rel, t) => (rel === 'shop/charts/payments/templates/rollout.yaml' ? replaceOnce(t, '  selector:\n    matchLabels:\n      app: payments\n', '') : t));
    assert.ok(results.get('shop/charts/payments/templates/rollout.yaml')!.some((f) => f.message.includes("missing field '.spec.selector'")));
  });

  it('a PromQL mistake inside a raw string {{`…`}} is underlined at its column in the template', () => {
    const results = lintTree(CHART, (rel, t) => (rel === ROLLOUT ? replaceOnce(t, 'code!~"5.."}[5m]))`}}', 'code!~"5.."}[5m])))`}}') : t));
    const f = results.get(ROLLOUT)!.find((x) => x.rule === 'promql-syntax');
    assert.ok(f, 'the extra parenthesis is reported');
    const line = lineOf(rolloutText(), 'code!~"5.."');
    assert.equal(f.line, line);
    assert.equal(f.text, ')');
    const lineText = rolloutText().split('\n')[line - 1]!;
    assert.equal(f.column, lineText.indexOf('[5m]))') + 1 + '[5m]))'.length, 'the column of the extra parenthesis');
  });

  it('an {{args.*}} typo inside a raw string is reported on the tag, and a quoted raw condition is checked', () => {
    const results = lintTree(CHART, (rel, t) =>
      rel === ROLLOUT ? replaceOnce(replaceOnce(t, 'bucket{service="{{args.service}}"', 'bucket{service="{{args.servce}}"'), '"{{`result[0] < 0.5`}}"', '"{{`result[0] <`}}"') : t,
    );
    const fs = results.get(ROLLOUT)!;
    const args = fs.find((x) => x.rule === 'analysis-template-args');
    assert.ok(args, 'the undeclared arg is reported');
    assert.equal(args.text, '{{args.servce}}');
    assert.equal(args.line, lineOf(rolloutText(), 'histogram_quantile'));
    const condition = fs.find((x) => x.rule === 'condition-syntax');
    assert.ok(condition, `the broken condition is reported (${fs.map((x) => x.rule).join(', ')})`);
    assert.equal(condition.line, lineOf(rolloutText(), 'result[0] < 0.5'));
  });

  it('a real YAML mistake in the static text is reported at its line', () => {
    const results = lintTree(CHART, (rel, t) => (rel === ROLLOUT ? replaceOnce(t, '  revisionHistoryLimit: 3', '  revisionHistoryLimit: a: b') : t));
    const syntax = results.get(ROLLOUT)!.filter((x) => x.rule === 'yaml-syntax');
    assert.ok(syntax.length > 0);
    assert.equal(syntax[0]!.line, lineOf(rolloutText(), 'revisionHistoryLimit'));
  });

  it('a key repeated in the two branches of an if/else is not a duplicate; repeated in one branch it is', () => {
    const ok = lintTree(CHART).get(ROLLOUT)!;
    assert.deepEqual(ok, []);
    const results = lintTree(CHART, (rel, t) => (rel === ROLLOUT ? replaceOnce(t, '  revisionHistoryLimit: 3', '  revisionHistoryLimit: 3\n  revisionHistoryLimit: 4') : t));
    const dup = results.get(ROLLOUT)!.find((x) => x.message === 'Map keys must be unique');
    assert.ok(dup);
    assert.equal(dup.line, lineOf(rolloutText(), 'revisionHistoryLimit') + 1);
  });

  it('a quick fix is never offered where it would edit template code', () => {
    const text = 'apiVersion: argoproj.io/v1alpha1\nkind: Rolout\nmetadata:\n  name: {{ .Release.Name }}\n';
    const fs = lintFiles([{ path: 't.yaml', text, role: { kind: 'helm-template', chartDir: '' } }]).get('t.yaml')!;
    const kind = fs.find((f) => f.rule === 'unknown-kind');
    assert.ok(kind?.fix, 'a fix on static text is kept');
    const templatedKind = lintFiles([{ path: 't.yaml', text: text.replace('kind: Rolout', 'kind: Rolout{{ .Values.suffix }}'), role: { kind: 'helm-template', chartDir: '' } }]).get('t.yaml')!;
    assert.equal(templatedKind.find((f) => f.rule === 'unknown-kind'), undefined, 'a templated kind is not judged');
  });

  it('the gitops-hugo style: toYaml | indent at column 0 after resources: leaves resources unknown, not null', () => {
    const text = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Rollout',
      'metadata:',
      '  name: {{ include "fullname" . }}',
      'spec:',
      '  selector: {matchLabels: {app: a}}',
      '  template:',
      '    metadata: {labels: {app: a}}',
      '    spec:',
      '      containers:',
      '        - name: a',
      '          image: a:1',
      '          resources:',
      '{{ toYaml .Values.resources | indent 12 }}',
      '{{- if .Values.livenessProbe.enabled }}',
      '          livenessProbe:',
      '            periodSeconds: {{ .Values.livenessProbe.periodSeconds }}',
      '{{- end }}',
      '  strategy:',
      '    canary:',
      '      steps:',
      '      - setWeight: 10',
      '',
    ].join('\n');
    const fs = lintFiles([{ path: 't.yaml', text, role: { kind: 'helm-template', chartDir: '' } }]).get('t.yaml')!;
    assert.deepEqual(fs.map((f) => locate(f, text)), []);
  });
});
