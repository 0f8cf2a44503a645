// What a Rollout or Experiment references by name, for the index's `usersOf` lookups.
import { objectKey, type IndexedObject } from '../../referenceIndex';
import { experimentAnalysisGroups, rolloutAnalysisGroups } from './analysisRefs';

/** Keys of the (Cluster)AnalysisTemplates a Rollout or Experiment names directly. */
export function templateReferences(obj: IndexedObject): string[] {
  const groups = obj.kind === 'Rollout' ? rolloutAnalysisGroups(obj.value) : obj.kind === 'Experiment' ? experimentAnalysisGroups(obj.value, obj.kind) : [];
  const keys = new Set<string>();
  for (const g of groups) for (const r of g.refs) keys.add(objectKey(r.cluster ? 'ClusterAnalysisTemplate' : 'AnalysisTemplate', r.name));
  return [...keys];
}
