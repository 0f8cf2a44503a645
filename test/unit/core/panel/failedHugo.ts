// gitops-hugo aborted at the second pause: its background run failed on success-rate (0.71 twice,
// failureLimit 1) while latency was fine; the run of the previous revision passed.
import { CANARY_HASH, clock, hugoRollout, hugoRun, measurement, metricResult } from './panelBuilders';

export const FAILED_RUN_MESSAGE = 'Metric "success-rate" assessed Failed due to failed (2) > failureLimit (1)';

export function failedHugoRollout(): Record<string, unknown> {
  return hugoRollout({
    phase: 'Degraded',
    message: `RolloutAborted: Rollout aborted update to revision 2: Background analysis phase error/failed: ${FAILED_RUN_MESSAGE}`,
    abort: true,
    // Argo resets the step index when it aborts (see the corpus' rollout-aborted fixture).
    currentStepIndex: 0,
    canary: { currentBackgroundAnalysisRunStatus: { name: `gitops-hugo-${CANARY_HASH}-2`, status: 'Failed', message: FAILED_RUN_MESSAGE } },
  });
}

export function failedHugoRuns(): Record<string, unknown>[] {
  const failed = hugoRun({
    phase: 'Failed',
    message: FAILED_RUN_MESSAGE,
    completedAt: clock('12:03:30'),
    results: [
      metricResult('latency', 'Successful', [measurement('Successful', '[0.12]', '12:01:30'), measurement('Successful', '[0.13]', '12:02:30'), measurement('Successful', '[0.12]', '12:03:30')]),
      metricResult('success-rate', 'Failed', [measurement('Successful', '[0.99]', '12:01:30'), measurement('Failed', '[0.71]', '12:02:30'), measurement('Failed', '[0.71]', '12:03:30')]),
    ],
  });
  const previous = hugoRun({
    name: 'gitops-hugo-5d8c7b6f9-1',
    created: clock('10:00:00'),
    startedAt: clock('10:00:00'),
    completedAt: clock('10:06:00'),
    phase: 'Successful',
    message: 'Run Terminated',
    labels: { 'rollout-type': 'Background' },
    results: [metricResult('latency', 'Successful', [measurement('Successful', '[0.1]', '10:05:00')]), metricResult('success-rate', 'Successful', [measurement('Successful', '[0.998]', '10:05:00')])],
  });
  return [previous, failed];
}
