// The extensionTestsPath entry of the real-cluster VS Code suite (run by 10-vscodeOnRealCluster.test.ts):
// runs every *.test.js next to this file inside the extension host. Its closing line says
// "real-cluster-vscode: N passed, N failed" so the outer suite's own summary stays the one CI counts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const s = runner.stats ?? { passes: 0, failures: 0 };
      console.log(`\nreal-cluster-vscode: ${s.passes} passed, ${s.failures} failed`);
    });
  }
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 120_000, color: false, reporter: SummaryReporter });
  for (const f of fs.readdirSync(__dirname).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} real-cluster extension-host test(s) failed`)) : resolve()));
  });
}
