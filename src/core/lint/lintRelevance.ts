// Which files the editor keeps in the lint workspace: files that may hold Argo objects, and files
// holding the kinds Argo objects reference (their changes update the referencing Rollouts).
import { mentionsArgo } from './engine';

// One regex over the text, not a parse: this runs on every file of the workspace at start-up.
const REFERENCED_KIND = /["']?kind["']?\s*:\s*["']?(?:Service|Ingress|VirtualService|Deployment)["']?\s*[,}\r\n]/;

export function isLintRelevant(text: string): boolean {
  return mentionsArgo(text) || REFERENCED_KIND.test(text);
}
