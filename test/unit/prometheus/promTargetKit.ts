// Builds a Prometheus target the way the extension's connector does (plan → service proxy over a
// real connection to the test cluster, or a direct URL → client), without VS Code.
import { strict as assert } from 'node:assert';
import { planPromTarget } from '../../../src/core/prometheus/planPromTarget';
import type { PromCredentials } from '../../../src/core/prometheus/promCredentials';
import { parsePromSettings, type RawPromSettings } from '../../../src/core/prometheus/promSettings';
import { serviceProxyRequest } from '../../../src/kube/serviceProxyRequest';
import { createPromTarget, type PromTarget } from '../../../src/prometheus/promTarget';
import type { TestCluster } from '../../../testbed/apiDouble/startTestCluster';
import { connectTo } from '../kube/kubeTestKit';

export function promTarget(cluster: TestCluster, templateAddress: string | undefined, settings: Partial<RawPromSettings> = {}, credentials?: PromCredentials): PromTarget {
  const parsed = parsePromSettings({ urls: undefined, headers: undefined, tlsVerify: undefined, timeoutSeconds: undefined, ...settings });
  const plan = planPromTarget(templateAddress, cluster.contextName, parsed, credentials);
  assert.ok(plan.ok, plan.ok ? '' : plan.error);
  const proxy = plan.value.address.kind === 'serviceProxy' ? serviceProxyRequest(connectTo(cluster), plan.value.address) : undefined;
  const target = createPromTarget(plan.value, proxy);
  assert.ok(target.ok, target.ok ? '' : target.error);
  return target.value;
}
