// The reads an action needs before its questions (the containers for Set Image, the revisions for
// Undo, the templates for Create AnalysisRun), through the session's connection. They change
// nothing; runRolloutAction reads the rollout again right before the confirmation.
import type { KubeRequest } from '../../core/actions/kubeRequest';
import { err, ok, type Result } from '../../core/result';
import type { ActionDeps } from './runRolloutAction';

/** A GET or LIST of the plan vocabulary; the error is the message to show. */
export async function readForAction(deps: ActionDeps, request: Pick<KubeRequest, 'path' | 'labelSelector'>): Promise<Result<unknown, string>> {
  const state = deps.session.start();
  if (state.kind !== 'connected') return err(state.kind === 'failed' ? state.error.message : 'Not connected to a cluster.');
  const query = request.labelSelector !== undefined ? { labelSelector: request.labelSelector } : undefined;
  const answer = await state.transport.send({ method: 'GET', path: request.path, ...(query ? { query } : {}) });
  return answer.ok ? ok(answer.value.body) : err(answer.error.message);
}
