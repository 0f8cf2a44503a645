// Mocha root hooks for the end-to-end suite: one workbench (installed .vsix, API double, code-server,
// Chromium) for every test file, started before the first and stopped after the last — also when a
// test or the start itself fails, so no code-server, Chromium or cluster outlives the run.
import { screenshots, startWorkbench, type Workbench } from './workbench';

let current: Workbench | undefined;
let started = 0;

/** The running workbench; the files run in order (01-…, 02-…) and share it. */
export function workbench(): Workbench {
  if (!current) throw new Error('the workbench did not start (see the root hook\'s error)');
  return current;
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(120_000);
    started = Date.now();
    current = await startWorkbench();
    console.log(`  workbench ready in ${Date.now() - started} ms`);
  },
  async afterEach(this: Mocha.Context): Promise<void> {
    const test = this.currentTest;
    if (!current || test?.state !== 'failed') return;
    // What the user would have seen, then Escape twice so a dialog or menu left open does not block the next test.
    await current.screenshot(`FAILED-${test.title.replace(/[^\w]+/g, '-').slice(0, 60)}`).catch(() => undefined);
    await current.page.keyboard.press('Escape').catch(() => undefined);
    await current.page.keyboard.press('Escape').catch(() => undefined);
  },
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(60_000);
    await current?.stop();
    current = undefined;
    const shots = screenshots();
    console.log(`\n  e2e run: ${Date.now() - started} ms from start to stop; ${shots.length} screenshots:\n${shots.map((s) => `    ${s}`).join('\n')}`);
  },
};
