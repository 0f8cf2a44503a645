// What a preview says after running the query once: the value as Argo would store it and what the
// metric's conditions make of it, in one line for the CodeLens title.
import { conditionsOf, type MeasurementPhase } from '../analysis/measurementOutcome';
import { measureQueryData } from '../analysis/shapeQueryData';
import type { QueryData } from '../prometheus/parseQueryResponse';

export interface PreviewVerdict {
  readonly phase: MeasurementPhase;
  /** Argo's stored value, e.g. `[0.97]`; '' on Error. */
  readonly value: string;
  /** e.g. `[0.97] → Successful (result[0] >= 0.95)`, or the error. */
  readonly line: string;
}

const ICON: Record<MeasurementPhase, string> = { Successful: '$(pass)', Failed: '$(error)', Inconclusive: '$(question)', Error: '$(warning)' };

export function previewVerdict(metric: unknown, data: QueryData): PreviewVerdict {
  const m = measureQueryData(metric, data);
  const { successCondition, failureCondition } = conditionsOf(metric);
  const conditions = [successCondition && `successCondition ${successCondition}`, failureCondition && `failureCondition ${failureCondition}`].filter(Boolean).join(', ');
  const because = m.phase === 'Error' ? `: ${m.message}` : conditions ? ` (${conditions})` : ' (no condition: every measurement succeeds)';
  const shown = m.phase === 'Error' ? '' : `${m.value} → `;
  return { phase: m.phase, value: m.value, line: `${ICON[m.phase]} ${shown}${m.phase}${because}` };
}
