import { strict as assert } from 'node:assert';
import { explainNotJudged, explainOutcome, sentenceNumber, type ExplainInput } from '../../../../src/core/analysis/explainOutcome';
import type { MeasurementPhase } from '../../../../src/core/analysis/measurementOutcome';
import { applyMeasurement, NO_MEASUREMENTS } from '../../../../src/core/analysis/metricPhase';

const at = '2024-05-01T12:03:30Z';
const counters = (...phases: MeasurementPhase[]): ExplainInput['counters'] => phases.reduce(applyMeasurement, NO_MEASUREMENTS);

describe('Outcome explanation', () => {
  it('explains a failure that aborts the rollout', () => {
    const text = explainOutcome({
      metricName: 'success-rate',
      metric: { successCondition: 'result[0] >= 0.95', interval: '1m' },
      measurement: { phase: 'Failed', value: '[0.71]', finishedAt: at },
      counters: counters('Failed'),
    });
    assert.equal(text, 'Failed: success-rate was 0.71 at 12:03:30, below 0.95 (successCondition result[0] >= 0.95); 1 failure > failureLimit 0, so the rollout was aborted.');
  });

  it('explains a failure still within failureLimit', () => {
    const text = explainOutcome({
      metricName: 'success-rate',
      metric: { successCondition: 'result[0] >= 0.95', interval: '1m', count: 5, failureLimit: 2 },
      measurement: { phase: 'Failed', value: '[0.71]', finishedAt: at },
      counters: counters('Successful', 'Failed'),
    });
    assert.equal(text, 'Failed: success-rate was 0.71 at 12:03:30, below 0.95 (successCondition result[0] >= 0.95); measurement 2 of 5, 1 failure of at most 2 allowed, so the analysis continues.');
  });

  it('explains a tripped failureCondition', () => {
    const text = explainOutcome({
      metricName: 'error-rate',
      metric: { failureCondition: 'result[0] > 0.05' },
      measurement: { phase: 'Failed', value: '[0.2]', finishedAt: at },
      counters: counters('Failed'),
    });
    assert.equal(text, 'Failed: error-rate was 0.2 at 12:03:30, above 0.05 (failureCondition result[0] > 0.05); 1 failure > failureLimit 0, so the rollout was aborted.');
  });

  it('explains the fifth consecutive error', () => {
    const text = explainOutcome({
      metricName: 'success-rate',
      metric: { successCondition: 'result[0] >= 0.95', interval: '1m' },
      measurement: { phase: 'Error', message: 'prometheus address is not configured', finishedAt: at },
      counters: counters('Error', 'Error', 'Error', 'Error', 'Error'),
    });
    assert.equal(text, 'Error: success-rate could not be measured at 12:03:30: prometheus address is not configured; 5 consecutive errors > consecutiveErrorLimit 4, so the rollout was aborted.');
  });

  it('explains an inconclusive measurement that pauses the rollout', () => {
    const text = explainOutcome({
      metricName: 'latency',
      metric: { successCondition: 'result[0] < 0.3', failureCondition: 'result[0] > 0.5' },
      measurement: { phase: 'Inconclusive', value: '[0.4]' },
      counters: counters('Inconclusive'),
    });
    assert.equal(text, 'Inconclusive: latency was 0.4; neither successCondition result[0] < 0.3 nor failureCondition result[0] > 0.5 held; 1 inconclusive > inconclusiveLimit 0, so the rollout was paused until it is promoted or aborted.');
  });

  it('explains a metric that passed its count', () => {
    const text = explainOutcome({
      metricName: 'success-rate',
      metric: { successCondition: 'result[0] >= 0.95' },
      measurement: { phase: 'Successful', value: '[0.99]', finishedAt: at },
      counters: counters('Successful'),
    });
    assert.equal(text, 'Successful: success-rate was 0.99 at 12:03:30, above 0.95 (successCondition result[0] >= 0.95); 1 measurement of 1 done, so the metric passed.');
  });

  it('says a dry-run failure does not touch the rollout', () => {
    const text = explainOutcome({
      metricName: 'success-rate',
      metric: { successCondition: 'result[0] >= 0.95' },
      measurement: { phase: 'Failed', value: '[0.5]' },
      counters: counters('Failed'),
      dryRun: true,
    });
    assert.match(text, /but the metric is a dry run, so the rollout is not affected\.$/);
  });

  it('falls back to the condition text when no line can be drawn', () => {
    const text = explainOutcome({
      metricName: 'm',
      metric: { successCondition: 'result[0] * 2 > 1' },
      measurement: { phase: 'Failed', value: '[0.3]' },
      counters: counters('Failed'),
    });
    assert.equal(text, 'Failed: m was 0.3 (successCondition result[0] * 2 > 1 was false); 1 failure > failureLimit 0, so the rollout was aborted.');
  });
});

describe('numbers in sentences', () => {
  it('have at most four significant digits; the value itself is kept elsewhere', () => {
    assert.deepEqual([0.8162590096072389, 1234567, 0.000012345678, 0.5, 12, -3.14159].map(sentenceNumber), ['0.8163', '1235000', '0.00001235', '0.5', '12', '-3.142']);
  });

  it('say a measured 0.8162590096072389 as 0.8163', () => {
    const text = explainOutcome({
      metricName: 'success-rate',
      metric: { successCondition: 'result[0] >= 0.95', failureLimit: 0 },
      measurement: { phase: 'Failed', value: '[0.8162590096072389]', finishedAt: '2024-05-01T12:03:30Z' },
      counters: { count: 1, successful: 0, failed: 1, inconclusive: 0, error: 0, consecutiveError: 0, consecutiveSuccess: 0 },
    });
    assert.match(text, /^Failed: success-rate was 0\.8163 at 12:03:30, below 0\.95 /);
  });
});

describe('a metric the terminated run never judged', () => {
  it('says so, and what its last value would have meant, instead of "passed"', () => {
    const text = explainNotJudged({
      metricName: 'success-rate',
      metric: { successCondition: 'result[0] >= 0.95' },
      measurement: { phase: 'Failed', value: '[0.8162590096072389]', finishedAt: '2024-05-01T12:03:30Z' },
      counters: { count: 2, successful: 1, failed: 1, inconclusive: 0, error: 0, consecutiveError: 0, consecutiveSuccess: 0 },
    });
    assert.equal(text, 'Not judged: the run was terminated while the metric was running; its last value, 0.8163 at 12:03:30, would have meant a failure: below 0.95 (successCondition result[0] >= 0.95).');
  });
});
