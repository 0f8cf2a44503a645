// What a user sees of a canary Rollout at each version the API server hands out: status and message
// (as `kubectl argo rollouts get` computes them), step, setWeight, actualWeight, and the phases of the
// step and background AnalysisRuns the Rollout's status names. Read from a watch of the one Rollout, so
// every write the controller (or the simulator) makes is seen, in order, whatever the timing.
// Two things depend on timing alone, not on the controller's decisions, and are normalised: a run just
// created (phase '' or Pending) counts as Running — the analysis controller starts it a moment later —
// and consecutive observations that differ only in the message keep the first: the message follows the
// ReplicaSets' counts, which the kubelet and the ReplicaSet controller report when they get to it.
import * as https from 'node:https';
import { canaryStep, setWeight, stepText } from '../../src/core/rollout/canaryWeights';
import { at, str } from '../../src/core/rollout/jsonFields';
import { rolloutPhase } from '../../src/core/rollout/rolloutPhase';

export interface Observation {
  readonly phase: string;
  readonly message: string;
  readonly step: string;
  readonly setWeight: number;
  readonly actualWeight: number;
  /** `step:<phase>` and `background:<phase>` of the runs status.canary names ('' when none). */
  readonly runs: string;
}

export function observe(rollout: unknown): Observation {
  const { phase, message } = rolloutPhase(rollout);
  const canary = at(rollout, 'status', 'canary');
  const phaseOf = (key: string): string => {
    if (str(at(canary, key, 'name')) === '') return '';
    const p = str(at(canary, key, 'status'));
    return p === '' || p === 'Pending' ? 'Running' : p;
  };
  const runs = [['step', phaseOf('currentStepAnalysisRunStatus')], ['background', phaseOf('currentBackgroundAnalysisRunStatus')]]
    .filter(([, p]) => p !== '').map(([k, p]) => `${k}:${p}`).join(' ');
  const weight = at(canary, 'weights', 'canary', 'weight');
  return {
    phase, message, step: stepText(canaryStep(rollout)), setWeight: setWeight(rollout),
    actualWeight: typeof weight === 'number' ? weight : 0, runs,
  };
}

/** Equal but for the message. */
export const sameObservation = (a: Observation, b: Observation): boolean => JSON.stringify({ ...a, message: '' }) === JSON.stringify({ ...b, message: '' });

/** Appends `o` unless it repeats the last observation but for the message; returns whether it did. */
export function appendObservation(seen: Observation[], o: Observation): boolean {
  const last = seen.at(-1);
  if (last && sameObservation(last, o)) return false;
  seen.push(o);
  return true;
}

/** One line per observation, for failure messages and the README. */
export function formatObservation(o: Observation): string {
  return `${o.phase} · ${o.step} · ${o.setWeight}/${o.actualWeight}${o.runs ? ` · ${o.runs}` : ''}${o.message ? ` · ${o.message}` : ''}`;
}

export interface Server {
  readonly url: string;
  readonly caPem: string;
  readonly token: string;
}

/**
 * Watches one Rollout and records each new observation (see appendObservation). `onEach` sees
 * every observation recorded. stop() ends the watch.
 */
export function recordRollout(server: Server, namespace: string, name: string, onEach: (o: Observation, rollout: unknown) => void = () => undefined): { readonly seen: Observation[]; stop(): void } {
  const seen: Observation[] = [];
  const path = `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/rollouts?watch=1&fieldSelector=${encodeURIComponent(`metadata.name=${name}`)}`;
  let buffer = '';
  const req = https.get(`${server.url}${path}`, { ca: server.caPem, headers: { Authorization: `Bearer ${server.token}` } }, (res) => {
    res.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (line === '') continue;
        const event = JSON.parse(line) as { type: string; object: unknown };
        if (event.type !== 'ADDED' && event.type !== 'MODIFIED') continue;
        const o = observe(event.object);
        if (appendObservation(seen, o)) onEach(o, event.object);
      }
    });
  });
  req.on('error', () => undefined);
  return { seen, stop: () => req.destroy() };
}
