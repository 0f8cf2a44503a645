// Entry point of `argo-rollouts-lint` (bundled to dist/cli.js). All logic lives in runCli.
import { runCli } from './runCli';

export function main(): void {
  // stdin is touched only when `-` is given: an unread process.stdin can keep the process alive.
  const stdin = { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() };
  runCli({ argv: process.argv.slice(2), stdin, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`argo-rollouts-lint: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

// Run only as a program, so that the benchmark can `require` the bundle to time loading the engine.
if (require.main === module) main();
