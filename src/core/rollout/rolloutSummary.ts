// Our own short texts for a Rollout in the tree and its hover (not the plugin's): a one-line
// description next to the name and a plain-text tooltip built from the same model as `get rollout`.
import { formatImage } from './imageTags';
import { RolloutInfo } from './rolloutInfo';

const SEP = ' · ';

/**
 * e.g. `Paused · step 3/8 · 30%`, `Healthy · step 8/8 · 100%`, `Progressing` (blueGreen). The weight is
 * SetWeight, the step's desired weight, so it reads together with the step; the tooltip has both.
 */
export function rolloutDescription(info: RolloutInfo): string {
  const parts = [info.phase];
  if (info.strategy === 'Canary') {
    if (info.step !== '') parts.push(`step ${info.step}`);
    if (info.setWeight !== undefined) parts.push(weightText(info.setWeight, info.maxWeight));
  }
  return parts.join(SEP);
}

/** Multi-line plain text: name, status and message, strategy with step and weights, images, replicas. */
export function rolloutTooltip(info: RolloutInfo): string {
  const lines = [`${info.name} (${info.namespace})`, `${info.icon} ${info.phase}`.trim()];
  if (info.message !== '') lines.push(info.message);
  if (info.strategy === 'Canary') {
    const parts = ['Canary'];
    if (info.step !== '') parts.push(`step ${info.step}`);
    parts.push(`SetWeight ${weightText(info.setWeight ?? 0, info.maxWeight)}`, `ActualWeight ${weightText(info.actualWeight ?? 0, info.maxWeight)}`);
    lines.push(parts.join(SEP));
  } else if (info.strategy !== '') {
    lines.push(info.strategy);
  }
  if (info.images.length > 0) lines.push('Images:', ...info.images.map((i) => `  ${formatImage(i)}`));
  lines.push(`Replicas: desired ${info.desired}${SEP}current ${info.current}${SEP}updated ${info.updated}${SEP}ready ${info.ready}${SEP}available ${info.available}`);
  return lines.join('\n');
}

/** `30%`, or `300/1000` when trafficRouting.maxTrafficWeight makes the weights another unit than percent. */
export function weightText(weight: number, max: number | undefined): string {
  return max === undefined || max === 100 ? `${weight}%` : `${weight}/${max}`;
}
