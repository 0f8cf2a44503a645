import { strict as assert } from 'node:assert';
import { applyFix, findings, underlined } from '../../../../support/lintHelpers';
import { promMetric, template } from './analysisFixtures';

const RULE = 'condition-syntax';
const TAIL = ' — successCondition cannot be compiled; every measurement would end in phase Error';

function withCondition(line: string, ...more: string[]): string {
  return template('  args:', '  - name: threshold', '    value: "0.95"', '  metrics:', ...promMetric('m', 'up', line, ...more));
}

describe('the condition-syntax rule', () => {
  it('accepts the usual conditions, including {{args}} as a number', () => {
    for (const c of ['result[0] >= 0.95', 'len(result) == 0 || result[0] >= 0.95', "'all(result, {# < 0.4})'", 'result[0] >= {{args.threshold}}', 'isNaN(result) || default(result, 0) > 0']) {
      assert.deepEqual(findings(withCondition(`    successCondition: ${c}`), RULE), [], c);
    }
  });

  it('reports a missing operand at the end of the condition', () => {
    const text = withCondition('    successCondition: result[0] >=');
    const [f, ...rest] = findings(text, RULE);
    assert.equal(rest.length, 0);
    assert.equal(f!.message, `unexpected token EOF${TAIL}`);
    assert.equal(f!.path, 'spec.metrics[0].successCondition');
    assert.equal(underlined(text, f!), '=');
  });

  it('reports => inside a quoted condition at the operator', () => {
    const text = withCondition('    failureCondition: "result[0] => 0.95"');
    const [f] = findings(text, RULE);
    assert.equal(f!.message, 'unexpected token Operator("=") — failureCondition cannot be compiled; every measurement would end in phase Error');
    assert.equal(underlined(text, f!), '=');
  });

  it('reports an unknown function with a suggestion inside a block scalar', () => {
    const text = withCondition('    successCondition: |', '      len(result) > 0 &&', '      !isNan(result[0])');
    const [f] = findings(text, RULE);
    assert.equal(f!.message, `unknown func isNan (did you mean 'isNaN'?)${TAIL}`);
    assert.equal(underlined(text, f!), 'isNan');
  });

  it('warns about unknown names', () => {
    const text = withCondition('    successCondition: results[0] >= 0.9');
    const [f] = findings(text, RULE);
    assert.equal(f!.severity, 'warning');
    assert.equal(f!.message, "unknown name results (did you mean 'result'?) — only `result` and functions are defined");
    assert.equal(underlined(text, f!), 'results');
  });

  it('checks rangeQuery start and end without `result`', () => {
    const text = template('  metrics:', '  - name: m', '    provider:', '      prometheus:', '        query: up', '        rangeQuery:', '          start: now() - duration("5m")', '          end: now() -');
    const [f, ...rest] = findings(text, RULE);
    assert.equal(rest.length, 0);
    assert.equal(f!.path, 'spec.metrics[0].provider.prometheus.rangeQuery.end');
    assert.equal(f!.message, 'unexpected token EOF — rangeQuery.end cannot be compiled; every measurement would end in phase Error');
  });

  describe('quick fixes', () => {
    const fixOf = (text: string) => {
      const [f] = findings(text, RULE);
      assert.ok(f?.fix, `no fix for ${JSON.stringify(text)}`);
      return { title: f.fix.title, fixed: applyFix(text, f) };
    };

    it("turns => into >= so the condition compiles, quoted or not", () => {
      for (const [line, want] of [
        ['    successCondition: result[0] => 0.95', '    successCondition: result[0] >= 0.95'],
        ['    failureCondition: "result[0] => 0.95"', '    failureCondition: "result[0] >= 0.95"'],
      ]) {
        const { title, fixed } = fixOf(withCondition(line!));
        assert.equal(title, "Replace '=>' with '>='");
        assert.equal(fixed, withCondition(want!));
        assert.deepEqual(findings(fixed, RULE), []);
      }
    });

    it('turns =< into <= and a lone = into ==, every one of them in the condition', () => {
      const { title, fixed } = fixOf(withCondition("    successCondition: result[0] =< 0.05 && len(result) = 1 && 'a=b' != ''"));
      assert.equal(title, "Replace '=<' with '<=' and '=' with '=='");
      assert.equal(fixed, withCondition("    successCondition: result[0] <= 0.05 && len(result) == 1 && 'a=b' != ''"));
      assert.deepEqual(findings(fixed, RULE), []);
    });

    it('keeps {{args}} tags and fixes the operator next to one', () => {
      const { fixed } = fixOf(withCondition('    successCondition: result[0] => {{args.threshold}}'));
      assert.equal(fixed, withCondition('    successCondition: result[0] >= {{args.threshold}}'));
    });

    it('offers no operator fix when the condition would still not compile', () => {
      const [f] = findings(withCondition('    successCondition: result[0] => (0.95'), RULE);
      assert.equal(f!.fix, undefined);
    });

    it('renames an unknown function to the close one inside a block scalar', () => {
      const text = withCondition('    successCondition: |', '      len(result) > 0 &&', '      !isNan(result[0])');
      const { title, fixed } = fixOf(text);
      assert.equal(title, "Change to 'isNaN'");
      assert.equal(fixed, withCondition('    successCondition: |', '      len(result) > 0 &&', '      !isNaN(result[0])'));
      assert.deepEqual(findings(fixed, RULE), []);
    });

    it('renames an unknown name to result', () => {
      const { fixed } = fixOf(withCondition('    successCondition: results[0] >= 0.9'));
      assert.equal(fixed, withCondition('    successCondition: result[0] >= 0.9'));
    });

    it('offers no rename for a function far from every known one', () => {
      const [f] = findings(withCondition('    successCondition: frobnicate(result)'), RULE);
      assert.equal(f!.message.startsWith('unknown func frobnicate —'), true, f!.message);
      assert.equal(f!.fix, undefined);
    });
  });
});
