// Text of `kubectl argo rollouts get rollout|experiment --no-color` (cmd/get/get_rollout.go,
// get_experiment.go) from the model. Lines carry no trailing spaces (the plugin pads the last
// columns; its own tests strip them before comparing).
import { AnalysisRunInfo } from './analysisRunInfo';
import { age } from './humanDuration';
import { ExperimentInfo } from './experimentInfo';
import { KindIcon } from './icons';
import { ImageInfo, experimentImages, formatImage } from './imageTags';
import { analysisRunInfoColumn, podInfoColumn, replicaSetInfoColumn } from './infoColumns';
import { alignColumns } from './alignColumns';
import { ReplicaSetInfo } from './replicaSetInfo';
import { RevisionInfo, RolloutInfo } from './rolloutInfo';

type Row = [name: string, kind: string, status: string, age: string, info: string];

// `%-17s%v`: the label column of the header block.
function field(label: string, value: string | number): string {
  return `${label.padEnd(17)}${value}`;
}

function imageLines(images: readonly ImageInfo[]): string[] {
  return images.map((image, i) => field(i === 0 ? 'Images:' : '', formatImage(image)));
}

// Tree prefixes: `├──` and `│  ` for an item with later siblings, `└──` and three spaces for the last.
function prefixes(isLast: boolean, subPrefix: string): [string, string] {
  return isLast ? [`${subPrefix}└──`, `${subPrefix}   `] : [`${subPrefix}├──`, `${subPrefix}│  `];
}

class TreeRows {
  readonly rows: Row[] = [['NAME', 'KIND', 'STATUS', 'AGE', 'INFO']];
  constructor(private readonly now: number) {}

  revision(rev: RevisionInfo, prefix: string, subPrefix: string): void {
    this.rows.push([`${prefix}${KindIcon.revision} revision:${rev.revision}`, '', ' ', '', '']);
    const children: ((p: string, s: string) => void)[] = [
      ...rev.replicaSets.map((rs) => (p: string, s: string) => this.replicaSet(rs, p, s)),
      ...rev.experiments.map((exp) => (p: string, s: string) => this.experiment(exp, p, s)),
      ...rev.analysisRuns.map((run) => (p: string, s: string) => this.analysisRun(run, p, s)),
    ];
    this.children(children, subPrefix);
  }

  replicaSet(rs: ReplicaSetInfo, prefix: string, subPrefix: string): void {
    this.rows.push([`${prefix}${KindIcon.replicaSet} ${rs.name}`, 'ReplicaSet', `${rs.icon} ${rs.status}`, age(rs.createdAt, this.now), replicaSetInfoColumn(rs)]);
    rs.pods.forEach((pod, i) => {
      const [podPrefix] = prefixes(i === rs.pods.length - 1, subPrefix);
      this.rows.push([`${podPrefix}${KindIcon.pod} ${pod.name}`, 'Pod', `${pod.icon} ${pod.status}`, age(pod.createdAt, this.now), podInfoColumn(pod)]);
    });
  }

  experiment(exp: ExperimentInfo, prefix: string, subPrefix: string): void {
    this.rows.push([`${prefix}${KindIcon.experiment} ${exp.name}`, 'Experiment', `${exp.icon} ${exp.status}`, age(exp.createdAt, this.now), '']);
    this.children(
      [
        ...exp.replicaSets.map((rs) => (p: string, s: string) => this.replicaSet(rs, p, s)),
        ...exp.analysisRuns.map((run) => (p: string, s: string) => this.analysisRun(run, p, s)),
      ],
      subPrefix,
    );
  }

  analysisRun(run: AnalysisRunInfo, prefix: string, subPrefix: string): void {
    this.rows.push([`${prefix}${KindIcon.analysisRun} ${run.name}`, 'AnalysisRun', `${run.icon} ${run.status}`, age(run.createdAt, this.now), analysisRunInfoColumn(run)]);
    run.jobs.forEach((job, i) => {
      const [jobPrefix] = prefixes(i === run.jobs.length - 1, subPrefix);
      this.rows.push([`${jobPrefix}${KindIcon.job} ${job.name}`, 'Job', `${job.icon} ${job.status}`, age(job.createdAt, this.now), '']);
    });
  }

  private children(print: ((prefix: string, subPrefix: string) => void)[], subPrefix: string): void {
    print.forEach((p, i) => p(...prefixes(i === print.length - 1, subPrefix)));
  }

  text(): string[] {
    return alignColumns(this.rows).map((line) => line.trimEnd());
  }
}

export function renderGet(info: RolloutInfo, now: number): string {
  const lines = [field('Name:', info.name), field('Namespace:', info.namespace), field('Status:', `${info.icon} ${info.phase}`)];
  if (info.message !== '') lines.push(field('Message:', info.message));
  lines.push(field('Strategy:', info.strategy));
  if (info.strategy === 'Canary') {
    lines.push(field('  Step:', info.step), field('  SetWeight:', info.setWeight ?? ''), field('  ActualWeight:', info.actualWeight ?? ''));
  }
  lines.push(...imageLines(info.images), 'Replicas:');
  lines.push(field('  Desired:', info.desired), field('  Current:', info.current), field('  Updated:', info.updated), field('  Ready:', info.ready), field('  Available:', info.available), '');

  const tree = new TreeRows(now);
  tree.rows.push([`${KindIcon.rollout} ${info.name}`, 'Rollout', `${info.icon} ${info.phase}`, age(info.createdAt, now), '']);
  info.revisions.forEach((rev, i) => tree.revision(rev, ...prefixes(i === info.revisions.length - 1, '')));
  return [...lines, ...tree.text()].map((line) => line.trimEnd()).join('\n') + '\n';
}

export function renderGetExperiment(exp: ExperimentInfo, now: number): string {
  const lines = [field('Name:', exp.name), field('Namespace:', exp.namespace), field('Status:', `${exp.icon} ${exp.status}`)];
  if (exp.message !== '') lines.push(field('Message:', exp.message));
  lines.push(...imageLines(experimentImages(exp.replicaSets)), '');
  const tree = new TreeRows(now);
  tree.experiment(exp, '', '');
  return [...lines, ...tree.text()].map((line) => line.trimEnd()).join('\n') + '\n';
}
