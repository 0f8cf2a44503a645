import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { DATA_END_SEC } from '../../scenario/gitopsHugoOpenMetrics';
import { prometheusInstalled, startScenarioPrometheus } from '../../scenario/startScenarioPrometheus';

const root = path.resolve(__dirname, '../../..');

async function ready(url: string): Promise<number> {
  return fetch(`${url}/-/ready`).then((r) => r.status, () => 0);
}

describe('The scenario Prometheus', function () {
  this.timeout(60_000);
  before(function () {
    if (!prometheusInstalled()) {
      console.warn('    skipped: Debian\'s prometheus/promtool are not installed');
      this.skip();
    }
  });

  it('serves the backfilled data on a loopback port and leaves nothing behind once stopped', async () => {
    const prometheus = await startScenarioPrometheus({ openMetrics: `# TYPE up unknown\nup{job="x"} 1 ${DATA_END_SEC}\n# EOF\n` });
    assert.match(prometheus.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${prometheus.url}/api/v1/query?query=up&time=${DATA_END_SEC}`);
    assert.deepEqual(await res.json(), { status: 'success', data: { resultType: 'vector', result: [{ metric: { __name__: 'up', job: 'x' }, value: [DATA_END_SEC, '1'] }] } });
    await prometheus.stop();
    await prometheus.stop();
    assert.equal(fs.existsSync(prometheus.dir), false);
    assert.equal(await ready(prometheus.url), 0, 'the port is closed');
  });

  it('reports promtool\'s complaint when the OpenMetrics text is bad', async () => {
    await assert.rejects(startScenarioPrometheus({ openMetrics: 'not metrics at all' }), /promtool tsdb create-blocks-from openmetrics failed/);
  });

  it('runs as a CLI that prints the URL first and stops on SIGTERM', async () => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['test/scenario/startPrometheus.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    // 'close': the process has exited and its stdout/stderr are fully read.
    const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const lines = readline.createInterface({ input: child.stdout });
    const url = await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      void exited.then((code) => reject(new Error(`CLI exited (${code}) before printing a URL: ${stderr}`)));
    });
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(await ready(url), 200);
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.match(stderr, /abort at 2025-06-01T11:03:00.000Z/);
    assert.equal(await ready(url), 0, 'the server stopped with the CLI');
  });
});
