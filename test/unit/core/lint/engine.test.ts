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
