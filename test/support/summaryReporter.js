// Mocha's spec reporter plus one closing line in the plain form CI reads: "unit: N passed, N failed".
const Mocha = require('mocha');
const { Spec } = Mocha.reporters;
const { EVENT_RUN_END } = Mocha.Runner.constants;

class SummaryReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const s = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
      const label = process.env.SUMMARY_LABEL || 'unit';
      const skipped = s.pending ? `, ${s.pending} skipped` : '';
      process.stdout.write(`\n${label}: ${s.passes} passed, ${s.failures} failed${skipped}\n`);
    });
  }
}
module.exports = SummaryReporter;
