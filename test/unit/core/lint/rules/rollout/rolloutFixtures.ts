// Small Rollout manifests for the rollout rule tests: a valid base with the part under test swapped in.
import { strict as assert } from 'node:assert';
import type { Finding } from '../../../../../../src/core/lint/types';
import { findings, yaml } from '../../../../support/lintHelpers';

const HEAD = ['apiVersion: argoproj.io/v1alpha1', 'kind: Rollout', 'metadata:', '  name: app', 'spec:'];
const SELECTOR = ['  selector:', '    matchLabels:', '      app: app'];
const TEMPLATE = ['  template:', '    metadata:', '      labels:', '        app: app', '    spec:', '      containers:', '        - name: app', '          image: nginx'];

function indent(n: number, lines: readonly string[]): string[] {
  return lines.map((l) => ' '.repeat(n) + l);
}

/** A Rollout whose spec is exactly `specLines` (written at column 0; indented here). */
export function rolloutWithSpec(...specLines: string[]): string {
  return yaml(...HEAD, ...indent(2, specLines));
}

/** A valid Rollout with these extra spec lines and this strategy (lines under `strategy:`). */
export function rollout(extraSpec: readonly string[], strategyLines: readonly string[]): string {
  return yaml(...HEAD, ...indent(2, extraSpec), ...SELECTOR, ...TEMPLATE, '  strategy:', ...indent(4, strategyLines));
}

/** A valid canary Rollout with `canaryLines` under `strategy.canary`. */
export function canary(...canaryLines: string[]): string {
  return rollout([], ['canary:', ...indent(2, canaryLines.length ? canaryLines : ['steps: []'])]);
}

/** A valid blueGreen Rollout with `lines` under `strategy.blueGreen`. */
export function blueGreen(...lines: string[]): string {
  return rollout([], ['blueGreen:', ...indent(2, lines)]);
}

/** The single finding of `rule`; fails when there is not exactly one. */
export function only(text: string, rule: string): Finding {
  const fs = findings(text, rule);
  assert.equal(fs.length, 1, `expected one ${rule} finding, got ${JSON.stringify(fs.map((f) => f.message))}`);
  return fs[0]!;
}

export function none(text: string, rule: string): void {
  assert.deepEqual(
    findings(text, rule).map((f) => f.message),
    [],
  );
}

/** No finding of any of these rules, nor an internal error. */
export function noneOf(text: string, rules: readonly string[]): void {
  assert.deepEqual(
    findings(text)
      .filter((f) => rules.includes(f.rule) || f.rule === 'internal-error')
      .map((f) => `${f.rule}: ${f.message}`),
    [],
  );
}
