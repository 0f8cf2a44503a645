// Every manifest of the upstream `valid/` corpus (Argo's own examples and docs) lints without
// errors. Files from the same original folder (or the same Markdown page) are linted together, as
// they are applied together, so references between them resolve. Warnings and infos are allowed.
import { strict as assert } from 'node:assert';
import { lintFiles } from '../../../src/core/lint/lint';
import type { Finding } from '../../../src/core/lint/types';
import { describeWithCorpus } from '../../support/argoRolloutsCorpus';
import { corpusFiles, exampleOf, readCorpus } from './corpus';

/** Error findings we accept on a valid file, each with the reason it is right to report it. */
const EXCEPTIONS: readonly { file: string; rule: string; reason: string }[] = [
  {
    file: 'docs__features__analysis.md__block03.yaml',
    rule: 'invalid-type',
    reason: 'the docs write `value: 9090` unquoted; the CRD types args[].value as a string, so the API server rejects the manifest exactly as reported',
  },
  {
    file: 'docs__features__analysis.md__block06.yaml',
    rule: 'invalid-type',
    reason: 'same docs page, same unquoted `value: 9090` in args[].value (a string in the CRD): the API server rejects it',
  },
];

describeWithCorpus('the valid corpus of Argo Rollouts examples', (corpus) => {
  const files = corpusFiles(corpus, 'valid');
  const groups = new Map<string, string[]>();
  for (const f of files) groups.set(exampleOf(f), [...(groups.get(exampleOf(f)) ?? []), f]);
  let results: Map<string, Finding[]> | undefined;
  const findingsOf = (file: string): Finding[] => {
    if (!results) {
      results = new Map();
      for (const group of groups.values()) {
        const linted = lintFiles(group.map((path) => ({ path, text: readCorpus(corpus, 'valid', path) })));
        for (const [path, fs] of linted) results.set(path, fs);
      }
    }
    return results.get(file) ?? [];
  };

  it('holds the 78 files the corpus README describes', () => {
    assert.equal(files.length, 78);
  });

  for (const [example, members] of groups) {
    for (const file of members) {
      const others = members.filter((m) => m !== file);
      const together = others.length ? ` (linted together with ${others.length} other file${others.length === 1 ? '' : 's'} of ${example})` : '';
      it(`lints ${file} without errors${together}`, () => {
        const errors = findingsOf(file).filter((f) => f.severity === 'error' && !EXCEPTIONS.some((x) => x.file === file && x.rule === f.rule));
        assert.deepEqual(
          errors.map((f) => `${f.rule}: ${f.path}: ${f.message}`),
          [],
        );
      });
    }
  }

  it('lists only exceptions that are still needed', () => {
    for (const x of EXCEPTIONS) {
      assert.ok(
        findingsOf(x.file).some((f) => f.rule === x.rule && f.severity === 'error'),
        `${x.file} no longer has a ${x.rule} error; remove the exception`,
      );
    }
  });
});
