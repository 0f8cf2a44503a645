// One entry of the "resolve the template's args as which caller?" picker. Two files often hold the
// same Rollout (the release that runs and the next one), and their entries read the same
// ("gitops-hugo · background analysis"): the entry names the file each caller is written in.
import type { PreviewCall } from './planPreview';

export interface CallerChoice {
  readonly label: string;
  readonly description: string;
}

/** `relativePath` turns a caller's file (a URI string in the editor) into the path the user knows. */
export function callerChoice(call: PreviewCall, relativePath: (file: string) => string): CallerChoice {
  return { label: call.rolloutName, description: call.file !== undefined ? `${call.where} · ${relativePath(call.file)}` : call.where };
}
