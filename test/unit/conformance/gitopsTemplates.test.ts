// The reference GitOps repository, linted as written: every Helm template and every file of its
// Kustomize folders lints without a YAML syntax finding and without an error (it is a working
// repository: before templates were understood, the CLI reported 3,210 errors on it).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { collectFiles } from '../../../src/cli/collectFiles';
import { lintFiles } from '../../../src/core/lint/lint';
import { FileRoles } from '../../../src/render/fileRoles';
import { filesBelow } from '../core/lint/template/chartKit';
import { gitopsCorpusOrSkip } from '../../support/gitopsCorpus';

describe('the gitops-playground-apps repository, linted as written', () => {
  const corpus = gitopsCorpusOrSkip();
  if (!corpus) return;
  const roles = new FileRoles();
  const all = filesBelow(corpus).filter((rel) => /\.ya?ml$/.test(rel));
  const templates = all.filter((rel) => roles.roleOf(nodePath.join(corpus, rel)).kind === 'helm-template');
  const kustomize = all.filter((rel) => /(^|\/)(overlays|base)\//.test(rel));
  const linted = lintFiles([...templates, ...kustomize].map((rel) => {
    const path = nodePath.join(corpus, rel);
    return { path: rel, text: readFileSync(path, 'utf8'), role: roles.roleOf(path) };
  }));

  it('holds the charts and overlays its README describes (templates of 9 charts, 3 overlays and a base)', () => {
    assert.equal(new Set(templates.map((t) => t.split('/templates/')[0])).size, 9);
    assert.equal(kustomize.filter((k) => k.endsWith('kustomization.yaml')).length, 4);
  });

  for (const rel of [...templates, ...kustomize]) {
    it(`lints ${rel} without a yaml-syntax finding or an error`, () => {
      const bad = (linted.get(rel) ?? []).filter((f) => f.rule === 'yaml-syntax' || f.severity === 'error');
      assert.deepEqual(bad.map((f) => `${f.rule}: ${f.path}: ${f.message}`), []);
    });
  }

  it('the CLI run on the whole repository finds no error (it found 3,210 before templates were understood)', async () => {
    const files = await collectFiles([corpus], corpus, []);
    const errors = [...lintFiles(files).values()].flat().filter((f) => f.severity === 'error');
    assert.deepEqual(errors.map((f) => `${f.rule}: ${f.message}`), []);
    assert.ok(files.some((f) => f.role?.kind === 'helm-template'), 'the templates are read as templates');
  });
});
