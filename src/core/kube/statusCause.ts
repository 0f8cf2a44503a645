// The `details.causes` of a Kubernetes Status: machine-readable reasons (FieldManagerConflict,
// FieldValueInvalid, …) with the field they are about. Messages are for people and change
// layout; causes are what decisions should read.
import { isRecord } from '../actions/untrusted';

export interface StatusCause {
  /** `FieldManagerConflict`, `FieldValueInvalid`, … ('' when absent). */
  readonly reason: string;
  readonly message: string;
  /** `.spec.replicas` or `spec.replicas` ('' when absent). */
  readonly field: string;
}

/** The causes of a Status body; [] for anything else. */
export function statusCauses(body: unknown): StatusCause[] {
  const details = isRecord(body) ? body['details'] : undefined;
  const causes = isRecord(details) ? details['causes'] : undefined;
  if (!Array.isArray(causes)) return [];
  return causes.filter(isRecord).map((c) => ({
    reason: typeof c['reason'] === 'string' ? c['reason'] : '',
    message: typeof c['message'] === 'string' ? c['message'] : '',
    field: typeof c['field'] === 'string' ? c['field'] : '',
  }));
}
