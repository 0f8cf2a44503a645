// Set Image…: the container (init and ephemeral ones included, as the plugin matches them) with its
// current image, the new image (checked), then the plugin's GET + PUT with retries on 409. A rollout
// with spec.workloadRef has its containers, and gets its new image, in the referenced Deployment.
import { getRolloutRequest } from '../../core/actions/kubeRequest';
import { listContainers, setImageTarget } from '../../core/actions/planSetImage';
import { ok } from '../../core/result';
import type { ContainerChoice } from './prompts';
import { readForAction } from './readForAction';
import { resolveRollout } from './rolloutTarget';
import { fail, refuse, refuseIfReadOnly, runRolloutAction, type ActionDeps, type ActionOutcome } from './runRolloutAction';

export interface SetImageCommand {
  setImageRollout(el?: unknown): Promise<ActionOutcome>;
}

export function setImageCommand(deps: ActionDeps): SetImageCommand {
  return {
    async setImageRollout(el?: unknown): Promise<ActionOutcome> {
      const readOnly = refuseIfReadOnly(deps, 'setImage');
      if (readOnly) return readOnly;
      const ref = await resolveRollout(deps, 'setImage', el);
      if (!ref) return { status: 'cancelled' };

      const rollout = await readForAction(deps, getRolloutRequest(ref));
      if (!rollout.ok) return fail(deps, rollout.error);
      const target = setImageTarget(ref, rollout.value);
      if ('error' in target) return refuse(deps, `Set Image: ${target.error}`);
      let podOwner = rollout.value;
      if (target.kind === 'Deployment') {
        const deployment = await readForAction(deps, target.read);
        if (!deployment.ok) return fail(deps, deployment.error);
        podOwner = deployment.value;
      }
      const containers: ContainerChoice[] = listContainers(podOwner).map((c) => ({ name: c.name, image: c.image ?? '', list: c.list }));
      if (containers.length === 0) return refuse(deps, `Set Image: ${target.kind.toLowerCase()} "${target.ref.name}" has no containers.`);
      const choices = containers.length > 1 ? [...containers, { name: '*', image: '', list: '' }] : containers;

      const container = await deps.prompts.current.pickContainer(ref.name, choices);
      if (!container) return { status: 'cancelled' };
      const image = await deps.prompts.current.inputImage(container.name, container.image);
      if (image === undefined || image === '') return { status: 'cancelled' };

      const who = container.name === '*' ? 'Every container' : `Container "${container.name}"`;
      const where = target.kind === 'Deployment' ? ` The image is set in Deployment "${target.ref.name}" (spec.workloadRef).` : '';
      return runRolloutAction(deps, {
        action: 'setImage',
        ref,
        detail: `${who} gets image "${image}".${where}`,
        ...(target.kind === 'Deployment' ? { changes: { body: podOwner, subject: `Deployment "${target.ref.name}" (spec.workloadRef)` } } : {}),
        send: async (kube, transport, r) => {
          const done = await kube.setRolloutImage(transport, r, container.name, image);
          return done.ok ? ok({ message: done.value.message }) : done;
        },
      });
    },
  };
}
