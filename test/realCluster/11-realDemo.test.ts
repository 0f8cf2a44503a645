// `bash scripts/demo.sh --real-cluster` without the editor: the demo's workspace on a real cluster of its
// own, with the real controller running gitops-hugo's canary, and nothing left behind when it stops.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { startRealDemo } from '../../scripts/demo/startRealDemo';
import { realWorld } from './hooks';
import { eventually } from './realClusterKit';

describe('The demo on the real cluster', function () {
  this.timeout(5 * 60_000);

  it('seeds the three rollouts, the real controller runs gitops-hugo\'s canary, and stopping leaves no process or state', async () => {
    const plugin = realWorld().cluster.binaries.kubectlArgoRollouts;
    const demo = await startRealDemo({ codeServer: false });
    const dir = demo.kubeconfigPath.replace(/\/kubeconfig$/, '');
    try {
      assert.deepEqual(demo.rollouts.map((r) => `${r.namespace}/${r.name} ${r.strategy}`).sort(), ['default/gitops-hugo canary', 'payments/payments-api blueGreen', 'shop/checkout canary']);
      const step = await eventually('gitops-hugo\'s canary under way', async () => {
        const r = spawnSync(plugin, ['--kubeconfig', demo.kubeconfigPath, 'get', 'rollout', 'gitops-hugo', '-n', 'default'], { encoding: 'utf8' });
        // eslint-disable-next-line no-control-regex
        const text = r.stdout.replace(/\u001b\[[0-9;]*m/g, '');
        const m = /Step:\s+(\d+)\/8/.exec(text);
        return m && /Status:\s+\S+ (Paused|Progressing)/.test(text) && Number(m[1]) < 8 ? Number(m[1]) : undefined;
      });
      assert.ok(step < 8);
    } finally {
      await demo.stop();
    }
    assert.equal(fs.existsSync(dir), false, `the real cluster's state dir ${dir} is removed`);
    const left = spawnSync('pgrep', ['-f', dir], { encoding: 'utf8' }).stdout.trim();
    assert.equal(left, '', `no process of the demo's cluster is left: ${left}`);
  });
});
