// The INFO column of each tree row, shared by the `get` renderer and the tree view.
import { AnalysisRunInfo } from './analysisRunInfo';
import { Icon } from './icons';
import { PodInfo } from './podInfo';
import { ReplicaSetInfo } from './replicaSetInfo';

/** e.g. `stable`, `canary,ping`, `stable,active`, `preview`, `delay:3h59m`, `delay:passed`. */
export function replicaSetInfoColumn(rs: ReplicaSetInfo): string {
  const cols: string[] = [];
  if (rs.stable) cols.push('stable');
  if (rs.canary) cols.push('canary');
  else if (rs.active) cols.push('active');
  else if (rs.preview) cols.push('preview');
  if (rs.ping) cols.push('ping');
  if (rs.pong) cols.push('pong');
  if (rs.scaleDownDeadline !== '') cols.push(`delay:${rs.scaleDownDelay}`);
  return cols.join(',');
}

/** e.g. `ready:1/1` or `ready:0/1,restarts:4`. */
export function podInfoColumn(pod: PodInfo): string {
  return pod.restarts > 0 ? `ready:${pod.ready},restarts:${pod.restarts}` : `ready:${pod.ready}`;
}

/** e.g. `✔ 4,✖ 4,? 1,⚠ 1`; zero counts are left out. */
export function analysisRunInfoColumn(run: AnalysisRunInfo): string {
  const parts: [string, number][] = [[Icon.ok, run.successful], [Icon.bad, run.failed], [Icon.unknown, run.inconclusive], [Icon.warning, run.error]];
  return parts.filter(([, n]) => n > 0).map(([icon, n]) => `${icon} ${n}`).join(',');
}
