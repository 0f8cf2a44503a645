// What applying a Rollout file will do, in plain words, before it is sent: Argo starts a new
// revision (and so a canary) only when the pod template changes; other spec fields (steps, replicas)
// change in place; the very first version goes straight to 100 % without steps or analysis (§5.4).
import { stringify } from 'yaml';
import { argoCdManager } from '../actions/argoCdManager';
import { arrayAt, at, intAt, isRecord, recordAt, stringAt } from '../actions/untrusted';
import { canaryStep, stepText } from '../rollout/canaryWeights';
import { isFullyPromoted } from '../rollout/rolloutPhase';
import { FIELD_MANAGER } from './fieldManager';
import { jsonEqual, normalizeJson, ownedByManager, specAfterApply, specChanges, type SpecChange } from './specDiff';
import { launchPlanLines, stepSummary, templateList } from './stepSummary';
import { unifiedDiff, type DiffLabels } from './unifiedDiff';

export type LaunchKind = 'create' | 'newRevision' | 'noNewRevision' | 'identical';

export interface LaunchDescription {
  readonly kind: LaunchKind;
  /** Sentences for the confirmation, most important first. */
  readonly lines: readonly string[];
  /** Spec changes from live to file (all of spec for a new Rollout). */
  readonly changes: readonly SpecChange[];
  /** `diff -u` of the live spec and the spec after the apply, rendered as YAML with sorted keys; '' when they are equal. */
  readonly diffText: string;
  /** `{spec}` as the server will hold it after the apply (normalised): the file merged into the live spec. */
  readonly afterApply: unknown;
}

const DEFAULT_LABELS: DiffLabels = { before: 'live', after: 'file' };

export function describeLaunch(manifest: unknown, live: unknown, labels: DiffLabels = DEFAULT_LABELS): LaunchDescription {
  const ours = ownedByManager(live, FIELD_MANAGER);
  const changes = specChanges(live, manifest, ours);
  const spec = specAfterApply(live, manifest, ours);
  const afterApply = spec === undefined ? {} : { spec };
  const diffText = unifiedDiff(renderSpec(live), renderSpec(afterApply), labels);
  const name = stringAt(manifest, 'metadata', 'name') ?? '';
  if (!isRecord(live)) return { kind: 'create', lines: createLines(manifest, name), changes, diffText, afterApply };

  const effective = changes.filter((c) => c.effect !== 'kept');
  const templateChanged = effective.some((c) => c.path.startsWith('spec.template.') || c.path === 'spec.template');
  const otherGroups = [...new Set(effective.filter((c) => !c.path.startsWith('spec.template')).map((c) => fieldGroup(c.path)))];
  const metadataGroups = metadataChanges(live, manifest);
  const lines: string[] = [];
  let kind: LaunchKind;
  if (templateChanged) {
    kind = 'newRevision';
    lines.push(...newRevisionLines(manifest, live, effective));
    if (otherGroups.length > 0) lines.push(`also changes ${otherGroups.join(', ')}`);
  } else if (otherGroups.length > 0 || metadataGroups.length > 0) {
    kind = 'noNewRevision';
    lines.push(`no new revision: only ${[...otherGroups, ...metadataGroups].join(', ')} change`);
    if (otherGroups.includes('steps') && !isFullyPromoted(live)) {
      // Argo hashes the steps; a new step hash mid-update resets currentStepIndex to 0.
      lines.push(`a canary is in progress (step ${stepText(canaryStep(live))}): the changed steps restart it at step 1`);
    }
  } else {
    kind = 'identical';
    lines.push('nothing changes');
  }
  const kept = changes.filter((c) => c.effect === 'kept').map((c) => c.path);
  if (kept.length > 0) lines.push(`left as they are (only in the cluster, not set by this file): ${kept.join(', ')}`);
  const argoCd = argoCdManager(live);
  if (argoCd && kind !== 'identical') lines.push(`managed by Argo CD application "${argoCd.app}": with self-heal on, Argo CD may revert this to what Git says`);
  return { kind, lines, changes, diffText, afterApply };
}

function createLines(manifest: unknown, name: string): string[] {
  const namespace = stringAt(manifest, 'metadata', 'namespace');
  const where = namespace !== undefined ? ` in namespace ${namespace}` : '';
  const replicas = intAt(manifest, 'spec', 'replicas') ?? 1;
  return [
    `creates rollout ${name}${where} with ${replicas} replica${replicas === 1 ? '' : 's'}`,
    'the first version goes straight to 100% without steps — no analysis on the first deploy',
  ];
}

function newRevisionLines(manifest: unknown, live: unknown, changes: readonly SpecChange[]): string[] {
  const lines: string[] = [];
  const canary = recordAt(manifest, 'spec', 'strategy', 'canary');
  const blueGreen = recordAt(manifest, 'spec', 'strategy', 'blueGreen');
  if (canary) {
    const steps = arrayAt(canary, 'steps');
    const first = steps[0];
    if (first === undefined) lines.push('pod template changed: the canary has no steps, so the new version goes straight to 100%');
    else {
      lines.push(`pod template changed: a canary will start at step 1, ${stepSummary(first)}`);
    }
    const background = at(canary, 'analysis');
    if (isRecord(background)) {
      // startingStep is a 0-based step index; the run is not created while currentStepIndex < startingStep.
      const starting = intAt(background, 'startingStep') ?? 0;
      lines.push(`background analysis${templateList(background)} starts ${starting === 0 ? 'with the canary' : `at step ${starting + 1}`}`);
    }
  } else if (blueGreen) {
    const auto = at(blueGreen, 'autoPromotionEnabled') !== false;
    lines.push(`pod template changed: a preview ReplicaSet starts; the active service switches ${auto ? 'once it is available' : 'when you promote'}`);
    if (isRecord(at(blueGreen, 'prePromotionAnalysis'))) lines.push(`pre-promotion analysis${templateList(at(blueGreen, 'prePromotionAnalysis'))} runs before the switch`);
  } else {
    lines.push('pod template changed: a new revision starts');
  }
  lines.push(...imageLines(changes, manifest));
  if (!isFullyPromoted(live)) {
    lines.push(`rollout is mid-update (step ${stepText(canaryStep(live)) || '?'}): the new template replaces the current canary and starts again at step 1`);
  }
  if (at(manifest, 'spec', 'paused') === true || (at(live, 'spec', 'paused') === true && !changes.some((c) => c.path === 'spec.paused'))) {
    lines.push('the rollout is paused (spec.paused): the canary waits until it is resumed');
  }
  if (canary && arrayAt(canary, 'steps').length > 0) lines.push(...launchPlanLines(manifest, arrayAt(canary, 'steps')));
  return lines;
}

// Containers are keyed by name (`containers[name="app"].image`); a container without a name is listed by position.
const IMAGE_PATH = /^spec\.template\.spec\.(initContainers|containers)(?:\[name=("(?:[^"\\]|\\.)*")\]|\[(\d+)\])\.image$/;

/** `image app: nginx:1.25 → nginx:1.26` for each container whose image changes. */
function imageLines(changes: readonly SpecChange[], manifest: unknown): string[] {
  return changes.flatMap((c) => {
    const m = IMAGE_PATH.exec(c.path);
    if (!m?.[1] || typeof c.after !== 'string') return [];
    const container = m[2] !== undefined ? String(JSON.parse(m[2])) : stringAt(arrayAt(manifest, 'spec', 'template', 'spec', m[1])[Number(m[3])], 'name');
    return [`image ${container !== undefined ? `${container}: ` : ''}${typeof c.before === 'string' ? `${c.before} → ` : ''}${c.after}`];
  });
}

/** The field a change belongs to, as users name it: `steps`, `analysis` under the strategy, else the spec key. */
export function fieldGroup(path: string): string {
  const m = /^spec\.strategy\.(?:canary|blueGreen)\.([A-Za-z0-9]+)/.exec(path);
  if (m?.[1]) return m[1];
  return /^spec\.([A-Za-z0-9]+)/.exec(path)?.[1] ?? path;
}

/** `labels` / `annotations` when the file sets one differently (the file leaves others' keys alone). */
function metadataChanges(live: unknown, manifest: unknown): string[] {
  return (['labels', 'annotations'] as const).filter((key) => {
    const want = recordAt(manifest, 'metadata', key) ?? {};
    const have = recordAt(live, 'metadata', key) ?? {};
    return Object.entries(want).some(([k, v]) => !jsonEqual(have[k], v));
  });
}

function renderSpec(obj: unknown): string {
  const spec = normalizeJson(at(obj, 'spec'));
  return spec === undefined ? '' : stringify({ spec }, { sortMapEntries: true });
}
