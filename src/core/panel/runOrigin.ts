// Why an AnalysisRun exists, from what the controller writes on it (§5.4): label `rollout-type`
// (`Background`, `Step` with `step-index`, `PrePromotion`, `PostPromotion`), else its name
// `<rollout>-<podHash>-<revision>` (background), `…-<stepIndex>` (step), `…-pre` / `…-post`
// (blue-green), with `.1`, `.2`… appended on a name collision. Older controllers did not label runs.
import { label } from '../rollout/objectMeta';
import { str, at } from '../rollout/jsonFields';

export const ROLLOUT_TYPE_LABEL = 'rollout-type';
export const STEP_INDEX_LABEL = 'step-index';

/** `step N` counts steps from 1, as people number a list, while Argo's step-index label is 0-based. */
function stepOrigin(index: number): string {
  return `step ${index + 1}`;
}

function fromName(runName: string, rolloutName: string): string | undefined {
  if (rolloutName === '' || !runName.startsWith(`${rolloutName}-`)) return undefined;
  const rest = runName.slice(rolloutName.length + 1).replace(/\.\d+$/, '');
  const m = /^[a-z0-9]+-\d+(?:-(\d+|pre|post))?$/.exec(rest);
  if (!m) return undefined;
  const suffix = m[1];
  if (suffix === undefined) return 'background';
  if (suffix === 'pre') return 'prePromotion';
  if (suffix === 'post') return 'postPromotion';
  return stepOrigin(Number(suffix));
}

/** `background`, `step N`, `prePromotion`, `postPromotion`, or `analysis` when nothing tells. */
export function runOrigin(run: unknown, rolloutName: string): string {
  const type = label(run, ROLLOUT_TYPE_LABEL);
  if (type === 'Background') return 'background';
  if (type === 'PrePromotion') return 'prePromotion';
  if (type === 'PostPromotion') return 'postPromotion';
  if (type === 'Step') {
    const index = label(run, STEP_INDEX_LABEL);
    if (/^\d+$/.test(index)) return stepOrigin(Number(index));
  }
  return fromName(str(at(run, 'metadata', 'name')), rolloutName) ?? (type === 'Step' ? 'step' : 'analysis');
}
