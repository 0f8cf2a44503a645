// Top-level counts of a Rollout spec (§1.1 T1, T8–T11): Argo applies defaults, then checks signs.
import { invalid, type Rule } from '../../rule';
import { goInt, rolloutParts } from './rolloutShape';

const NON_NEGATIVE: readonly { field: string; dflt: number }[] = [
  { field: 'replicas', dflt: 1 },
  { field: 'minReadySeconds', dflt: 0 },
  { field: 'revisionHistoryLimit', dflt: 10 },
  { field: 'progressDeadlineSeconds', dflt: 600 },
];

export const rolloutNegativeCountRule: Rule<'rollout-negative-count'> = {
  id: 'rollout-negative-count',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'replicas, minReadySeconds, revisionHistoryLimit and progressDeadlineSeconds must not be negative',
  description:
    'Argo validates these counts (after applying its defaults: replicas 1, revisionHistoryLimit 10, progressDeadlineSeconds 600) ' +
    'and marks the Rollout InvalidSpec when one is negative. Use 0 or a positive number.',
  source: '§1.1 T1, T8, T9, T10',
  check(ctx) {
    const parts = rolloutParts(ctx.value);
    if (!parts) return;
    for (const { field, dflt } of NON_NEGATIVE) {
      const n = goInt(parts.spec[field], dflt);
      if (n !== undefined && n < 0) ctx.report({ message: invalid(n, 'must be greater than or equal to 0'), at: ['spec', field] });
    }
  },
};

export const progressDeadlineAboveMinReadyRule: Rule<'progress-deadline-not-above-min-ready'> = {
  id: 'progress-deadline-not-above-min-ready',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'progressDeadlineSeconds must be greater than minReadySeconds',
  description:
    'Argo rejects a Rollout whose progressDeadlineSeconds (default 600) is not greater than minReadySeconds, since a pod could ' +
    'never become available before the deadline. Raise progressDeadlineSeconds or lower minReadySeconds.',
  source: '§1.1 T11',
  check(ctx) {
    const parts = rolloutParts(ctx.value);
    if (!parts) return;
    const deadline = goInt(parts.spec.progressDeadlineSeconds, 600);
    const minReady = goInt(parts.spec.minReadySeconds, 0);
    if (deadline === undefined || minReady === undefined || deadline > minReady) return;
    const explicit = parts.spec.progressDeadlineSeconds !== undefined && parts.spec.progressDeadlineSeconds !== null;
    ctx.report({
      message: invalid(deadline, 'must be greater than minReadySeconds') + (explicit ? '' : ' — progressDeadlineSeconds defaults to 600'),
      // With the default deadline there is no key to underline: point at minReadySeconds instead.
      at: explicit ? ['spec', 'progressDeadlineSeconds'] : ['spec', 'minReadySeconds'],
      argoPath: 'spec.progressDeadlineSeconds',
    });
  },
};
