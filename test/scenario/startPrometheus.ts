// CLI: `npx tsx test/scenario/startPrometheus.ts [--port N]` starts the scenario Prometheus
// (gitops-hugo NGINX data, 2025-06-01 10:00–12:00Z) and prints its URL as the first line of stdout,
// then serves until SIGINT / SIGTERM, when it stops the server and removes its temp dir.
import { ABORT_AT_SEC, DATA_END_SEC, DATA_START_SEC, ERRORS_FROM_SEC, UPDATE_AT_SEC } from './gitopsHugoOpenMetrics';
import { startScenarioPrometheus } from './startScenarioPrometheus';

function portArg(argv: readonly string[]): number | undefined {
  const i = argv.indexOf('--port');
  if (i < 0) return undefined;
  const port = Number(argv[i + 1]);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`--port needs a port number, got ${String(argv[i + 1])}`);
  return port;
}

const iso = (sec: number): string => new Date(sec * 1000).toISOString();

async function main(): Promise<void> {
  const port = portArg(process.argv.slice(2));
  const prometheus = await startScenarioPrometheus(port !== undefined ? { port } : {});
  process.stdout.write(`${prometheus.url}\n`);
  process.stderr.write(
    `Prometheus with the gitops-hugo NGINX data from ${iso(DATA_START_SEC)} to ${iso(DATA_END_SEC)} (query with an explicit time).\n`
    + `Update at ${iso(UPDATE_AT_SEC)}, canary errors rise after ${iso(ERRORS_FROM_SEC)}, abort at ${iso(ABORT_AT_SEC)}.\n`
    + 'Ctrl+C stops it.\n',
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await prometheus.stop();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
