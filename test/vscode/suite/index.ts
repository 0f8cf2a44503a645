// The extensionTestsPath entry: VS Code calls run() inside the extension host. Runs every
// *.test.js next to this file with mocha, and ends with the line CI reads: "vscode: N passed, N failed".
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

// console.log, not process.stdout: the harness forwards the extension host's console only.
class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const s = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
      const skipped = s.pending ? `, ${s.pending} skipped` : '';
      console.log(`\nvscode: ${s.passes} passed, ${s.failures} failed${skipped}`);
    });
  }
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: SummaryReporter });
  // VSCODE_TEST_FILES (comma-separated parts of file names) runs a subset while working on one feature.
  const only = (process.env.VSCODE_TEST_FILES ?? '').split(',').filter((x) => x !== '');
  for (const f of fs.readdirSync(__dirname).sort()) {
    if (f.endsWith('.test.js') && (only.length === 0 || only.some((o) => f.includes(o)))) mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}
