// `npm run bench` (part): the time to compute every rollout row of the tree from objects already
// synced, in-process and warm (median of 5), for 2,000 rollouts spread over 50 namespaces and over 2.
// "own objects" is what the tree does: each rollout gets what the OwnerIndex says it owns. "whole
// namespace" hands every rollout all of its namespace's objects to scan, as before the index, which
// grows with the square of a namespace's size. Prints a Markdown table; numbers are never asserted.
import { OwnerIndex } from '../../src/core/rollout/ownerIndex';
import { rolloutInfo, type RelatedObjects } from '../../src/core/rollout/rolloutInfo';
import { rolloutRow } from '../../src/core/tree/rolloutRow';
import { ClusterStore } from '../../testbed/apiDouble/clusterStore';
import { benchNamespaces, seedRollouts } from './seedRollouts';
import { fmt, median, timeMs } from './stats';

interface NamespaceObjects {
  readonly rollouts: readonly unknown[];
  readonly all: RelatedObjects;
}

function seeded(namespaces: number, perNamespace: number): NamespaceObjects[] {
  const names = benchNamespaces(namespaces);
  const store = new ClusterStore({ namespaces: ['default', ...names] });
  seedRollouts(store, names, perNamespace);
  return names.map((namespace) => {
    const list = (resource: string): unknown[] => store.list(resource, { namespace }).items;
    return { rollouts: list('rollouts'), all: { replicaSets: list('replicasets'), pods: list('pods'), analysisRuns: list('analysisruns'), experiments: list('experiments') } };
  });
}

function rows(data: readonly NamespaceObjects[], ownObjects: boolean): number {
  let count = 0;
  for (const { rollouts, all } of data) {
    const index = ownObjects ? new OwnerIndex(all) : undefined;
    for (const rollout of rollouts) {
      const uid = (rollout as { metadata?: { uid?: string } }).metadata?.uid ?? '';
      rolloutRow(rolloutInfo(rollout, index ? index.relatedTo(uid) : all, Date.now()), rollout);
      count++;
    }
  }
  return count;
}

function main(): void {
  console.log('\n## Tree rows from synced objects (in-process, warm, median of 5)\n');
  console.log('| Rollouts | own objects (OwnerIndex) ms | whole namespace ms |');
  console.log('|---|---:|---:|');
  for (const [namespaces, perNamespace] of [[50, 40], [2, 1000]] as const) {
    const data = seeded(namespaces, perNamespace);
    const time = (own: boolean): number => {
      rows(data, own); // warm up
      return median(Array.from({ length: 5 }, () => timeMs(() => rows(data, own))));
    };
    console.log(`| ${namespaces * perNamespace} in ${namespaces} namespaces | ${fmt(time(true))} | ${fmt(time(false))} |`);
  }
}

main();
