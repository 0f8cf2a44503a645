// Conformance with `kubectl argo rollouts get`: every case of the upstream get_test.go, as recorded in
// corpus/argo-rollouts/get-fixtures/EXPECTED.md, rendered from the same cluster snapshots and
// compared to the exact expected text. EXPECTED.md is parsed here, never copied into the repository.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { experimentInfo, type RelatedObjects } from '../../../../src/core/rollout/experimentInfo';
import { OwnerIndex } from '../../../../src/core/rollout/ownerIndex';
import { renderGet, renderGetExperiment } from '../../../../src/core/rollout/renderGet';
import { rolloutInfo } from '../../../../src/core/rollout/rolloutInfo';
import { describeWithCorpus } from '../../../support/argoRolloutsCorpus';


// A fixed clock with a sub-second part: upstream truncates "7 days ago" and the scale-down deadline
// to whole seconds and renders a moment later, which is why it prints `delay:3h59m` for "now+4h".
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0, 500);
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

type Obj = Record<string, unknown>;

interface ScaleDownTweak {
  replicaSetIndex: number;
  offsetHours: number;
  removeHashLabel: boolean;
}

interface Case {
  name: string;
  folder: string;
  rolloutIndex: number;
  experiment: boolean;
  tweak: ScaleDownTweak | undefined;
  expected: string;
}

function ordinal(word: string | undefined): number {
  const i = ORDINALS.indexOf((word ?? '').toLowerCase());
  assert.ok(i >= 0, `EXPECTED.md uses an ordinal this test does not know: ${word}`);
  return i;
}

function offsetHours(text: string): number {
  const m = /now([+-]\d+)h/.exec(text);
  assert.ok(m?.[1], `EXPECTED.md describes a deadline this test cannot read: ${text}`);
  return Number(m[1]);
}

/** The `## Test…` sections of EXPECTED.md with their bullets and ```text block. */
function parseExpected(markdown: string): Case[] {
  const cases: Case[] = [];
  let previousTweak: ScaleDownTweak | undefined;
  for (const section of markdown.split(/^## /m).slice(1)) {
    const name = section.slice(0, section.indexOf('\n')).trim();
    const bullets = [...section.matchAll(/^- (.*)$/gm)].map((m) => m[1] ?? '');
    const block = /```text\n([\s\S]*?)```/.exec(section);
    assert.ok(block?.[1] !== undefined, `${name}: no text block in EXPECTED.md`);
    const folder = /Fixture folder: `([^`/]+)\/?`/.exec(section)?.[1];
    assert.ok(folder, `${name}: no fixture folder in EXPECTED.md`);
    let tweak: ScaleDownTweak | undefined;
    for (const bullet of bullets) {
      if (bullet.includes('scale-down-deadline')) {
        tweak = {
          replicaSetIndex: ordinal(/(\w+) ReplicaSet in file-name order/.exec(bullet)?.[1]),
          offsetHours: offsetHours(bullet),
          removeHashLabel: bullet.includes('rollouts-pod-template-hash'),
        };
      } else if (bullet.startsWith('Same as above') && previousTweak) {
        tweak = { ...previousTweak, offsetHours: offsetHours(bullet) };
      }
    }
    previousTweak = tweak;
    const rolloutWord = /Rollout = (\w+) Rollout file/.exec(section)?.[1];
    cases.push({
      name,
      folder,
      rolloutIndex: rolloutWord === undefined ? 0 : ordinal(rolloutWord),
      experiment: /`get experiment/.test(section),
      tweak,
      expected: block[1],
    });
  }
  return cases;
}

const rfc3339 = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const truncateToSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;

function obj(v: unknown): Obj {
  assert.ok(typeof v === 'object' && v !== null && !Array.isArray(v));
  return v as Obj;
}

/** One object per file, files in name order, with the upstream loader's adjustments (testdata.go). */
function loadSnapshot(fixtures: string, folder: string): Map<string, Obj[]> {
  const aWeekAgo = rfc3339(truncateToSecond(NOW - 7 * 24 * 3600 * 1000));
  const byKind = new Map<string, Obj[]>();
  const files = fs.readdirSync(path.join(fixtures, folder)).filter((f) => /\.ya?ml$/.test(f)).sort();
  for (const file of files) {
    const o = obj(parse(fs.readFileSync(path.join(fixtures, folder, file), 'utf8')));
    const kind = String(o.kind);
    obj(o.metadata).creationTimestamp = aWeekAgo;
    if (kind === 'AnalysisRun') {
      // Upstream also dates the first metric's measurements a week back, so Jobs show `7d`.
      const first = obj((obj(o.status).metricResults as unknown[])[0]);
      for (const m of first.measurements as unknown[]) Object.assign(obj(m), { startedAt: aWeekAgo, finishedAt: aWeekAgo });
    }
    byKind.set(kind, [...(byKind.get(kind) ?? []), o]);
  }
  return byKind;
}

function applyTweak(snapshot: Map<string, Obj[]>, tweak: ScaleDownTweak): void {
  const rs = snapshot.get('ReplicaSet')?.[tweak.replicaSetIndex];
  assert.ok(rs, 'the ReplicaSet EXPECTED.md names is not in the folder');
  const meta = obj(rs.metadata);
  meta.annotations = { ...obj(meta.annotations ?? {}), 'scale-down-deadline': rfc3339(truncateToSecond(NOW + tweak.offsetHours * 3600 * 1000)) };
  if (tweak.removeHashLabel) delete obj(meta.labels)['rollouts-pod-template-hash'];
}

/**
 * `owned`: each object gets only what OwnerIndex says it owns, as the tree's store hands it over,
 * instead of every object of the snapshot.
 */
function render(fixtures: string, c: Case, owned = false): string {
  const snapshot = loadSnapshot(fixtures, c.folder);
  if (c.tweak) applyTweak(snapshot, c.tweak);
  const all = {
    replicaSets: snapshot.get('ReplicaSet') ?? [],
    pods: snapshot.get('Pod') ?? [],
    experiments: snapshot.get('Experiment') ?? [],
    analysisRuns: snapshot.get('AnalysisRun') ?? [],
  };
  const index = new OwnerIndex(all);
  const relatedTo = (o: Obj): RelatedObjects => (owned ? index.relatedTo(String(obj(o.metadata).uid ?? '')) : all);
  if (c.experiment) {
    const [exp] = all.experiments;
    assert.ok(exp, 'no Experiment in the folder');
    return renderGetExperiment(experimentInfo(exp, relatedTo(exp), NOW), NOW);
  }
  const rollout = snapshot.get('Rollout')?.[c.rolloutIndex];
  assert.ok(rollout, `no Rollout number ${c.rolloutIndex + 1} in the folder`);
  return renderGet(rolloutInfo(rollout, relatedTo(rollout), NOW), NOW);
}

const stripTrailingSpaces = (s: string): string => s.split('\n').map((l) => l.replace(/ +$/, '')).join('\n');

describeWithCorpus('kubectl argo rollouts get: the upstream fixtures render exactly as the plugin prints them', (corpus) => {
  const FIXTURES = path.join(corpus, 'get-fixtures');
  const cases = parseExpected(fs.readFileSync(path.join(FIXTURES, 'EXPECTED.md'), 'utf8'));
  it('finds the test cases in EXPECTED.md', () => assert.ok(cases.length >= 9, `only ${cases.length} cases parsed`));
  for (const c of cases) {
    it(`${c.name} (${c.folder}/)`, () => assert.equal(stripTrailingSpaces(render(FIXTURES, c)), stripTrailingSpaces(c.expected)));
    it(`${c.name} (${c.folder}/), given only the objects the tree's owner index says it owns`, () => assert.equal(stripTrailingSpaces(render(FIXTURES, c, true)), stripTrailingSpaces(c.expected)));
  }
});
