// Terminate AnalysisRun (from the run's row, or from a rollout, picking among its running runs) and
// Create AnalysisRun from Template… (the template, every argument, the name; then the plugin's GET of
// the template and POST of the run). Both go through runRolloutAction's guards.
import { argQuestions, argValueError } from '../../core/actions/analysisRunInputs';
import { runningAnalysisRunNames } from '../../core/actions/availableActions';
import { getRolloutRequest, resourcePath, type ObjectRef } from '../../core/actions/kubeRequest';
import { planTerminateAnalysisRun } from '../../core/actions/planPatches';
import { templateArgs, trackingNotice } from '../../core/actions/planCreateAnalysisRun';
import { arrayAt, at, stringAt } from '../../core/actions/untrusted';
import { ok } from '../../core/result';
import type { TemplateChoice } from './prompts';
import { readForAction } from './readForAction';
import { childOfElement, resolveRollout } from './rolloutTarget';
import { fail, refuse, refuseIfReadOnly, runRolloutAction, type ActionDeps, type ActionOutcome } from './runRolloutAction';

export interface AnalysisRunCommands {
  terminateAnalysisRun(el?: unknown): Promise<ActionOutcome>;
  createAnalysisRun(el?: unknown): Promise<ActionOutcome>;
}

/** Still measuring: not finished and not already told to stop. */
function isRunning(run: unknown): boolean {
  const phase = stringAt(run, 'status', 'phase') ?? '';
  return (phase === '' || phase === 'Pending' || phase === 'Running') && at(run, 'spec', 'terminate') !== true;
}

export function analysisRunCommands(deps: ActionDeps): AnalysisRunCommands {
  const terminate = (rollout: ObjectRef, run: string): Promise<ActionOutcome> => runRolloutAction(deps, {
    action: 'terminateAnalysisRun',
    ref: rollout,
    object: { resource: 'analysisruns', name: run, allowed: isRunning },
    send: (kube, transport) => kube.executePlan(transport, planTerminateAnalysisRun({ namespace: rollout.namespace, name: run })),
  });

  return {
    async terminateAnalysisRun(el?: unknown): Promise<ActionOutcome> {
      const readOnly = refuseIfReadOnly(deps, 'terminateAnalysisRun');
      if (readOnly) return readOnly;
      const row = childOfElement(el, 'analysisRun');
      if (row) return terminate({ namespace: row.namespace, name: row.rollout }, row.name);
      const ref = await resolveRollout(deps, 'terminateAnalysisRun', el);
      if (!ref) return { status: 'cancelled' };
      const rollout = await readForAction(deps, getRolloutRequest(ref));
      if (!rollout.ok) return fail(deps, rollout.error);
      const running = runningAnalysisRunNames(rollout.value);
      if (running.length === 0) return refuse(deps, `Rollout "${ref.name}" has no running AnalysisRun: nothing was sent.`);
      const run = running.length === 1 ? running[0] : await deps.prompts.current.pickAnalysisRun(ref.name, running);
      if (run === undefined) return { status: 'cancelled' };
      return terminate(ref, run);
    },

    async createAnalysisRun(el?: unknown): Promise<ActionOutcome> {
      const readOnly = refuseIfReadOnly(deps, 'createAnalysisRun');
      if (readOnly) return readOnly;
      const ref = await resolveRollout(deps, 'createAnalysisRun', el);
      if (!ref) return { status: 'cancelled' };
      const templates = await templatesOf(deps, ref.namespace);
      if (!templates.ok) return fail(deps, templates.error);
      const chosen = await deps.prompts.current.pickTemplate(ref.namespace, templates.value.map((t) => t.choice));
      if (!chosen) return { status: 'cancelled' };
      const template = templates.value.find((t) => t.choice === chosen)?.object
        ?? templates.value.find((t) => t.choice.name === chosen.name && t.choice.clusterScope === chosen.clusterScope)?.object;
      const questions = argQuestions(template);
      if (!Array.isArray(questions)) return refuse(deps, `Template "${chosen.name}": ${questions.error}`);

      const args: Record<string, string> = {};
      for (const q of questions) {
        const value = await deps.prompts.current.inputArg(chosen.name, q);
        if (value === undefined) return { status: 'cancelled' };
        const problem = argValueError(q, value);
        if (problem) return refuse(deps, `${problem} Nothing was sent.`);
        args[q.name] = value;
      }
      const name = await deps.prompts.current.inputRunName(chosen.name);
      if (!name) return { status: 'cancelled' };

      const kind = chosen.clusterScope ? 'ClusterAnalysisTemplate' : 'AnalysisTemplate';
      const argText = Object.entries(args).map(([k, v]) => `${k}=${v}`).join(', ');
      const named = 'name' in name ? `named "${name.name}"` : `named "${name.generateName}…"`;
      return runRolloutAction(deps, {
        action: 'createAnalysisRun',
        ref,
        detail: [`The run is ${named}, from ${kind} "${chosen.name}"${argText ? ` with ${argText}` : ''}.`, trackingNotice(template)].filter((x) => x !== undefined).join('\n'),
        send: async (kube, transport, r) => {
          const done = await kube.createAnalysisRun(transport, { templateName: chosen.name, clusterScope: chosen.clusterScope, namespace: r.namespace, args, ...name });
          return done.ok ? ok({ message: done.value.message }) : done;
        },
      });
    },
  };
}

interface ListedTemplate {
  readonly choice: TemplateChoice;
  readonly object: unknown;
}

/**
 * The namespace's AnalysisTemplates, then the ClusterAnalysisTemplates. Many users may not list
 * cluster-scoped objects: that list failing only leaves them out.
 */
async function templatesOf(deps: ActionDeps, namespace: string): Promise<{ ok: true; value: ListedTemplate[] } | { ok: false; error: string }> {
  const local = await readForAction(deps, { path: resourcePath('analysistemplates', namespace) });
  if (!local.ok) return local;
  const cluster = await readForAction(deps, { path: resourcePath('clusteranalysistemplates', undefined) });
  const toChoice = (clusterScope: boolean) => (object: unknown): ListedTemplate => ({
    choice: { name: stringAt(object, 'metadata', 'name') ?? '', clusterScope, description: argSummary(object) },
    object,
  });
  return {
    ok: true,
    value: [
      ...arrayAt(local.value, 'items').map(toChoice(false)),
      ...(cluster.ok ? arrayAt(cluster.value, 'items').map(toChoice(true)) : []),
    ].filter((t) => t.choice.name !== ''),
  };
}

/** `namespace, quantile=0.95, token (from secret)`: what the picker shows under a template. */
function argSummary(template: unknown): string {
  const args = templateArgs(template);
  if (!Array.isArray(args)) return args.error;
  if (args.length === 0) return 'no arguments';
  return args.map((a) => (a.valueFrom ? `${a.name} (valueFrom)` : a.value !== undefined ? `${a.name}=${a.value}` : a.name)).join(', ');
}
