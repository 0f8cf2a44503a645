// AnalysisRun rows of the tree (info/analysisrun_info.go): phase, measurement counts, Jobs.
import { analysisIcon } from './icons';
import { at, int, isObject, list, rfc3339, str } from './jsonFields';
import { ObjectMetaInfo, compareCreated, compareStrings, isOwnedBy, objectMeta, revisionOf } from './objectMeta';

// Measurement metadata key the Job provider stores the Job's name under.
export const JOB_NAME_KEY = 'job-name';

export interface JobInfo {
  name: string;
  /** The measurement's phase (Running, Successful, Failed, Error, Inconclusive, Pending). */
  status: string;
  icon: string;
  /** measurement.startedAt, which the plugin shows as the Job's AGE. */
  createdAt: number | undefined;
  metricName: string;
}

export interface AnalysisRunInfo extends ObjectMetaInfo {
  revision: number;
  /** status.phase verbatim ('' before the controller has seen the run). */
  status: string;
  icon: string;
  /** Sums over all metrics. */
  successful: number;
  failed: number;
  inconclusive: number;
  error: number;
  metricNames: string[];
  jobs: JobInfo[];
}

export function analysisRunInfo(run: unknown): AnalysisRunInfo {
  const status = str(at(run, 'status', 'phase'));
  const results = list(at(run, 'status', 'metricResults'));
  const info: AnalysisRunInfo = {
    ...objectMeta(run),
    revision: revisionOf(run),
    status,
    icon: analysisIcon(status),
    successful: 0,
    failed: 0,
    inconclusive: 0,
    error: 0,
    metricNames: list(at(run, 'spec', 'metrics')).map((m) => str(at(m, 'name'))),
    jobs: [],
  };
  for (const result of results) {
    info.successful += int(at(result, 'successful'));
    info.failed += int(at(result, 'failed'));
    info.inconclusive += int(at(result, 'inconclusive'));
    info.error += int(at(result, 'error'));
    const metricName = str(at(result, 'name'));
    // The plugin looks measurements up by metric name, so a duplicated name repeats the first one's.
    const first = results.find((r) => str(at(r, 'name')) === metricName);
    for (const m of list(at(first, 'measurements'))) {
      const jobName = at(m, 'metadata', JOB_NAME_KEY);
      if (!isObject(at(m, 'metadata')) || typeof jobName !== 'string') continue;
      const phase = str(at(m, 'phase'));
      info.jobs.push({ name: jobName, status: phase, icon: analysisIcon(phase), createdAt: rfc3339(at(m, 'startedAt')), metricName });
    }
  }
  return info;
}

/** AnalysisRuns owned by `ownerUid`: newest revision first, then oldest first, then name descending. */
export function analysisRunInfos(ownerUid: string, runs: readonly unknown[]): AnalysisRunInfo[] {
  return runs
    .filter((r) => ownerUid !== '' && isOwnedBy(r, ownerUid))
    .map(analysisRunInfo)
    .sort((a, b) => b.revision - a.revision || compareCreated(a.createdAt, b.createdAt) || compareStrings(b.name, a.name));
}
