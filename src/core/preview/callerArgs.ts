// Where a Rollout calls an analysis template and with which args: background analysis, analysis
// steps, blue-green pre/post-promotion. The preview resolves a template's args the way the run
// created from that place would (§5.1), so the query the user tries is the one Argo will send.
import { isRecord, stringAt } from '../untrustedJson';

export interface TemplateCall {
  /** In the user's words: `background analysis`, `step 3 analysis` (1-based), `prePromotionAnalysis`. */
  readonly where: string;
  readonly args: readonly unknown[];
}

function calls(analysis: unknown, templateName: string, clusterScope: boolean): boolean {
  const templates = isRecord(analysis) && Array.isArray(analysis.templates) ? analysis.templates : [];
  return templates.some((t) => stringAt(t, 'templateName') === templateName && (isRecord(t) && t.clusterScope === true) === clusterScope);
}

function argsOf(analysis: unknown): unknown[] {
  return isRecord(analysis) && Array.isArray(analysis.args) ? analysis.args : [];
}

export function templateCalls(rollout: unknown, templateName: string, clusterScope: boolean): TemplateCall[] {
  const strategy = isRecord(rollout) && isRecord(rollout.spec) && isRecord(rollout.spec.strategy) ? rollout.spec.strategy : {};
  const out: TemplateCall[] = [];
  const canary = isRecord(strategy.canary) ? strategy.canary : {};
  if (calls(canary.analysis, templateName, clusterScope)) out.push({ where: 'background analysis', args: argsOf(canary.analysis) });
  const steps = Array.isArray(canary.steps) ? canary.steps : [];
  steps.forEach((step: unknown, i) => {
    const analysis = isRecord(step) ? step.analysis : undefined;
    if (calls(analysis, templateName, clusterScope)) out.push({ where: `step ${i + 1} analysis`, args: argsOf(analysis) });
  });
  const blueGreen = isRecord(strategy.blueGreen) ? strategy.blueGreen : {};
  for (const key of ['prePromotionAnalysis', 'postPromotionAnalysis']) {
    if (calls(blueGreen[key], templateName, clusterScope)) out.push({ where: key, args: argsOf(blueGreen[key]) });
  }
  return out;
}
