// How a Helm template is read as YAML: same length, actions out of the way, raw strings unwrapped.
import { strict as assert } from 'node:assert';
import { chartInfo, helmRoleOf } from '../../../../../src/core/lint/template/fileRole';
import { maskTemplate, unshift } from '../../../../../src/core/lint/template/maskTemplate';
import { templateActions } from '../../../../../src/core/lint/template/templateActions';

describe('reading a Helm template as YAML', () => {
  it('keeps the text length and every line break in place, so offsets are the template\'s', () => {
    const text = 'a: {{ .Values.a }}\r\n{{- if .X }}\r\nb: "{{ include "x" . }}"\r\n{{- end }}\r\n';
    const m = maskTemplate(text);
    assert.equal(m.text.length, text.length);
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') assert.equal(m.text[i], '\n', `line break at ${i}`);
  });

  it('turns an action inside a value into a distinct plain word, remembered as unknown', () => {
    const m = maskTemplate('a: {{ .A }}\nb: {{ .B }}\n');
    assert.equal(m.text, 'a: t1xxxxxx\nb: t2xxxxxx\n');
    assert.deepEqual(m.unknown, [{ start: 3, end: 11 }, { start: 15, end: 23 }]);
  });

  it('blanks action-only lines and remembers where printing ones land (nindent, indent, their column)', () => {
    const m = maskTemplate('x:\n  {{- if .A }}\n  {{- toYaml .B | nindent 4 }}\n{{ toYaml .C | indent 6 }}\n  {{ .D }}\n');
    assert.equal(m.text.replace(/\s/g, ''), 'x:');
    assert.deepEqual(m.contentLines.map((c) => c.indent), [4, 6, 2]);
  });

  it('keeps a quoted string holding }} inside an action, and a comment spanning lines', () => {
    const acts = templateActions('a: {{ "}}" | quote }} {{/* one\ntwo */}} {{- /* c */ -}}');
    assert.deepEqual(acts.map((a) => a.kind), ['output', 'comment', 'comment']);
    assert.equal(acts[0]!.end, 'a: {{ "}}" | quote }}'.length);
  });

  it('unwraps a raw string onto the action\'s column, keeping quotes around it and mapping offsets back', () => {
    const text = 'q: "{{`a{{args.x}}`}}"\n';
    const m = maskTemplate(text);
    assert.equal(m.text, 'q: "a{{args.x}}"      \n');
    const inMasked = m.text.indexOf('{{args.x}}');
    assert.equal(unshift(m.shifts, inMasked), text.indexOf('{{args.x}}'));
    assert.equal(unshift(m.shifts, inMasked + 10, true), text.indexOf('{{args.x}}') + 10);
  });

  it('does not take an unterminated action for more than its line', () => {
    const m = maskTemplate('a: {{ .A\nb: 1\n');
    assert.equal(m.text.split('\n')[1], 'b: 1');
  });

  it('knows templates, partials, values files and crds by where they sit in a chart', () => {
    const charts: Record<string, string> = { '/r/c': 'name: c', '/r/c/charts/lib': 'type: library' };
    const at = (dir: string) => (dir in charts ? chartInfo(charts[dir]!) : undefined);
    const kind = (p: string) => helmRoleOf(p, at)?.kind ?? 'manifest';
    assert.equal(kind('/r/c/templates/deployment.yaml'), 'helm-template');
    assert.equal(kind('/r/c/templates/sub/deployment.yaml'), 'helm-template');
    assert.equal(kind('/r/c/templates/_helpers.tpl'), 'helm-partial');
    assert.equal(kind('/r/c/templates/NOTES.txt'), 'helm-partial');
    assert.equal(kind('/r/c/values.yaml'), 'helm-partial');
    assert.equal(kind('/r/c/crds/rollout-crd.yaml'), 'manifest');
    assert.equal(kind('/r/c/charts/lib/templates/rollout.yaml'), 'helm-partial');
    assert.equal(kind('/r/other/templates/deployment.yaml'), 'manifest');
  });
});
