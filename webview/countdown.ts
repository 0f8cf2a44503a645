// One ticker for the whole page: every second it rewrites the live texts (the countdown of a timed
// pause, the data's age). The elements carry their deadline in a data attribute, so re-rendering
// them never needs to restart a timer.
import { setText } from './dom';
import { formatAge, formatRemaining } from './format';

/** Marks `node` as counting down to `endsAt` (epoch ms); `undefined` stops it. */
export function countdownTo(node: HTMLElement, endsAt: number | undefined): void {
  if (endsAt === undefined) {
    delete node.dataset.endsAt;
    setText(node, '');
    return;
  }
  node.dataset.endsAt = String(endsAt);
  renderCountdown(node, Date.now());
}

/** Marks `node` as showing the age of data taken at `asOf` (epoch ms). */
export function ageOf(node: HTMLElement, asOf: number): void {
  node.dataset.asOf = String(asOf);
  renderAge(node, Date.now());
}

function renderCountdown(node: HTMLElement, now: number): void {
  const endsAt = Number(node.dataset.endsAt);
  if (!Number.isFinite(endsAt)) return;
  const left = endsAt - now;
  setText(node, left > 0 ? `${formatRemaining(left)} left` : 'pause over, waiting for the controller');
}

function renderAge(node: HTMLElement, now: number): void {
  const asOf = Number(node.dataset.asOf);
  if (Number.isFinite(asOf)) setText(node, formatAge(now - asOf));
}

/** Starts the once-a-second ticker for everything under `root`. */
export function startTicker(root: HTMLElement): () => void {
  const tick = (): void => {
    const now = Date.now();
    root.querySelectorAll<HTMLElement>('[data-ends-at]').forEach((n) => renderCountdown(n, now));
    root.querySelectorAll<HTMLElement>('[data-as-of]').forEach((n) => renderAge(n, now));
  };
  const id = setInterval(tick, 1000);
  return () => clearInterval(id);
}
