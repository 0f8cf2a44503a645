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

interface InitState {
  reason: string | undefined;
  restarts: number;
  initializing: boolean;
}

// The first init container that is not done decides the status (Init:<reason> or Init:<i>/<n>).
function initState(pod: unknown): InitState {
  const specs = list(at(pod, 'spec', 'initContainers'));
  // Sidecars are init containers with restartPolicy Always: they keep running, so a started and
  // ready one does not hold the pod in Init.
  const sidecars = new Set(specs.filter((c) => isObject(c) && c.restartPolicy === 'Always').map((c) => str(at(c, 'name'))));
  let restarts = 0;
  for (const [i, c] of list(at(pod, 'status', 'initContainerStatuses')).entries()) {
    restarts += int(at(c, 'restartCount'));
    const terminated = at(c, 'state', 'terminated');
    const waitingReason = str(at(c, 'state', 'waiting', 'reason'));
    if (isObject(terminated)) {
      const code = int(terminated.exitCode);
      if (code === 0) continue;
      const r = str(terminated.reason);
      const signal = int(terminated.signal);
      return { reason: r !== '' ? `Init:${r}` : signal !== 0 ? `Init:Signal:${signal}` : `Init:ExitCode:${code}`, restarts, initializing: true };
    }
    if (sidecars.has(str(at(c, 'name'))) && at(c, 'started') === true) {
      if (at(c, 'ready') === true) continue;
      return { reason: undefined, restarts, initializing: false };
    }
    if (waitingReason !== '' && waitingReason !== 'PodInitializing') return { reason: `Init:${waitingReason}`, restarts, initializing: true };
    return { reason: `Init:${i}/${specs.length}`, restarts, initializing: true };
  }
  return { reason: undefined, restarts, initializing: false };
}

interface ContainersState {
  reason: string | undefined;
  restarts: number;
  ready: number;
  hasRunning: boolean;
}

function containersState(pod: unknown): ContainersState {
  let reason: string | undefined;
  let restarts = 0;
  let ready = 0;
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
      ready++;
    }
  }
  return { reason, restarts, ready, hasRunning };
}

export function podInfo(pod: unknown): PodInfo {
  const podReason = str(at(pod, 'status', 'reason'));
  let reason = podReason !== '' ? podReason : str(at(pod, 'status', 'phase'));
  const init = initState(pod);
  let restarts = init.restarts;
  let readyContainers = 0;
  if (init.initializing) {
    reason = init.reason ?? reason;
  } else {
    const main = containersState(pod);
    reason = main.reason ?? reason;
    restarts = main.restarts;
    readyContainers = main.ready;
    // A pod whose main container completed while another container still runs is still running.
    if (reason === 'Completed' && main.hasRunning) reason = 'Running';
  }
  if (at(pod, 'metadata', 'deletionTimestamp') != null) {
    reason = podReason === NODE_UNREACHABLE_REASON ? 'Unknown' : 'Terminating';
  }
  const totalContainers = list(at(pod, 'spec', 'containers')).length;
  return { ...objectMeta(pod), status: reason, icon: podIcon(reason), readyContainers, totalContainers, ready: `${readyContainers}/${totalContainers}`, restarts };
}
