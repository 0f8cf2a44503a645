// The revisions Undo… offers: every revision of the rollout except the one it runs now, newest
// first, each with its images and age, the previous revision (the plugin's default) marked.
import { humanDuration } from '../rollout/humanDuration';
import { POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION, rolloutRevisions } from './planUndo';
import { listContainers } from './planSetImage';
import { stringAt } from './untrusted';

export interface UndoChoice {
  readonly revision: number;
  readonly replicaSet: string;
  /** `container=image`, init and ephemeral containers included. */
  readonly images: readonly string[];
  /** Human age of the ReplicaSet (`3d4h`), '' when it has no creation time. */
  readonly age: string;
  /** The newest revision older than the current one: what a plain `undo` normally goes back to. */
  readonly previous: boolean;
}

/** The revision the rollout runs now: its current pod hash's ReplicaSet, else its revision annotation. */
function currentRevision(rollout: unknown, replicaSets: readonly unknown[]): number | undefined {
  const hash = stringAt(rollout, 'status', 'currentPodHash');
  const hashOf = (rs: unknown): string | undefined =>
    stringAt(rs, 'metadata', 'labels', POD_TEMPLATE_HASH_LABEL) ?? stringAt(rs, 'spec', 'template', 'metadata', 'labels', POD_TEMPLATE_HASH_LABEL);
  const byHash = hash ? replicaSets.find((rs) => hashOf(rs) === hash) : undefined;
  const annotation = byHash !== undefined
    ? stringAt(byHash, 'metadata', 'annotations', REVISION_ANNOTATION)
    : stringAt(rollout, 'metadata', 'annotations', REVISION_ANNOTATION);
  return annotation !== undefined && /^\d+$/.test(annotation) ? Number(annotation) : undefined;
}

export function undoChoices(rollout: unknown, replicaSets: readonly unknown[], nowMs: number): UndoChoice[] {
  const revisions = rolloutRevisions(rollout, replicaSets);
  const current = currentRevision(rollout, replicaSets) ?? revisions[0]?.revision;
  const created = new Map(replicaSets.map((rs) => [stringAt(rs, 'metadata', 'name') ?? '', stringAt(rs, 'metadata', 'creationTimestamp')]));
  const others = revisions.filter((r) => r.revision !== current);
  const previous = others.find((r) => current === undefined || r.revision < current)?.revision;
  return others
    .map((r) => {
      const at = Date.parse(created.get(r.replicaSet) ?? '');
      return {
        revision: r.revision,
        replicaSet: r.replicaSet,
        images: listContainers({ spec: { template: r.template } }).map((c) => `${c.name}=${c.image ?? ''}`),
        age: Number.isNaN(at) ? '' : humanDuration(nowMs - at),
        previous: r.revision === previous,
      };
    });
}
