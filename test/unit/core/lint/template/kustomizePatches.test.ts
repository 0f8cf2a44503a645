// Kustomize patches are partial objects: what they set is checked, what they leave to the base is not
// reported missing; JSON 6902 operations must name fields the target kind has.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { lintFiles } from '../../../../../src/core/lint/lint';
import { readKustomization } from '../../../../../src/core/lint/template/kustomization';
import { FIXTURES, lineOf, lintTree, replaceOnce } from './chartKit';

const TREE = nodePath.join(FIXTURES, 'kustomize');
const SM = 'overlays/prod/rollout-steps.yaml';
const JSON6902 = 'overlays/prod/patches/replicas-6902.yaml';
const read = (rel: string): string => readFileSync(nodePath.join(TREE, rel), 'utf8');

describe('Kustomize patches linted as partial objects', () => {
  it('the fixture overlay (strategic-merge and JSON 6902 patches, in patches, patchesStrategicMerge and patchesJson6902) has no finding', () => {
    const all = [...lintTree(TREE)].flatMap(([file, fs]) => fs.map((f) => `${file}:${f.line}: ${f.rule}: ${f.message}`));
    assert.deepEqual(all, []);
  });

  it('the same Rollout patch read as a manifest would be missing its selector: as a patch it is not', () => {
    const asManifest = lintFiles([{ path: 'p.yaml', text: read(SM) }]).get('p.yaml')!;
    assert.ok(asManifest.some((f) => f.message.includes("missing field '.spec.selector'")), 'a manifest without selector is reported');
    const asPatch = lintTree(TREE).get(SM)!;
    assert.deepEqual(asPatch, []);
  });

  it('every field a patch sets is checked: setWeight 150 is an error at that line', () => {
    const results = lintTree(TREE, (rel, t) => (rel === SM ? replaceOnce(t, 'setWeight: 50', 'setWeight: 150') : t));
    const f = results.get(SM)!.find((x) => x.rule === 'step-set-weight-range');
    assert.ok(f);
    assert.equal(f.line, lineOf(read(SM), 'setWeight: 50'));
    assert.equal(f.text, '150');
  });

  it('a misspelt field in a patch is reported as unknown', () => {
    const results = lintTree(TREE, (rel, t) => (rel === SM ? replaceOnce(t, '      steps:', '      stepz:') : t));
    assert.ok(results.get(SM)!.some((x) => x.rule === 'unknown-field' && x.text === 'stepz'));
  });

  it('a JSON 6902 operation whose path the target kind does not have is reported at the path', () => {
    const results = lintTree(TREE, (rel, t) => (rel === JSON6902 ? replaceOnce(t, '/spec/strategy/canary/steps/-', '/spec/strategy/canary/stepz/-') : t));
    const f = results.get(JSON6902)!.find((x) => x.rule === 'kustomize-patch-path');
    assert.ok(f);
    assert.equal(f.line, lineOf(read(JSON6902), '/spec/strategy/canary/steps/-'));
    assert.match(f.message, /Rollout has no field spec\.strategy\.canary\.stepz/);
  });

  it('a JSON 6902 path into a scalar or a list without an index is reported', () => {
    const results = lintTree(TREE, (rel, t) => (rel === JSON6902 ? replaceOnce(replaceOnce(t, '/spec/replicas', '/spec/replicas/count'), '/spec/strategy/canary/steps/-', '/spec/strategy/canary/steps/first') : t));
    const messages = results.get(JSON6902)!.map((x) => x.message);
    assert.equal(messages.length, 2, messages.join('\n'));
    assert.match(messages[0]!, /spec\.replicas\.count \(spec\.replicas is an integer\)/);
    assert.match(messages[1]!, /steps\[first\] \(spec\.strategy\.canary\.steps is a list/);
  });

  it('reads the patches a kustomization lists, with their target kinds', () => {
    const k = readKustomization(read('overlays/prod/kustomization.yaml'));
    assert.deepEqual(
      k.patches.map((p) => `${p.path} ${p.json6902 ? '6902' : 'any'} ${p.targetKind ?? '-'}`),
      ['rollout-steps.yaml any -', 'patches/image.yaml any Rollout', 'patches/analysis-6902.yaml any Rollout', 'patches/replicas-6902.yaml 6902 Rollout'],
    );
    assert.deepEqual(k.resources, ['../../base']);
  });
});
