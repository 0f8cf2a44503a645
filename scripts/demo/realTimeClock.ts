// Drives the simulator's SimClock from the wall clock, so the demo's canary moves on its own: pauses
// and analysis intervals take their real length (the demo's manifests use 30 s pauses and 20 s
// intervals instead of minutes to stay watchable). A coarse interval is enough: the simulator's
// timers fire at their own due time within each tick.
import type { SimClock } from '../../testbed/canarySimulator/simClock';

export function driveInRealTime(clock: SimClock, everyMs = 250): () => void {
  let last = Date.now();
  const timer = setInterval(() => {
    const now = Date.now();
    clock.tick(Math.max(0, now - last));
    last = now;
  }, everyMs);
  return () => clearInterval(timer);
}
