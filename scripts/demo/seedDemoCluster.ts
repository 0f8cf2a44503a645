// Fills the demo cluster from the demo workspace's own manifests, so what the editor shows is what
// the cluster runs: gitops-hugo (first deployed at 1.0.0, then updated to the workspace's 1.1.0, so
// its canary is under way when the demo opens), checkout (a Healthy canary) and payments-api (a
// static Healthy blue-green, see seedBlueGreen.ts). Kinds the API double does not serve (Ingress) are
// skipped: nothing in the demo reads them from the cluster.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { at } from '../../src/core/rollout/jsonFields';
import type { ClusterStore } from '../../testbed/apiDouble/clusterStore';
import { cloneJson, isJsonObject, type JsonObject } from '../../testbed/apiDouble/jsonValue';
import { RESOURCES } from '../../testbed/apiDouble/resourceTable';
import type { CanarySimulator } from '../../testbed/canarySimulator/canarySimulator';
import { seedBlueGreen } from './seedBlueGreen';

/** The release gitops-hugo runs as stable before the demo's canary (the workspace holds the next one). */
export const GITOPS_HUGO_FIRST_IMAGE = 'ghcr.io/example/gitops-hugo:1.0.0';
export const PAYMENTS_API_PREVIOUS_IMAGE = 'ghcr.io/example/payments-api:3.2.0';

/** Workspace files seeded into the cluster, in order (templates and Services before their Rollouts). */
export const SEEDED_FILES = [
  'gitops-hugo/analysis-templates.yaml',
  'gitops-hugo/services-ingress.yaml',
  'gitops-hugo/rollout.yaml',
  'checkout/rollout.yaml',
  'payments-api/rollout.yaml',
] as const;

export interface SeededRollout {
  readonly namespace: string;
  readonly name: string;
  readonly strategy: 'canary' | 'blueGreen';
}

async function readObjects(file: string): Promise<JsonObject[]> {
  const docs = parseAllDocuments(await readFile(file, 'utf8'));
  return docs.map((d): unknown => d.toJS()).filter(isJsonObject);
}

function resourceOf(obj: JsonObject): string | undefined {
  return RESOURCES.find((r) => r.kind === obj.kind)?.plural;
}

function setFirstImage(rollout: JsonObject, image: string): JsonObject {
  const copy = cloneJson(rollout);
  const containers = at(copy, 'spec', 'template', 'spec', 'containers');
  if (Array.isArray(containers) && isJsonObject(containers[0])) containers[0].image = image;
  return copy;
}

export async function seedDemoCluster(store: ClusterStore, simulator: CanarySimulator, workspace: string, nowMs: number): Promise<SeededRollout[]> {
  const seeded: SeededRollout[] = [];
  const rollouts: JsonObject[] = [];
  for (const file of SEEDED_FILES) {
    for (const obj of await readObjects(join(workspace, file))) {
      const namespace = typeof at(obj, 'metadata', 'namespace') === 'string' ? String(at(obj, 'metadata', 'namespace')) : 'default';
      if (!store.get({ resource: 'namespaces', name: namespace })) store.create('namespaces', { metadata: { name: namespace } });
      if (obj.kind === 'Rollout') rollouts.push(obj);
      else if (resourceOf(obj)) store.create(resourceOf(obj) ?? '', obj);
    }
  }
  for (const rollout of rollouts) {
    const namespace = String(at(rollout, 'metadata', 'namespace') ?? 'default');
    const name = String(at(rollout, 'metadata', 'name'));
    if (at(rollout, 'spec', 'strategy', 'blueGreen') !== undefined) {
      seedBlueGreen(store, { rollout, previousImage: PAYMENTS_API_PREVIOUS_IMAGE, nowMs });
      seeded.push({ namespace, name, strategy: 'blueGreen' });
    } else if (name === 'gitops-hugo') {
      // First deploy goes straight to 100 % (Healthy); the update to the workspace's image is the canary.
      store.create('rollouts', setFirstImage(rollout, GITOPS_HUGO_FIRST_IMAGE));
      simulator.settle();
      const current = store.get({ resource: 'rollouts', namespace, name });
      if (!current) throw new Error(`${namespace}/${name} vanished while seeding`);
      store.update('rollouts', { ...current, spec: cloneJson(rollout).spec ?? {} });
      simulator.settle();
      seeded.push({ namespace, name, strategy: 'canary' });
    } else {
      store.create('rollouts', rollout);
      simulator.settle();
      seeded.push({ namespace, name, strategy: 'canary' });
    }
  }
  return seeded;
}
