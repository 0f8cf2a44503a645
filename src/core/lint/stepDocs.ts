// What each canary step does, in a sentence or two: shown when hovering a step's key. Kept apart
// from the VS Code adapter so the texts are plain data (and testable without an editor).

export const CANARY_STEP_KEYS = ['setWeight', 'pause', 'analysis', 'experiment', 'setCanaryScale', 'setHeaderRoute', 'setMirrorRoute', 'plugin'] as const;

export type CanaryStepKey = (typeof CANARY_STEP_KEYS)[number];

export const stepDocs: Readonly<Record<CanaryStepKey, string>> = {
  setWeight:
    'Sets the share of traffic (0–100 %) the canary receives. With traffic routing the router is reconfigured to that weight; without it, Argo scales the canary ReplicaSet to that share of `spec.replicas`.',
  pause:
    'Pauses the rollout. With `duration` (a Go duration such as `30s`, `5m`, `1h`) it resumes by itself after that time; without one it waits until someone promotes it (`kubectl argo rollouts promote`).',
  analysis:
    'Starts an AnalysisRun from the listed templates and waits for it to finish: a successful run moves on to the next step, a failed or inconclusive one aborts (or pauses) the rollout.',
  experiment:
    'Starts an Experiment: extra ReplicaSets from the listed templates, optionally with analyses, for `duration`. The step completes when the experiment does; a failed experiment aborts the rollout.',
  setCanaryScale:
    'Sets how many canary pods run independently of the traffic weight (`replicas`, `weight`, or `matchTrafficWeight: true` to go back). Only meaningful with traffic routing.',
  setHeaderRoute:
    'Sends requests whose headers match the given rules to the canary, regardless of the weight. Needs a traffic router that supports it and a `managedRoutes` entry with the same name.',
  setMirrorRoute:
    'Mirrors (shadows) a percentage of the matching requests to the canary; the canary’s responses are discarded. Needs a `managedRoutes` entry with the same name.',
  plugin:
    'Runs a step plugin (`name`, `config`) registered in the controller’s plugin ConfigMap; the rollout waits until the plugin reports the step as done.',
};

export function isCanaryStepKey(key: string): key is CanaryStepKey {
  return (CANARY_STEP_KEYS as readonly string[]).includes(key);
}

/**
 * The canary step key a hover at `character` of `line` is on, if the line reads like a step entry
 * (`- setWeight: 20`, `  pause: {}`, or the JSON form `"pause": {`). A text check on one line: hovers
 * must stay cheap in huge files, and a false positive only shows a harmless explanation.
 */
export function stepKeyAt(line: string, character: number): CanaryStepKey | undefined {
  const m = /^(\s*(?:-\s+)?["']?)([A-Za-z]+)(["']?\s*:)/.exec(line);
  if (!m) return undefined;
  const start = m[1]!.length;
  const key = m[2]!;
  if (character < start || character > start + key.length) return undefined;
  return isCanaryStepKey(key) ? key : undefined;
}
