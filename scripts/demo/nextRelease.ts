// Keeps a gitops-hugo canary under way in the demo, so the walkthrough's "watch the canary move on its
// own" holds whenever the user gets there: a minute after a canary of the workspace's release finishes
// (Healthy on that image), the next build of the same release starts a new canary, as a CI pipeline
// shipping the same version again would. The new build is a new pod template: the demo stamps it with
// a build annotation, which makes a new revision without changing the image the editor shows. A
// release the user launched (another image), or a rollout that is not Healthy, is left alone.
import { at } from '../../src/core/rollout/jsonFields';
import type { ClusterStore } from '../../testbed/apiDouble/clusterStore';
import { cloneJson, isJsonObject, type JsonObject } from '../../testbed/apiDouble/jsonValue';
import type { CanarySimulator } from '../../testbed/canarySimulator/canarySimulator';
import type { SimClock } from '../../testbed/canarySimulator/simClock';

/** The pod template annotation that numbers the demo's builds of one release. */
export const BUILD_ANNOTATION = 'demo.argo-rollouts-vscode/build';
export const NEXT_RELEASE_AFTER_MS = 60_000;

export interface NextReleaseOptions {
  readonly namespace: string;
  readonly name: string;
  /** The image the demo re-releases (the workspace's rollout.yaml); other images are the user's. */
  readonly image: string;
  /** How long a finished canary stays Healthy before the next build starts. */
  readonly afterMs?: number;
  readonly log?: (line: string) => void;
}

function firstImage(rollout: JsonObject | undefined): unknown {
  const containers = at(rollout, 'spec', 'template', 'spec', 'containers');
  return Array.isArray(containers) ? at(containers[0], 'image') : undefined;
}

/** Healthy on `image`: its canary is over (the controller marks Healthy only when stable is the current revision). */
function finishedOn(rollout: JsonObject | undefined, image: string): boolean {
  return at(rollout, 'status', 'phase') === 'Healthy' && at(rollout, 'status', 'stableRS') === at(rollout, 'status', 'currentPodHash') && firstImage(rollout) === image;
}

/** Starts the loop; returns the function that stops it. */
export function keepCanaryGoing(store: ClusterStore, simulator: CanarySimulator, clock: SimClock, options: NextReleaseOptions): () => void {
  const afterMs = options.afterMs ?? NEXT_RELEASE_AFTER_MS;
  const ref = { resource: 'rollouts', namespace: options.namespace, name: options.name };
  let cancel: (() => void) | undefined;

  const startNextBuild = (): void => {
    cancel = undefined;
    const current = store.get(ref);
    if (!current || !finishedOn(current, options.image)) return;
    const next = cloneJson(current);
    const template = at(next, 'spec', 'template');
    if (!isJsonObject(template)) return;
    const metadata = isJsonObject(template.metadata) ? template.metadata : (template.metadata = {});
    const annotations = isJsonObject(metadata.annotations) ? metadata.annotations : (metadata.annotations = {});
    const build = Number(annotations[BUILD_ANNOTATION] ?? 1) + 1;
    annotations[BUILD_ANNOTATION] = String(build);
    store.update('rollouts', next);
    simulator.settle();
    options.log?.(`${options.namespace}/${options.name}: build ${build} of ${options.image} starts a new canary`);
  };

  const check = (): void => {
    const done = finishedOn(store.get(ref), options.image);
    if (done && !cancel) cancel = clock.at(clock.nowMs() + afterMs, startNextBuild);
    else if (!done && cancel) {
      cancel();
      cancel = undefined;
    }
  };

  const unsubscribe = store.onEvent((event) => {
    if (event.resource.plural === 'rollouts' && at(event.object, 'metadata', 'name') === options.name && at(event.object, 'metadata', 'namespace') === options.namespace) check();
  });
  check();
  return () => {
    unsubscribe();
    cancel?.();
  };
}
