// The demo's file of mistakes (demo/workspace/mistakes/payments.yaml), as the walkthrough's first
// step uses it: its error-rate metric, repaired by the quick fix the walkthrough promises, means what
// its name says — a canary passes while few requests fail, and fails when many do.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { evalCondition } from '../../../src/core/analysis/evalCondition';
import { float64Slice } from '../../../src/core/expr/goValue';
import { applyFix, findings } from '../support/lintHelpers';

const FILE = path.resolve(__dirname, '../../../demo/workspace/mistakes/payments.yaml');

describe("the demo's file of mistakes", () => {
  const text = fs.readFileSync(FILE, 'utf8');

  it("gets its error-rate condition repaired by the quick fix, into a condition that passes at 1 % errors and fails at 50 %", () => {
    const [broken] = findings(text, 'condition-syntax');
    assert.ok(broken?.fix, 'the condition has a quick fix');
    const fixed = applyFix(text, broken);
    assert.deepEqual(findings(fixed, 'condition-syntax'), []);
    const template = parseAllDocuments(fixed).map((d) => d.toJS() as { kind?: string; spec?: { metrics?: { name: string; successCondition: string; provider: { prometheus: { query: string } } }[] } }).find((d) => d.kind === 'AnalysisTemplate');
    const metric = template?.spec?.metrics?.find((m) => m.name === 'error-rate');
    assert.ok(metric, 'the template has its error-rate metric');
    assert.match(metric.provider.prometheus.query, /status=~"5\.\."/, 'the query measures the share of 5xx answers');
    assert.deepEqual(evalCondition(metric.successCondition, float64Slice([0.01])), { ok: true, value: true });
    assert.deepEqual(evalCondition(metric.successCondition, float64Slice([0.5])), { ok: true, value: false });
  });
});
