// Prometheus (Debian's) for the real cluster, scraping the project's NGINX-ingress exporter
// (test/scenario/nginxIngressExporter.ts) whose traffic comes from the real cluster: the canary's
// weight as the real Argo Rollouts controller set it (status.canary.weights), and each side's health
// from the release its ReplicaSet runs (scripts/demo/demoMetricSource.ts: 1.2.0 is a bad release).
// The analysis the real controller runs queries this Prometheus, so a bad release is really aborted.
import * as https from 'node:https';
import { at } from '../src/core/rollout/jsonFields';
import { gitopsHugoEndCounters, scenarioTimes } from '../test/scenario/gitopsHugoOpenMetrics';
import { startNginxIngressExporter, type IngressTraffic } from '../test/scenario/nginxIngressExporter';
import { pollInstant } from '../test/scenario/pollInstant';
import { SCRAPE_JOB, prometheusInstalled, startScenarioPrometheus } from '../test/scenario/startScenarioPrometheus';
import { canaryHealth } from '../scripts/demo/demoMetricSource';
import { GITOPS_HUGO } from '../testbed/canarySimulator/seedGitopsHugo';

export interface ClusterPrometheus {
  readonly url: string;
  stop(): Promise<void>;
}

interface ApiAccess {
  readonly url: string;
  readonly caPem: string;
  readonly adminToken: string;
}

function getJson(api: ApiAccess, path: string): Promise<unknown> {
  return new Promise((resolve) => {
    const req = https.get(`${api.url}${path}`, { ca: api.caPem, headers: { Authorization: `Bearer ${api.adminToken}` }, timeout: 2000 }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => {
        try {
          resolve(res.statusCode === 200 ? JSON.parse(body) : undefined);
        } catch {
          resolve(undefined);
        }
      });
    });
    req.on('error', () => resolve(undefined));
    req.on('timeout', () => req.destroy());
  });
}

const tagOf = (rs: unknown): string => {
  const containers = at(rs, 'spec', 'template', 'spec', 'containers');
  const image = Array.isArray(containers) ? at(containers[0], 'image') : undefined;
  return typeof image === 'string' ? (image.split(':')[1] ?? '') : '';
};

/**
 * The live traffic of gitops-hugo, refreshed from the API server every half second (the exporter asks
 * synchronously at each scrape, so it reads the latest refresh).
 */
function liveTraffic(api: ApiAccess, namespace: string): { traffic: (now: Date) => IngressTraffic; stop(): void } {
  let weight = 0;
  let canaryTag = '';
  let stableTag = '';
  let busy = false;
  const refresh = async (): Promise<void> => {
    if (busy) return;
    busy = true;
    try {
      const rollout = await getJson(api, `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/rollouts/${GITOPS_HUGO}`);
      const rsList = await getJson(api, `/apis/apps/v1/namespaces/${namespace}/replicasets`);
      const byHash = (hash: unknown): unknown => (Array.isArray(at(rsList, 'items')) ? (at(rsList, 'items') as unknown[]) : [])
        .find((rs) => at(rs, 'metadata', 'labels', 'rollouts-pod-template-hash') === hash);
      const weights = at(rollout, 'status', 'canary', 'weights');
      const w = at(weights, 'canary', 'weight');
      weight = typeof w === 'number' ? w : 0;
      canaryTag = tagOf(byHash(at(weights, 'canary', 'podTemplateHash')));
      stableTag = tagOf(byHash(at(rollout, 'status', 'stableRS')));
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void refresh(), 500);
  void refresh();
  return {
    traffic: (now) => ({ canaryWeight: weight, canary: canaryHealth(canaryTag, now), stable: canaryHealth(stableTag || canaryTag, now) }),
    stop: () => clearInterval(timer),
  };
}

/** Starts the exporter and Prometheus and waits for the first live scrape; undefined without Debian's prometheus. */
export async function startClusterPrometheus(api: ApiAccess, namespace = 'default'): Promise<ClusterPrometheus | undefined> {
  if (!prometheusInstalled()) return undefined;
  const times = scenarioTimes(Date.now() / 1000);
  const live = liveTraffic(api, namespace);
  const exporter = await startNginxIngressExporter({ namespace, start: gitopsHugoEndCounters(times), startMs: times.dataEndSec * 1000, traffic: live.traffic });
  const stopExporter = async (): Promise<void> => {
    live.stop();
    await exporter.stop();
  };
  try {
    const prom = await startScenarioPrometheus({ namespace, endAtSec: times.dataEndSec, scrapeTargets: [exporter.target] });
    try {
      await pollInstant(prom.url, `up{job="${SCRAPE_JOB}"}`, (v) => v === 1, 30_000);
    } catch (e) {
      await prom.stop();
      throw e;
    }
    return {
      url: prom.url,
      stop: async () => {
        await prom.stop();
        await stopExporter();
      },
    };
  } catch (e) {
    await stopExporter();
    throw e;
  }
}
