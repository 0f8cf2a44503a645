import { strict as assert } from 'node:assert';
import { measurementOutcome, type MeasurementPhase } from '../../../../src/core/analysis/measurementOutcome';
import { applyMeasurement, limitsOf, metricPhase, NO_MEASUREMENTS, type AnalysisPhase, type MetricState } from '../../../../src/core/analysis/metricPhase';
import { runPhase, type MetricStatus } from '../../../../src/core/analysis/runPhase';
import { float64Slice, type GoValue } from '../../../../src/core/expr/goValue';

// Each row names the rule of the semantics reference (§5.2 / §5.3) it exercises.

const vec = (...v: number[]): GoValue => float64Slice(v);
const NO_DATA = 'metric result is nil or empty: no data returned from the metric provider';

interface OutcomeCase {
  readonly rule: string;
  readonly success?: string;
  readonly failure?: string;
  readonly result: GoValue;
  readonly phase: MeasurementPhase;
  readonly message?: string;
}

const outcomes: OutcomeCase[] = [
  { rule: '§5.2 no conditions → Successful', result: vec(0.1), phase: 'Successful' },
  { rule: '§5.2 no conditions → Successful even without data', result: vec(), phase: 'Successful' },
  { rule: '§5.2 success only, true → Successful', success: 'result[0] >= 0.95', result: vec(0.99), phase: 'Successful' },
  { rule: '§5.2 success only, false → Failed', success: 'result[0] >= 0.95', result: vec(0.71), phase: 'Failed' },
  { rule: '§5.2 success only, boundary value satisfies >=', success: 'result[0] >= 0.95', result: vec(0.95), phase: 'Successful' },
  { rule: '§5.2 failure only, true → Failed', failure: 'result[0] > 0.05', result: vec(0.2), phase: 'Failed' },
  { rule: '§5.2 failure only, false → Successful', failure: 'result[0] > 0.05', result: vec(0.01), phase: 'Successful' },
  { rule: '§5.2 both, only success true → Successful', success: 'result[0] >= 0.9', failure: 'result[0] < 0.5', result: vec(0.95), phase: 'Successful' },
  { rule: '§5.2 both, only failure true → Failed', success: 'result[0] >= 0.9', failure: 'result[0] < 0.5', result: vec(0.3), phase: 'Failed' },
  { rule: '§5.2 both true → Failed wins', success: 'result[0] >= 0.1', failure: 'result[0] < 0.5', result: vec(0.3), phase: 'Failed' },
  { rule: '§5.2 both, neither true → Inconclusive', success: 'result[0] >= 0.9', failure: 'result[0] < 0.5', result: vec(0.7), phase: 'Inconclusive' },
  { rule: '§5.2 scalar result compared directly', success: 'result >= 0.95', result: 0.97, phase: 'Successful' },
  { rule: '§5.2 NaN: comparisons are false → Failed', success: 'result[0] >= 0.95', result: vec(NaN), phase: 'Failed' },
  { rule: '§5.2 NaN: a scalar NaN fails a success condition', success: 'result >= 0.95', result: NaN, phase: 'Failed' },
  { rule: '§5.2 NaN: a NaN never trips a failure condition', failure: 'result[0] < 0.5', result: vec(NaN), phase: 'Successful' },
  { rule: '§5.2 NaN: isNaN guard turns it into Successful', success: 'isNaN(result[0]) || result[0] >= 0.95', result: vec(NaN), phase: 'Successful' },
  { rule: '§5.2 NaN: both conditions false → Inconclusive', success: 'result[0] >= 0.9', failure: 'result[0] < 0.5', result: vec(NaN), phase: 'Inconclusive' },
  { rule: '§5.2 +Inf compares larger than any number', success: 'result[0] > 1e300', result: vec(Infinity), phase: 'Successful' },
  { rule: '§5.2 -Inf fails a lower bound', success: 'result[0] >= 0', result: vec(-Infinity), phase: 'Failed' },
  { rule: '§5.2 isInf guard', failure: 'isInf(result[0])', result: vec(Infinity), phase: 'Failed' },
  { rule: '§5.2 empty vector: result[0] errs → Error with the no-data message', success: 'result[0] >= 0.95', result: vec(), phase: 'Error', message: `could not evaluate successCondition "result[0] >= 0.95": ${NO_DATA}` },
  { rule: '§5.2 nil result: evaluation error → Error with the no-data message', success: 'result >= 0.95', result: null, phase: 'Error', message: `could not evaluate successCondition "result >= 0.95": ${NO_DATA}` },
  { rule: '§5.2 empty vector: failureCondition error names failureCondition', failure: 'result[0] > 0.05', result: vec(), phase: 'Error', message: `could not evaluate failureCondition "result[0] > 0.05": ${NO_DATA}` },
  { rule: '§5.2 empty vector: len guard → Successful', success: 'len(result) == 0 || result[0] >= 0.95', result: vec(), phase: 'Successful' },
  { rule: '§5.2 empty vector: all() over nothing is true', success: 'all(result, {# < 0.4})', result: vec(), phase: 'Successful' },
  { rule: '§5.2 evaluation error with data keeps expr\'s message', success: 'result[1] >= 0.95', result: vec(0.99), phase: 'Error', message: 'could not evaluate successCondition "result[1] >= 0.95": index out of range: 1 (array length is 1)' },
  { rule: '§5.2 result must be a bool', success: 'result[0]', result: vec(0.99), phase: 'Error', message: 'could not evaluate successCondition "result[0]": expected bool, but got float64' },
  { rule: '§5.2 type mismatch on a vector is an error', success: 'result >= 0.95', result: vec(0.99), phase: 'Error', message: 'could not evaluate successCondition "result >= 0.95": invalid operation: >= (mismatched types []float64 and float64)' },
  { rule: '§5.2 success is evaluated first: its error wins', success: 'result[3] > 1', failure: 'result[5] > 1', result: vec(1), phase: 'Error', message: 'could not evaluate successCondition "result[3] > 1": index out of range: 3 (array length is 1)' },
  { rule: '§5.2 syntax error → Error', success: 'result[0] >= ', result: vec(1), phase: 'Error', message: 'could not evaluate successCondition "result[0] >= ": unexpected token EOF' },
  { rule: '§5.2 all() over a vector', success: 'all(result, {# < 0.4})', result: vec(0.1, 0.5), phase: 'Failed' },
  { rule: '§5.2 isNil looks at the raw result (nil)', success: 'isNil(result)', result: null, phase: 'Successful' },
  { rule: '§5.2 isNil: an empty vector is not nil', success: 'isNil(result)', result: vec(), phase: 'Failed' },
  { rule: '§5.2 default(x, d) gives d when the result is nil', success: 'default(result, 1) == 1', result: null, phase: 'Successful' },
  { rule: '§5.2 asFloat parses strings', success: 'asFloat("0.5") < result', result: 0.7, phase: 'Successful' },
];

describe('Measurement outcome table (§5.2)', () => {
  for (const c of outcomes) {
    it(`${c.rule}`, () => {
      const metric = { ...(c.success !== undefined ? { successCondition: c.success } : {}), ...(c.failure !== undefined ? { failureCondition: c.failure } : {}) };
      const out = measurementOutcome(metric, c.result);
      assert.equal(out.phase, c.phase);
      assert.equal(out.message, c.message ?? '');
    });
  }
});

interface MetricCase {
  readonly rule: string;
  readonly measurements: readonly MeasurementPhase[];
  readonly metric: Record<string, unknown>;
  readonly state?: MetricState;
  readonly phase: AnalysisPhase;
  readonly reason?: string;
}

const S: MeasurementPhase = 'Successful';
const F: MeasurementPhase = 'Failed';
const I: MeasurementPhase = 'Inconclusive';
const E: MeasurementPhase = 'Error';

const metrics: MetricCase[] = [
  { rule: '§5.3 no measurement yet → Pending', measurements: [], metric: {}, phase: 'Pending' },
  { rule: '§5.3 in-flight measurement → Running', measurements: [], metric: {}, state: { inFlight: true }, phase: 'Running' },
  { rule: '§5.3 effective count 1 without count and interval → Successful after one', measurements: [S], metric: {}, phase: 'Successful' },
  { rule: '§5.3 failureLimit default 0: one failure fails', measurements: [F], metric: {}, phase: 'Failed', reason: 'failed (1) > failureLimit (0)' },
  { rule: '§5.3 failureLimit 2 tolerates two failures', measurements: [F, F], metric: { interval: '1m', count: 5, failureLimit: 2 }, phase: 'Running' },
  { rule: '§5.3 failureLimit 2: the third failure fails', measurements: [F, F, F], metric: { interval: '1m', count: 5, failureLimit: 2 }, phase: 'Failed', reason: 'failed (3) > failureLimit (2)' },
  { rule: '§5.3 failures need not be consecutive', measurements: [F, S, F], metric: { interval: '1m', count: 5, failureLimit: 1 }, phase: 'Failed', reason: 'failed (2) > failureLimit (1)' },
  { rule: '§5.3 failureLimit -1 disables the failure check', measurements: [F, F, F], metric: { interval: '1m', failureLimit: -1, consecutiveSuccessLimit: 3 }, phase: 'Running' },
  { rule: '§5.3 inconclusiveLimit default 0: one inconclusive → Inconclusive', measurements: [I], metric: {}, phase: 'Inconclusive', reason: 'inconclusive (1) > inconclusiveLimit (0)' },
  { rule: '§5.3 inconclusiveLimit 1 tolerates one', measurements: [I], metric: { interval: '1m', count: 3, inconclusiveLimit: 1 }, phase: 'Running' },
  { rule: '§5.3 consecutiveErrorLimit default 4: four errors keep running', measurements: [E, E, E, E], metric: {}, phase: 'Running' },
  { rule: '§5.3 consecutiveErrorLimit default 4: the fifth error → Error', measurements: [E, E, E, E, E], metric: {}, phase: 'Error', reason: 'consecutiveErrors (5) > consecutiveErrorLimit (4)' },
  { rule: '§5.3 a success resets consecutive errors', measurements: [E, E, E, E, S, E], metric: { interval: '1m', count: 5 }, phase: 'Running' },
  { rule: '§5.3 consecutiveErrorLimit 0: the first error → Error', measurements: [E], metric: { consecutiveErrorLimit: 0 }, phase: 'Error', reason: 'consecutiveErrors (1) > consecutiveErrorLimit (0)' },
  { rule: '§5.3 errors do not count towards count', measurements: [E, E], metric: { interval: '1m', count: 2 }, phase: 'Running' },
  { rule: '§5.3 count reached → Successful', measurements: [S, S, S], metric: { interval: '1m', count: 3 }, phase: 'Successful' },
  { rule: '§5.3 count reached with failures under the limit → Successful', measurements: [S, F, S], metric: { interval: '1m', count: 3, failureLimit: 1 }, phase: 'Successful' },
  { rule: '§5.3 count reached after an error retry → Successful', measurements: [S, E, S], metric: { interval: '1m', count: 2 }, phase: 'Successful' },
  { rule: '§5.3 interval without count runs indefinitely', measurements: [S, S, S, S, S, S], metric: { interval: '1m' }, phase: 'Running' },
  { rule: '§5.3 count as a string is read with Atoi', measurements: [S, S], metric: { interval: '1m', count: '2' }, phase: 'Successful' },
  { rule: '§5.3 a non-integer string limit reads as 0', measurements: [F], metric: { interval: '1m', count: 3, failureLimit: 'two' }, phase: 'Failed', reason: 'failed (1) > failureLimit (0)' },
  { rule: '§5.3 Error beats Failed when both trip', measurements: [F, E], metric: { interval: '1m', count: 5, consecutiveErrorLimit: 0 }, phase: 'Error', reason: 'consecutiveErrors (1) > consecutiveErrorLimit (0)' },
  { rule: '§5.3 Inconclusive beats Failed when both trip', measurements: [F, I], metric: { interval: '1m', count: 5 }, phase: 'Inconclusive', reason: 'inconclusive (1) > inconclusiveLimit (0)' },
  { rule: '§5.3 Error beats Inconclusive when both trip', measurements: [I, E], metric: { interval: '1m', count: 5, consecutiveErrorLimit: 0 }, phase: 'Error', reason: 'consecutiveErrors (1) > consecutiveErrorLimit (0)' },
  { rule: '§5.3 consecutiveSuccessLimit reached → Successful before count', measurements: [F, S, S], metric: { interval: '1m', count: 10, failureLimit: 5, consecutiveSuccessLimit: 2 }, phase: 'Successful' },
  { rule: '§5.3 a failure resets consecutive successes', measurements: [S, F, S], metric: { interval: '1m', count: 10, failureLimit: 5, consecutiveSuccessLimit: 2 }, phase: 'Running' },
  { rule: '§5.3 count reached without consecutive successes, failureLimit applicable → Inconclusive', measurements: [S, F, S, F], metric: { interval: '1m', count: 4, failureLimit: 2, consecutiveSuccessLimit: 2 }, phase: 'Inconclusive' },
  { rule: '§5.3 count reached without consecutive successes, failureLimit -1 → Failed', measurements: [S, F, S], metric: { interval: '1m', count: 3, failureLimit: -1, consecutiveSuccessLimit: 2 }, phase: 'Failed' },
  { rule: '§5.3 failureLimit -1 with consecutiveSuccessLimit: successes end it', measurements: [F, F, S, S], metric: { interval: '1m', failureLimit: -1, consecutiveSuccessLimit: 2 }, phase: 'Successful' },
  { rule: '§5.3 termination: unbounded metric finishes Successful', measurements: [S, S], metric: { interval: '1m' }, state: { terminating: true }, phase: 'Successful' },
  { rule: '§5.3 termination: count not reached finishes Successful', measurements: [S], metric: { interval: '1m', count: 5 }, state: { terminating: true }, phase: 'Successful' },
  { rule: '§5.3 termination: no measurement yet finishes Successful', measurements: [], metric: { interval: '1m' }, state: { terminating: true }, phase: 'Successful' },
  { rule: '§5.3 termination: a tripped limit still wins', measurements: [F], metric: { interval: '1m' }, state: { terminating: true }, phase: 'Failed', reason: 'failed (1) > failureLimit (0)' },
  { rule: '§5.3 termination: an in-flight measurement completes first', measurements: [S], metric: { interval: '1m' }, state: { terminating: true, inFlight: true }, phase: 'Running' },
  { rule: '§5.3 a completed phase sticks', measurements: [S, S, S], metric: { interval: '1m' }, state: { previous: 'Failed' }, phase: 'Failed' },
];

describe('Metric phase table (§5.3)', () => {
  for (const c of metrics) {
    it(`${c.rule}`, () => {
      const counters = c.measurements.reduce(applyMeasurement, NO_MEASUREMENTS);
      const p = metricPhase(counters, limitsOf(c.metric), c.state);
      assert.equal(p.phase, c.phase);
      assert.equal(p.reason, c.reason);
    });
  }
});

interface RunCase {
  readonly rule: string;
  readonly metrics: readonly MetricStatus[];
  readonly dryRun?: readonly string[];
  readonly terminate?: boolean;
  readonly phase: AnalysisPhase;
  readonly message: string;
}

const failed = (name: string, lastMessage?: string): MetricStatus => ({ name, phase: 'Failed', reason: 'failed (1) > failureLimit (0)', ...(lastMessage ? { lastMessage } : {}) });
const ok = (name: string): MetricStatus => ({ name, phase: 'Successful' });

const runs: RunCase[] = [
  { rule: '§5.3 run: all metrics Successful → Successful', metrics: [ok('a'), ok('b')], phase: 'Successful', message: '' },
  { rule: '§5.3 run: a metric still running → Running', metrics: [ok('a'), { name: 'b', phase: 'Running' }], phase: 'Running', message: '' },
  { rule: '§5.3 run: a metric not started yet → Running', metrics: [ok('a'), { name: 'b', phase: undefined }], phase: 'Running', message: '' },
  { rule: '§5.3 run: a failed metric terminates the run and it is Failed', metrics: [failed('a'), { name: 'b', phase: 'Successful' }], phase: 'Failed', message: 'Metric "a" assessed Failed due to failed (1) > failureLimit (0)' },
  { rule: '§5.3 run: Failed beats Error (worst order)', metrics: [{ name: 'e', phase: 'Error', reason: 'consecutiveErrors (5) > consecutiveErrorLimit (4)' }, failed('f')], phase: 'Failed', message: 'Metric "f" assessed Failed due to failed (1) > failureLimit (0)' },
  { rule: '§5.3 run: Error beats Inconclusive (worst order)', metrics: [{ name: 'i', phase: 'Inconclusive', reason: 'inconclusive (1) > inconclusiveLimit (0)' }, { name: 'e', phase: 'Error', reason: 'consecutiveErrors (5) > consecutiveErrorLimit (4)', lastMessage: 'prometheus address is not configured' }], phase: 'Error', message: 'Metric "e" assessed Error due to consecutiveErrors (5) > consecutiveErrorLimit (4): "Error Message: prometheus address is not configured"' },
  { rule: '§5.3 run: Inconclusive when it is the worst', metrics: [ok('a'), { name: 'i', phase: 'Inconclusive', reason: 'inconclusive (1) > inconclusiveLimit (0)' }], phase: 'Inconclusive', message: 'Metric "i" assessed Inconclusive due to inconclusive (1) > inconclusiveLimit (0)' },
  { rule: '§5.3 run: dry-run metrics never fail the run', metrics: [ok('a'), failed('canary-latency')], dryRun: ['latency'], phase: 'Successful', message: '' },
  { rule: '§5.3 run: dry-run rule .* matches every metric', metrics: [failed('a'), failed('b')], dryRun: ['.*'], phase: 'Successful', message: '' },
  { rule: '§5.3 run: dry-run rule * is an invalid regex and matches nothing', metrics: [failed('a')], dryRun: ['*'], phase: 'Failed', message: 'Metric "a" assessed Failed due to failed (1) > failureLimit (0)' },
  { rule: '§5.3 run: the flag from metricResults[].dryRun counts too', metrics: [ok('a'), { ...failed('b'), dryRun: true }], phase: 'Successful', message: '' },
  { rule: '§5.3 termination: terminated before any measurement → Successful', metrics: [{ name: 'a', phase: undefined }], terminate: true, phase: 'Successful', message: 'Run Terminated' },
  { rule: '§5.3 termination: metrics end Successful with message Run Terminated', metrics: [ok('a')], terminate: true, phase: 'Successful', message: 'Run Terminated' },
  { rule: '§5.3 termination: a failed metric keeps the run Failed', metrics: [failed('a'), { name: 'b', phase: 'Running' }], terminate: true, phase: 'Failed', message: 'Metric "a" assessed Failed due to failed (1) > failureLimit (0)' },
  { rule: '§5.3 run message adds the last measurement message', metrics: [failed('a', 'could not evaluate successCondition "x": y')], phase: 'Failed', message: 'Metric "a" assessed Failed due to failed (1) > failureLimit (0): "Error Message: could not evaluate successCondition "x": y"' },
];

describe('Run phase table (§5.3)', () => {
  for (const c of runs) {
    it(`${c.rule}`, () => {
      const r = runPhase(c.metrics, c.dryRun, c.terminate ? { terminate: true } : {});
      assert.equal(r.phase, c.phase);
      assert.equal(r.message, c.message);
    });
  }

  it('has at least 60 cases across the three tables', () => assert.ok(outcomes.length + metrics.length + runs.length >= 60));
});
