// Beyond Argo: an Experiment's `duration` is parsed with Go's time.ParseDuration when the controller
// decides whether the experiment is over; an unparsable value never lets it finish as intended.
import { parseGoDuration } from '../../../goDuration';
import type { Rule } from '../../rule';
import { specOf } from './analysisShape';

export const experimentDurationRule = {
  id: 'experiment-duration',
  severity: 'error',
  kinds: ['Experiment'],
  title: 'Experiment duration must be a Go duration',
  description:
    'An Experiment runs for `spec.duration`, a Go duration string such as `30s`, `5m` or `1h30m` (no `d` unit). The API server accepts any string, but the controller cannot parse an invalid one, so the experiment does not end after the intended time. Use a Go duration, or omit `duration` to run until the experiment is terminated.',
  source: 'beyond Argo',
  check(ctx) {
    const duration = specOf(ctx.value)?.duration;
    if (typeof duration !== 'string' || duration.includes('{{')) return;
    const d = parseGoDuration(duration);
    if (!d.ok) ctx.report({ message: `${d.error} — spec.duration must be a Go duration such as 5m or 1h30m`, at: ['spec', 'duration'] });
  },
} as const satisfies Rule;
