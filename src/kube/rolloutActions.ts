// The actions that read before they write (call orders in src/core/actions/README.md): promote,
// set image (retried on 409), undo and create AnalysisRun. The single-request actions (abort,
// retry, pause, restart, terminate) are executePlan(transport, planX(ref)).
import { analysisRunCreatedMessage, analysisTemplateRequest, planCreateAnalysisRun, type CreateAnalysisRunOptions } from '../core/actions/planCreateAnalysisRun';
import { getRolloutRequest, type ObjectRef } from '../core/actions/kubeRequest';
import { planPromote, type PromoteOptions } from '../core/actions/planPromote';
import { planSetImage, planSetImageUpdate, SET_IMAGE_MAX_ATTEMPTS, setImageTarget } from '../core/actions/planSetImage';
import { planUndo, undoListRequest } from '../core/actions/planUndo';
import { stringAt } from '../core/actions/untrusted';
import { err, ok, type Result } from '../core/result';
import type { KubeTransport } from './clusterConnection';
import { executePlan, sendRequest, type ActionDone, type ActionError, type ExecuteOptions } from './executePlan';

function refused(message: string): { ok: false; error: ActionError } {
  return err({ kind: 'refused', message });
}

export async function promoteRollout(t: KubeTransport, ref: ObjectRef, options: PromoteOptions, exec: ExecuteOptions = {}): Promise<Result<ActionDone, ActionError>> {
  const got = await sendRequest(t, getRolloutRequest(ref));
  if (!got.ok) return got;
  return executePlan(t, planPromote(ref, got.value.body, options), exec);
}

/**
 * GET, change the image, PUT; a 409 (someone wrote in between) repeats the whole chain, up to
 * SET_IMAGE_MAX_ATTEMPTS times in all, as the plugin does. Access is checked before the first PUT.
 */
export async function setRolloutImage(t: KubeTransport, ref: ObjectRef, container: string, image: string, exec: ExecuteOptions = {}): Promise<Result<ActionDone, ActionError>> {
  let last: Result<ActionDone, ActionError> = refused('set image did not run');
  for (let attempt = 0; attempt < SET_IMAGE_MAX_ATTEMPTS; attempt++) {
    const got = await sendRequest(t, getRolloutRequest(ref));
    if (!got.ok) return got;
    const target = setImageTarget(ref, got.value.body);
    if ('error' in target) return refused(target.error);
    let obj = got.value.body;
    if (target.kind === 'Deployment') {
      const deployment = await sendRequest(t, target.read);
      if (!deployment.ok) return deployment;
      obj = deployment.value.body;
    }
    const updated = planSetImage(obj, container, image);
    if ('error' in updated) return refused(updated.error);
    last = await executePlan(t, planSetImageUpdate(target, updated.updated), { checkAccess: attempt === 0 && exec.checkAccess !== false });
    if (last.ok || last.error.kind !== 'conflict') return last;
  }
  return last;
}

/** `skipped rollback (...)` is a success with that message, as the plugin prints it and exits 0. */
export async function undoRollout(t: KubeTransport, ref: ObjectRef, toRevision = 0, exec: ExecuteOptions = {}): Promise<Result<ActionDone, ActionError>> {
  const got = await sendRequest(t, getRolloutRequest(ref));
  if (!got.ok) return got;
  const listRequest = undoListRequest(ref, got.value.body);
  if ('error' in listRequest) return refused(listRequest.error);
  const listed = await sendRequest(t, listRequest);
  if (!listed.ok) return listed;
  const items: unknown = typeof listed.value.body === 'object' && listed.value.body !== null ? Reflect.get(listed.value.body, 'items') : undefined;
  const plan = planUndo(ref, got.value.body, Array.isArray(items) ? items : [], toRevision);
  if ('skipped' in plan) return ok({ message: plan.skipped, answers: [] });
  if ('error' in plan) return refused(plan.error);
  return executePlan(t, plan, exec);
}

export interface CreateAnalysisRunRequest extends CreateAnalysisRunOptions {
  readonly templateName: string;
  /** `--global`: the template is a ClusterAnalysisTemplate. */
  readonly clusterScope: boolean;
}

/** GET the template, build the run, POST it; the message names the run the server created. */
export async function createAnalysisRun(t: KubeTransport, request: CreateAnalysisRunRequest, exec: ExecuteOptions = {}): Promise<Result<ActionDone, ActionError>> {
  const got = await sendRequest(t, analysisTemplateRequest(request.namespace, request.templateName, request.clusterScope));
  if (!got.ok) return got;
  const plan = planCreateAnalysisRun(got.value.body, request);
  if ('error' in plan) return refused(plan.error);
  const done = await executePlan(t, { requests: plan.requests, message: '' }, exec);
  if (!done.ok) return done;
  const created = done.value.answers.at(-1)?.body;
  return ok({ message: analysisRunCreatedMessage(stringAt(created, 'metadata', 'name') ?? ''), answers: done.value.answers });
}
