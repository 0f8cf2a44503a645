import { strict as assert } from 'node:assert';
import { callerChoice } from '../../../../src/core/preview/callerChoice';

describe('a caller in the Preview Query picker', () => {
  const relative = (file: string): string => file.replace('file:///work/demo/', '');

  it('names the file each caller is written in, so two copies of one Rollout read apart', () => {
    const calls = [
      { rolloutName: 'gitops-hugo', rollout: {}, where: 'background analysis', args: [], file: 'file:///work/demo/gitops-hugo/rollout.yaml' },
      { rolloutName: 'gitops-hugo', rollout: {}, where: 'background analysis', args: [], file: 'file:///work/demo/gitops-hugo/new-version.yaml' },
    ];
    assert.deepEqual(calls.map((c) => callerChoice(c, relative)), [
      { label: 'gitops-hugo', description: 'background analysis · gitops-hugo/rollout.yaml' },
      { label: 'gitops-hugo', description: 'background analysis · gitops-hugo/new-version.yaml' },
    ]);
  });

  it('says where the call is alone when the file is not known', () => {
    assert.deepEqual(callerChoice({ rolloutName: 'web', rollout: {}, where: 'step 3 analysis', args: [] }, relative), { label: 'web', description: 'step 3 analysis' });
  });
});
