// A Pod row of the tree: kubectl's pod STATUS logic as the plugin copies it (info/pod_info.go).
import { at, int, isObject, list, str } from './jsonFields';
import { podIcon } from './icons';
import { ObjectMetaInfo, objectMeta } from './objectMeta';

export interface PodInfo extends ObjectMetaInfo {
  /** kubectl's STATUS: Running, ImagePullBackOff, Init:0/1, Terminating, Completed, CrashLoopBackOff, … */
  status: string;
  icon: string;
  /** Containers that are ready and running, out of spec.containers. */
  readyContainers: number;
  totalContainers: number;
  /** `<ready>/<total>`, as in the INFO column. */
  ready: string;
  restarts: number;
}

// Pod.status.reason the node lifecycle controller sets when the node is gone.
const NODE_UNREACHABLE_REASON = 'NodeLost';

export function podInfo(pod: unknown): PodInfo {
  const initSpecs = list(at(pod, 'spec', 'initContainers'));
  // Sidecars are init containers with restartPolicy Always: they keep running, so a started and
  // ready one does not hold the pod in Init.
  const sidecars = new Set(initSpecs.filter((c) => isObject(c) && c.restartPolicy === 'Always').map((c) => str(at(c, 'name'))));
  const totalContainers = list(at(pod, 'spec', 'containers')).length;
  const podReason = str(at(pod, 'status', 'reason'));
  let reason = podReason !== '' ? podReason : str(at(pod, 'status', 'phase'));
  let restarts = 0;
  let readyContainers = 0;

  let initializing = false;
  const initStatuses = list(at(pod, 'status', 'initContainerStatuses'));
  for (const [i, c] of initStatuses.entries()) {
    restarts += int(at(c, 'restartCount'));
    const terminated = at(c, 'state', 'terminated');
    const waitingReason = str(at(c, 'state', 'waiting', 'reason'));
    if (isObject(terminated) && int(terminated.exitCode) === 0) continue;
    if (isObject(terminated)) {
      const r = str(terminated.reason);
      if (r !== '') reason = `Init:${r}`;
      else if (int(terminated.signal) !== 0) reason = `Init:Signal:${int(terminated.signal)}`;
      else reason = `Init:ExitCode:${int(terminated.exitCode)}`;
      initializing = true;
    } else if (sidecars.has(str(at(c, 'name'))) && at(c, 'started') === true) {
      if (at(c, 'ready') === true) continue;
    } else if (isObject(at(c, 'state', 'waiting')) && waitingReason !== '' && waitingReason !== 'PodInitializing') {
      reason = `Init:${waitingReason}`;
      initializing = true;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
      initializing = true;
    }
    break;
  }

  if (!initializing) {
    restarts = 0;
    let hasRunning = false;
    const statuses = list(at(pod, 'status', 'containerStatuses'));
    // Backwards, so the first container's state wins, as in kubectl.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += int(at(c, 'restartCount'));
      const waitingReason = str(at(c, 'state', 'waiting', 'reason'));
      const terminated = at(c, 'state', 'terminated');
      if (waitingReason !== '') {
        reason = waitingReason;
      } else if (isObject(terminated) && str(terminated.reason) !== '') {
        reason = str(terminated.reason);
      } else if (isObject(terminated)) {
        reason = int(terminated.signal) !== 0 ? `Signal:${int(terminated.signal)}` : `ExitCode:${int(terminated.exitCode)}`;
      } else if (at(c, 'ready') === true && isObject(at(c, 'state', 'running'))) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A pod whose main container completed while a sidecar still runs is still running.
    if (reason === 'Completed' && hasRunning) reason = 'Running';
  }

  if (at(pod, 'metadata', 'deletionTimestamp') != null) {
    reason = podReason === NODE_UNREACHABLE_REASON ? 'Unknown' : 'Terminating';
  }

  return {
    ...objectMeta(pod),
    status: reason,
    icon: podIcon(reason),
    readyContainers,
    totalContainers,
    ready: `${readyContainers}/${totalContainers}`,
    restarts,
  };
}
