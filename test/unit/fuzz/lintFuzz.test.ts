// Fuzz test: thousands of deterministic mutations of the upstream corpus (when present) and of our fixtures.
// Lint must never throw, never report internal-error, keep every span and fix edit inside the text,
// and an incrementally updated workspace must agree with a fresh lint. FUZZ_RUNS sets the number of
// mutations (default 3000), FUZZ_SEED the seed; a failure names the case to reproduce it.
import { strict as assert } from 'node:assert';
import { readdirSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { LintWorkspace } from '../../../src/core/lint/engine';
import { createWorkspace, lintFiles } from '../../../src/core/lint/lint';
import type { Finding } from '../../../src/core/lint/types';
import { corpusOrSkip } from '../../support/argoRolloutsCorpus';
import { corpusFiles, exampleOf, readCorpus } from '../conformance/corpus';
import { FUZZ_FIXTURES } from './fuzzFixtures';
import { mutate, prng } from './mutations';

const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const SEED = Number(process.env.FUZZ_SEED ?? 20240611);
/** How often the incremental workspace is compared with a fresh lint (it costs a full lint). */
const CONSISTENCY_EVERY = 50;

interface Source {
  readonly name: string;
  readonly files: { path: string; text: string }[];
}

/** The corpus's manifests (when it is there) and our fixtures. */
function sources(corpus: string | undefined): Source[] {
  const out: Source[] = [];
  if (corpus) {
    const groups = new Map<string, string[]>();
    for (const f of corpusFiles(corpus, 'valid')) groups.set(exampleOf(f), [...(groups.get(exampleOf(f)) ?? []), f]);
    for (const [name, files] of groups) out.push({ name: `valid/${name}`, files: files.map((path) => ({ path, text: readCorpus(corpus, 'valid', path) })) });
    for (const f of corpusFiles(corpus, 'lint')) out.push({ name: `lint/${f}`, files: [{ path: f, text: readCorpus(corpus, 'lint', f) }] });
    const fixtures = nodePath.join(corpus, 'get-fixtures');
    for (const scenario of readdirSync(fixtures).sort()) {
      if (!statSync(nodePath.join(fixtures, scenario)).isDirectory()) continue;
      const files = corpusFiles(corpus, `get-fixtures/${scenario}`);
      out.push({ name: `get-fixtures/${scenario}`, files: files.map((path) => ({ path, text: readCorpus(corpus, `get-fixtures/${scenario}`, path) })) });
    }
  }
  for (const fx of FUZZ_FIXTURES) out.push({ name: `fixture/${fx.name}`, files: fx.files.map((text, i) => ({ path: `f${i}.yaml`, text })) });
  return out;
}

function checkFindings(fs: readonly Finding[], text: string, where: string): void {
  for (const f of fs) {
    assert.notEqual(f.rule, 'internal-error', `${where}: ${f.message}`);
    assert.ok(0 <= f.span.start && f.span.start <= f.span.end && f.span.end <= text.length, `${where}: span ${JSON.stringify(f.span)} of ${f.rule} outside 0..${text.length}`);
    assert.ok(typeof f.message === 'string' && f.message.length > 0, `${where}: empty message from ${f.rule}`);
    for (const e of f.fix?.edits ?? []) {
      assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length, `${where}: fix edit ${JSON.stringify({ start: e.start, end: e.end })} of ${f.rule} outside 0..${text.length}`);
    }
  }
}

describe('linting mutated manifests (fuzz)', function () {
  this.timeout(120_000);
  // Without the corpus the fuzz still runs on our fixtures; the corpus's part shows as skipped.
  const corpus = corpusOrSkip();
  const over = corpus ? 'the corpus and our fixtures' : 'our fixtures';

  it(`never throws, never reports internal-error, and keeps spans and fixes inside the text over ${RUNS} mutations of ${over} (seed ${SEED})`, () => {
    const all = sources(corpus);
    const rnd = prng(SEED);
    // One workspace per source, kept across cases: a mutated file stays mutated until the next case
    // picks it again, so files are also linted next to broken neighbours, and the incremental
    // engine sees long edit histories.
    const workspaces = new Map<string, { ws: LintWorkspace; texts: Map<string, string> }>();
    for (let run = 0; run < RUNS; run++) {
      const source = all[Math.floor(rnd() * all.length)]!;
      const target = source.files[Math.floor(rnd() * source.files.length)]!;
      const { text, applied } = mutate(target.text, rnd);
      const where = `case ${run} (FUZZ_SEED=${SEED}) ${source.name} ${target.path} after [${applied.join(', ')}]`;
      let state = workspaces.get(source.name);
      if (!state) {
        const ws = createWorkspace();
        for (const f of source.files) ws.setFile(f.path, f.text);
        state = { ws, texts: new Map(source.files.map((f) => [f.path, f.text])) };
        workspaces.set(source.name, state);
      }
      const { ws, texts } = state;
      const before = texts.get(target.path) ?? '';
      texts.set(target.path, text);
      try {
        // Half the cases go through the editor's path: one edit from the old text to the new.
        if (run % 2 === 0) ws.setFile(target.path, text);
        else ws.editFile(target.path, [singleEdit(before, text)]);
        assert.equal(ws.textOf(target.path), text, `${where}: the workspace holds the edited text`);
        for (const [path, t] of texts) checkFindings(ws.lintFile(path), t, `${where} (linting ${path})`);
        if (run % CONSISTENCY_EVERY < 2) {
          const fresh = lintFiles([...texts].map(([path, t]) => ({ path, text: t })));
          for (const path of texts.keys()) assert.deepEqual(ws.lintFile(path), fresh.get(path), `${where}: incremental lint of ${path} differs from a fresh lint`);
        }
      } catch (e) {
        if (e instanceof assert.AssertionError) throw e;
        throw new Error(`${where}: lint threw ${(e as Error).stack ?? String(e)}\n--- text ---\n${text}`);
      }
    }
  });
});

/** The one edit (common prefix and suffix kept) that turns `a` into `b`. */
function singleEdit(a: string, b: string): { start: number; end: number; newText: string } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let tail = 0;
  while (tail < a.length - start && tail < b.length - start && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { start, end: a.length - tail, newText: b.slice(start, b.length - tail) };
}
