// What a Rollout expands to in the tree: its revisions, newest first, each with its ReplicaSets
// (role tags, scale-down delay) and their pods, its AnalysisRuns (phase and measurement counts,
// then one row per metric) and its Experiments — the same model `kubectl argo rollouts get` prints.
import type { AnalysisRunInfo } from '../rollout/analysisRunInfo';
import type { ExperimentInfo } from '../rollout/experimentInfo';
import { analysisRunInfoColumn, podInfoColumn, replicaSetInfoColumn } from '../rollout/infoColumns';
import { at, int, list, str } from '../rollout/jsonFields';
import type { PodInfo } from '../rollout/podInfo';
import type { ReplicaSetInfo } from '../rollout/replicaSetInfo';
import type { RolloutInfo } from '../rollout/rolloutInfo';
import { analysisStatusIcon, podStatusIcon, replicaSetStatusIcon } from './statusIcons';
import type { TreeNode } from './treeNode';

const SEP = ' · ';

function joined(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(SEP);
}

/** `parentId` makes ids unique in the tree (the same pod never appears twice, but ids must not depend on that). */
export function rolloutChildren(info: RolloutInfo, analysisRuns: readonly unknown[], parentId: string): TreeNode[] {
  return info.revisions.map((rev) => {
    const id = `${parentId}/revision:${rev.revision}`;
    const tags = [...new Set(rev.replicaSets.flatMap((rs) => replicaSetInfoColumn(rs).split(',').filter((t) => t !== '' && !t.startsWith('delay:'))))];
    const children = [
      ...rev.replicaSets.map((rs) => replicaSetNode(rs, id)),
      ...rev.analysisRuns.map((run) => analysisRunNode(run, analysisRuns, id)),
      ...rev.experiments.map((exp) => experimentNode(exp, analysisRuns, id)),
    ];
    return {
      id, kind: 'revision', label: `revision:${rev.revision}`, description: tags.join(','),
      tooltip: `Revision ${rev.revision}`, icon: { id: 'git-commit', color: undefined }, contextValue: 'revision', children,
    };
  });
}

function replicaSetNode(rs: ReplicaSetInfo, parentId: string): TreeNode {
  const id = `${parentId}/rs:${rs.name}`;
  const images = rs.images.length > 0 ? `\nImages: ${rs.images.join(', ')}` : '';
  return {
    id, kind: 'replicaSet', label: rs.name, description: joined(rs.status, replicaSetInfoColumn(rs)),
    tooltip: `ReplicaSet ${rs.name}\n${rs.status}${SEP}${rs.available}/${rs.replicas} available${images}`,
    icon: replicaSetStatusIcon(rs.status), contextValue: 'replicaSet', children: rs.pods.map((p) => podNode(p, id)),
  };
}

function podNode(pod: PodInfo, parentId: string): TreeNode {
  return {
    id: `${parentId}/pod:${pod.name}`, kind: 'pod', label: pod.name, description: joined(pod.status, podInfoColumn(pod)),
    tooltip: `Pod ${pod.name}\n${pod.status}${SEP}ready ${pod.ready}${SEP}restarts ${pod.restarts}`,
    icon: podStatusIcon(pod.status, pod.totalContainers > 0 && pod.readyContainers === pod.totalContainers), contextValue: 'pod', children: [],
  };
}

function analysisRunNode(run: AnalysisRunInfo, rawRuns: readonly unknown[], parentId: string): TreeNode {
  const id = `${parentId}/analysisrun:${run.name}`;
  const raw = rawRuns.find((r) => str(at(r, 'metadata', 'uid')) === run.uid && run.uid !== '');
  const phase = run.status === '' ? 'Pending' : run.status;
  return {
    id, kind: 'analysisRun', label: run.name, description: joined(phase, analysisRunInfoColumn(run)),
    tooltip: `AnalysisRun ${run.name}\n${phase}${SEP}successful ${run.successful}${SEP}failed ${run.failed}${SEP}inconclusive ${run.inconclusive}${SEP}error ${run.error}`,
    icon: analysisStatusIcon(phase), contextValue: `analysisRun:${phase}`, children: metricNodes(raw, run, id),
  };
}

/** One row per metric: status.metricResults where the controller has measured, else the spec's metric names. */
function metricNodes(raw: unknown, run: AnalysisRunInfo, parentId: string): TreeNode[] {
  const results = list(at(raw, 'status', 'metricResults'));
  const measured = new Set(results.map((r) => str(at(r, 'name'))));
  const nodes = results.map((r): TreeNode => {
    const name = str(at(r, 'name'));
    const phase = str(at(r, 'phase')) || 'Pending';
    const counts: [string, number][] = [['✔', int(at(r, 'successful'))], ['✖', int(at(r, 'failed'))], ['?', int(at(r, 'inconclusive'))], ['⚠', int(at(r, 'error'))]];
    const message = str(at(r, 'message'));
    return {
      id: `${parentId}/metric:${name}`, kind: 'metric', label: name,
      description: joined(phase, counts.filter(([, n]) => n > 0).map(([icon, n]) => `${icon} ${n}`).join(',')),
      tooltip: `Metric ${name}\n${phase}${SEP}measurements ${int(at(r, 'count'))}${SEP}successful ${counts[0]?.[1] ?? 0}${SEP}failed ${counts[1]?.[1] ?? 0}`
        + `${SEP}inconclusive ${counts[2]?.[1] ?? 0}${SEP}error ${counts[3]?.[1] ?? 0}${message === '' ? '' : `\n${message}`}`,
      icon: analysisStatusIcon(phase), contextValue: 'metric', children: [],
    };
  });
  const pending = run.metricNames.filter((n) => n !== '' && !measured.has(n)).map((name): TreeNode => ({
    id: `${parentId}/metric:${name}`, kind: 'metric', label: name, description: 'Pending',
    tooltip: `Metric ${name}\nNot measured yet`, icon: analysisStatusIcon('Pending'), contextValue: 'metric', children: [],
  }));
  return [...nodes, ...pending];
}

function experimentNode(exp: ExperimentInfo, rawRuns: readonly unknown[], parentId: string): TreeNode {
  const id = `${parentId}/experiment:${exp.name}`;
  const phase = exp.status === '' ? 'Pending' : exp.status;
  return {
    id, kind: 'experiment', label: exp.name, description: phase,
    tooltip: `Experiment ${exp.name}\n${phase}${exp.message === '' ? '' : `\n${exp.message}`}`,
    icon: analysisStatusIcon(phase), contextValue: `experiment:${phase}`,
    children: [...exp.replicaSets.map((rs) => replicaSetNode(rs, id)), ...exp.analysisRuns.map((run) => analysisRunNode(run, rawRuns, id))],
  };
}
