// The plugin's actions on rollouts of the upstream get fixtures (the corpus; skipped with one line
// when it is not there, required under CI=true).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { availableActions, rolloutActionState } from '../../../../src/core/actions/availableActions';
import { planPromote } from '../../../../src/core/actions/planPromote';
import { planUndo, rolloutRevisions } from '../../../../src/core/actions/planUndo';
import { describeWithCorpus } from '../../../support/argoRolloutsCorpus';
import { REF } from './rolloutBuilder';

describeWithCorpus('actions on the upstream get fixtures', (corpus) => {
  const fixture = (...parts: string[]): unknown => parse(fs.readFileSync(path.join(corpus, 'get-fixtures', ...parts), 'utf8'));

  it('goes back from revision 2 to 1 on the aborted rollout', () => {
    const ro = fixture('rollout-aborted', 'rollout.yaml');
    const rs1 = fixture('rollout-aborted', 'rs1.yaml');
    const rs2 = fixture('rollout-aborted', 'rs2.yaml');
    const plan = planUndo({ namespace: 'jesse-test', name: 'rollout-aborted' }, ro, [rs1, rs2]);
    assert.ok('requests' in plan, JSON.stringify(plan));
    const body = plan.requests[0]?.body;
    assert.ok(Array.isArray(body));
    const value = (body[0] as { value: { metadata?: { labels?: Record<string, string> } } }).value;
    assert.equal(value.metadata?.labels?.['rollouts-pod-template-hash'], undefined);
    assert.deepEqual(rolloutRevisions(ro, [rs1, rs2]).map((r) => r.revision), [2, 1]);
  });

  it('offers Retry and not Promote on the aborted rollout', () => {
    const actions = availableActions(rolloutActionState(fixture('rollout-aborted', 'rollout.yaml'), { phase: 'Degraded', revisionCount: 2 }));
    assert.equal(actions.has('retry'), true);
    assert.equal(actions.has('promote'), false);
    assert.equal(actions.has('abort'), false);
  });

  it('clears the BlueGreenPause of the blue-green fixture', () => {
    const requests = planPromote(REF, fixture('blue-green', 'bluegreen-rollout.yaml'), { full: false }).requests;
    assert.deepEqual(
      requests.map((r) => `${r.method} ${r.path} ${JSON.stringify(r.body)}`),
      ['PATCH /apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/web/status {"status":{"pauseConditions":null}}'],
    );
  });
});
