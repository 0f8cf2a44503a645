import { strict as assert } from 'node:assert';
import { runOrigin } from '../../../../src/core/panel/runOrigin';

const run = (name: string, labels: Record<string, string> = {}): unknown => ({ metadata: { name, labels } });

describe('Analysis run origin', () => {
  const cases: [string, unknown, string][] = [
    ['a Background label is background analysis', run('x', { 'rollout-type': 'Background' }), 'background'],
    ['a Step label counts the step from 1 (step-index 0 is step 1)', run('x', { 'rollout-type': 'Step', 'step-index': '0' }), 'step 1'],
    ['PrePromotion is the blue-green pre-promotion analysis', run('x', { 'rollout-type': 'PrePromotion' }), 'prePromotion'],
    ['PostPromotion is the blue-green post-promotion analysis', run('x', { 'rollout-type': 'PostPromotion' }), 'postPromotion'],
    ['an unlabelled <rollout>-<hash>-<revision> is background analysis', run('web-7c9f6b8d4-3'), 'background'],
    ['an unlabelled <rollout>-<hash>-<revision>-<index> is a step', run('web-7c9f6b8d4-3-4'), 'step 5'],
    ['a name collision suffix is ignored', run('web-7c9f6b8d4-3-4.2'), 'step 5'],
    ['-pre and -post are blue-green analysis', run('web-7c9f6b8d4-3-pre'), 'prePromotion'],
    ['-post is the post-promotion analysis', run('web-7c9f6b8d4-3-post.1'), 'postPromotion'],
    ['a Step label without a readable index falls back on the name', run('web-7c9f6b8d4-3-2', { 'rollout-type': 'Step', 'step-index': 'x' }), 'step 3'],
    ['a Step label and a foreign name is just a step', run('adhoc', { 'rollout-type': 'Step' }), 'step'],
    ['a run of another shape is just analysis', run('adhoc-run'), 'analysis'],
    ['an unreadable run is just analysis', 42, 'analysis'],
  ];
  for (const [name, r, want] of cases) {
    it(name, () => {
      assert.equal(runOrigin(r, 'web'), want);
    });
  }
});
