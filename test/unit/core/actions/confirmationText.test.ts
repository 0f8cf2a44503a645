import { strict as assert } from 'node:assert';
import { ACTION_IDS, ACTIONS } from '../../../../src/core/actions/actionIds';
import { confirmationText } from '../../../../src/core/actions/confirmationText';

const subject = { context: 'prod-eu', namespace: 'shop', rollout: 'web', target: 'web-6d4f-2-1' };

describe('confirmation text', () => {
  for (const id of ACTION_IDS.filter((a) => ACTIONS[a].mutating)) {
    it(`for ${id} names the context, namespace and rollout`, () => {
      const text = confirmationText(id, subject);
      assert.match(text, /context "prod-eu"/);
      assert.match(text, /namespace "shop"/);
      assert.match(text, /rollout "web"/);
    });
  }

  it('reads as one question plus what will happen', () => {
    assert.equal(
      confirmationText('abort', subject),
      'Abort rollout "web" in namespace "shop" on context "prod-eu"? The update stops and traffic goes back to the stable version; spec.template still holds the new version.',
    );
  });

  it('says what is created for Create AnalysisRun', () => {
    assert.match(confirmationText('createAnalysisRun', subject), /^Create an AnalysisRun for rollout "web" in namespace "shop" on context "prod-eu"\?/);
  });

  it('names the AnalysisRun for actions on a run, and adds the detail', () => {
    assert.equal(
      confirmationText('terminateAnalysisRun', { ...subject, detail: 'It has 3 measurements.' }),
      'Terminate AnalysisRun "web-6d4f-2-1" of rollout "web" in namespace "shop" on context "prod-eu"? The analysis stops taking measurements and ends with its current result. It has 3 measurements.',
    );
  });
});
