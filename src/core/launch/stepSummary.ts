// Canary steps in the words a launch summary uses: `setWeight 10`, `pause 1m`, `pause (until promoted)`,
// `analysis (success-rate)`. The file is untrusted input too (it may not pass lint), so every reader
// tolerates wrong types.
import { arrayAt, at, intAt, isRecord, stringAt } from '../actions/untrusted';
import { planLines, stepPlan } from '../stepPlan/stepPlan';

export function stepSummary(step: unknown): string {
  if (!isRecord(step)) return 'an unreadable step';
  if ('setWeight' in step) return `setWeight ${String(step['setWeight'])}`;
  if ('pause' in step) {
    const duration = at(step, 'pause', 'duration');
    if (typeof duration === 'number') return `pause ${duration}s`;
    if (typeof duration === 'string' && duration !== '') return `pause ${/^\d+$/.test(duration) ? `${duration}s` : duration}`;
    return 'pause (until promoted)';
  }
  if ('analysis' in step) return `analysis${templateList(at(step, 'analysis'))}`;
  if ('experiment' in step) return 'experiment';
  if ('plugin' in step) return `plugin ${stringAt(step, 'plugin', 'name') ?? ''}`.trim();
  if ('setCanaryScale' in step) {
    const weight = intAt(step, 'setCanaryScale', 'weight');
    const replicas = intAt(step, 'setCanaryScale', 'replicas');
    if (weight !== undefined) return `setCanaryScale weight ${weight}`;
    if (replicas !== undefined) return `setCanaryScale replicas ${replicas}`;
    return 'setCanaryScale';
  }
  return Object.keys(step)[0] ?? 'an empty step';
}

/** ` (a, b)` for the templates of an analysis block, '' when it names none. */
export function templateList(analysis: unknown): string {
  const names = arrayAt(analysis, 'templates')
    .map((t) => stringAt(t, 'templateName') ?? stringAt(t, 'clusterTemplateName'))
    .filter((n): n is string => n !== undefined && n !== '');
  return names.length > 0 ? ` (${names.join(', ')})` : '';
}

/** `setWeight 10, pause (until promoted), setWeight 50` — at most `max` steps, then `and N more`. */
export function stepsSummary(steps: readonly unknown[], max = 5): string {
  const shown = steps.slice(0, max).map((s, i) => `${i + 1}. ${stepSummary(s)}`);
  if (steps.length > max) shown.push(`and ${steps.length - max} more`);
  return shown.join(', ');
}

/** The step plan, a line per step (weight, canary and stable pods); the bare step list when no plan can be computed. */
export function launchPlanLines(manifest: unknown, steps: readonly unknown[]): string[] {
  const plan = stepPlan(manifest);
  return plan === undefined ? [`steps: ${stepsSummary(steps)}`] : [`step plan (${plan.summary}):`, ...planLines(plan)];
}
