import { strict as assert } from 'node:assert';
import { LintWorkspace } from '../../../../src/core/lint/engine';
import type { Rule } from '../../../../src/core/lint/rule';
import { splitDocuments } from '../../../../src/core/lint/splitDocuments';
import { findings, underlined, yaml } from '../../support/lintHelpers';

function testRule(check: Rule['check'], usesIndex = false): Rule {
  return { id: 'test-rule', severity: 'error', kinds: ['Rollout'], usesIndex, title: 't', description: 'd', source: 'test', check };
}

describe('the lint engine', () => {
  it('reports a YAML syntax error at its real line and still lints the other documents', () => {
    const text = yaml('apiVersion: v1', 'kind: Service', 'metadata: {name: a', '---', 'apiVersion: argoproj.io/v1alpha1', 'kind: Rollout');
    const fs = findings(text, 'yaml-syntax');
    assert.ok(fs.length >= 1);
    assert.ok(fs.every((f) => f.span.start < text.indexOf('---')), 'syntax error stays in the first document');
  });

  it('splits documents at --- markers only at the start of a line', () => {
    const chunks = splitDocuments('a: 1\n---\nb: "x --- y"\n--- \nc: 3\n');
    assert.deepEqual(
      chunks.map((c) => c.text),
      ['a: 1\n', '---\nb: "x --- y"\n', '--- \nc: 3\n'],
    );
  });

  it('keeps a %YAML directive with the document it introduces', () => {
    assert.equal(splitDocuments('%YAML 1.1\n---\na: 1\n').length, 1);
  });

  it('turns a crashing rule into an internal-error finding instead of throwing', () => {
    const ws = new LintWorkspace([
      testRule(() => {
        throw new Error('kaboom');
      }),
    ]);
    ws.setFile('a.yaml', 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\n');
    const fs = ws.lintFile('a.yaml');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.rule, 'internal-error');
    assert.match(fs[0]!.message, /kaboom/);
  });

  it('re-runs cross-document rules of another file only when an object they looked up changes', () => {
    const seen: string[] = [];
    const ws = new LintWorkspace([
      testRule((ctx) => {
        seen.push(ctx.doc.name ?? '');
        if (!ctx.index.find('Service', 'svc')) ctx.report({ message: 'no svc', at: ['metadata', 'name'] });
      }, true),
    ]);
    ws.setFile('r.yaml', 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: r\n');
    assert.equal(ws.lintFile('r.yaml').length, 1);
    assert.deepEqual(ws.setFile('s.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: other\n'), []);
    assert.equal(ws.lintFile('r.yaml').length, 1);
    assert.deepEqual(ws.setFile('s.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: svc\n'), ['r.yaml']);
    assert.equal(ws.lintFile('r.yaml').length, 0);
    assert.equal(seen.length, 2, 'the rule ran once per relevant change, not once per lint');
  });

  it("underlines the key of a missing field's nearest existing parent", () => {
    const ws = new LintWorkspace([testRule((ctx) => ctx.report({ message: 'm', at: ['spec', 'selector'] }))]);
    const text = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  replicas: 1\n';
    ws.setFile('a.yaml', text);
    const [f] = ws.lintFile('a.yaml');
    assert.equal(underlined(text, f!), 'spec');
  });

  it('underlines a one-line value, and the key of a multi-line value', () => {
    const ws = new LintWorkspace([
      testRule((ctx) => {
        ctx.report({ message: 'a', at: ['spec', 'replicas'] });
        ctx.report({ message: 'b', at: ['spec'] });
      }),
    ]);
    const text = 'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  replicas: -1\n';
    ws.setFile('a.yaml', text);
    assert.deepEqual(
      ws.lintFile('a.yaml').map((f) => underlined(text, f)),
      ['spec', '-1'],
    );
  });
});

describe('the lint engine, fed edits as the editor sends them', () => {
  const rollout = (name: string, template: string): string =>
    yaml('---', 'apiVersion: argoproj.io/v1alpha1', 'kind: Rollout', 'metadata:', `  name: ${name}`, 'spec:', '  strategy:', '    canary:', '      steps:', `        - analysis: {templates: [{templateName: ${template}}]}`);
  const template = (name: string): string => yaml('---', 'apiVersion: argoproj.io/v1alpha1', 'kind: AnalysisTemplate', 'metadata:', `  name: ${name}`);

  function counting(): { rules: Rule[]; parsedNames: string[]; templateChecks: string[] } {
    const parsedNames: string[] = [];
    const templateChecks: string[] = [];
    const local: Rule = { ...testRule((ctx) => parsedNames.push(ctx.doc.name ?? '')), id: 'count-local' };
    const users: Rule = {
      ...testRule((ctx) => {
        templateChecks.push(ctx.doc.name ?? '');
        ctx.index.usersOf('AnalysisTemplate', ctx.doc.name ?? '');
      }, true),
      id: 'count-users',
      kinds: ['AnalysisTemplate'],
    };
    return { rules: [local, users], parsedNames, templateChecks };
  }

  it('lints only the document an edit touches', () => {
    const { rules, parsedNames } = counting();
    const ws = new LintWorkspace(rules);
    const text = rollout('a', 't1') + rollout('b', 't2') + rollout('c', 't1');
    ws.setFile('f.yaml', text);
    ws.lintFile('f.yaml');
    parsedNames.length = 0;
    const at = text.indexOf('name: b') + 'name: b'.length;
    ws.editFile('f.yaml', [{ start: at, end: at, newText: 'x' }]);
    ws.lintFile('f.yaml');
    assert.deepEqual(parsedNames, ['bx']);
    assert.equal(ws.textOf('f.yaml'), text.slice(0, at) + 'x' + text.slice(at));
  });

  it('re-checks a template only when a Rollout that uses it changes', () => {
    const { rules, templateChecks } = counting();
    const ws = new LintWorkspace(rules, {
      referencesOf: (o) => (o.kind === 'Rollout' ? [`AnalysisTemplate/${/templateName: (\w+)/.exec(o.doc.text)?.[1] ?? ''}`] : []),
    });
    ws.setFile('t.yaml', template('t1') + template('t2'));
    const text = rollout('a', 't1') + rollout('b', 't2');
    ws.setFile('r.yaml', text);
    ws.lintFile('t.yaml');
    templateChecks.length = 0;
    const at = text.indexOf('name: b') + 'name: b'.length;
    assert.deepEqual(ws.editFile('r.yaml', [{ start: at, end: at, newText: '2' }]), ['t.yaml']);
    ws.lintFile('t.yaml');
    assert.deepEqual(templateChecks, ['t2'], 'only the template Rollout b uses was checked again');
  });

  it('re-splits documents when an edit creates or removes a --- marker', () => {
    const ws = new LintWorkspace([]);
    const text = 'a: 1\nb: 2\n';
    ws.setFile('f.yaml', text);
    ws.editFile('f.yaml', [{ start: 5, end: 5, newText: '---\n' }]);
    assert.equal(ws.textOf('f.yaml'), 'a: 1\n---\nb: 2\n');
    ws.editFile('f.yaml', [{ start: 5, end: 6, newText: '' }]);
    assert.equal(ws.textOf('f.yaml'), 'a: 1\n--\nb: 2\n');
    const fresh = new LintWorkspace([]);
    fresh.setFile('f.yaml', 'a: 1\n--\nb: 2\n');
    assert.deepEqual(ws.lintFile('f.yaml'), fresh.lintFile('f.yaml'));
  });
});
