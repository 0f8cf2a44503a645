// The phase of one measurement from its result (Argo's EvaluateResult, §5.2): no condition →
// Successful; success only → Successful/Failed; failure only → Failed/Successful; both → Failed wins,
// Inconclusive when neither holds; an evaluation error → Error with Argo's message.
import type { GoValue } from '../expr/goValue';
import { isRecord } from '../lint/lintDoc';
import { evalCondition } from './evalCondition';
import { shapeResult } from './shapeResult';

export type MeasurementPhase = 'Successful' | 'Failed' | 'Inconclusive' | 'Error';

export interface MeasurementOutcome {
  readonly phase: MeasurementPhase;
  /** Argo's measurement message; empty unless phase is Error. */
  readonly message: string;
  /** The condition values, when evaluated (for explanations). */
  readonly success?: boolean;
  readonly failure?: boolean;
}

export interface Conditions {
  readonly successCondition?: string;
  readonly failureCondition?: string;
}

/** Reads the two conditions off an untrusted metric; a non-string counts as unset. */
export function conditionsOf(metric: unknown): Conditions {
  const m = isRecord(metric) ? metric : {};
  const s = typeof m.successCondition === 'string' ? m.successCondition : '';
  const f = typeof m.failureCondition === 'string' ? m.failureCondition : '';
  return { ...(s !== '' ? { successCondition: s } : {}), ...(f !== '' ? { failureCondition: f } : {}) };
}

const noData = (r: GoValue): boolean => r === null || (Array.isArray(r) && r.length === 0);

function error(kind: string, expr: string, result: GoValue, err: string): MeasurementOutcome {
  // v1.10: a failing evaluation over no data gets a message saying so instead of expr's own error.
  const why = noData(result) ? 'metric result is nil or empty: no data returned from the metric provider' : err;
  return { phase: 'Error', message: `could not evaluate ${kind} "${expr}": ${why}` };
}

export function measurementOutcome(metric: unknown, result: GoValue): MeasurementOutcome {
  const { successCondition, failureCondition } = conditionsOf(metric);
  let success: boolean | undefined;
  let failure: boolean | undefined;
  if (successCondition !== undefined) {
    const r = evalCondition(successCondition, result);
    if (!r.ok) return error('successCondition', successCondition, result, r.error);
    success = r.value;
  }
  if (failureCondition !== undefined) {
    const r = evalCondition(failureCondition, result);
    if (!r.ok) return error('failureCondition', failureCondition, result, r.error);
    failure = r.value;
  }
  const seen = { ...(success !== undefined ? { success } : {}), ...(failure !== undefined ? { failure } : {}) };
  if (success === undefined && failure === undefined) return { phase: 'Successful', message: '' };
  const failed = failure ?? !success;
  const succeeded = success ?? !failure;
  if (failed) return { phase: 'Failed', message: '', ...seen };
  if (!succeeded) return { phase: 'Inconclusive', message: '', ...seen };
  return { phase: 'Successful', message: '', ...seen };
}

export interface Measurement extends MeasurementOutcome {
  /** The stored `value` string; empty for Error measurements. */
  readonly value: string;
  readonly result?: GoValue;
}

/** One Prometheus measurement from a query response's `data`, as Argo would record it. */
export function measureResponse(metric: unknown, data: unknown): Measurement {
  const shaped = shapeResult(data);
  if (!shaped.ok) return { phase: 'Error', message: shaped.error, value: '' };
  const outcome = measurementOutcome(metric, shaped.result);
  // An evaluation error marks the measurement as errored before Argo stores the value.
  return { ...outcome, value: outcome.phase === 'Error' ? '' : shaped.value, result: shaped.result };
}
