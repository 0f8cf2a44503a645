// The lint rule behind a controller's InvalidSpec message. The controller writes
// `The Rollout "web" is invalid: <field path>: <field.Error body>` (rollout/controller.go,
// createInvalidRolloutCondition); the linter reports Argo's own field path and message for the same
// check, so linting the live spec and matching path and message finds the rule whose text explains it.
import { stringify } from 'yaml';
import { lintText } from '../lint/lint';
import { isRecord } from '../untrustedJson';

export interface InvalidSpecDetail {
  /** The field.Error part: `spec.strategy.canary.steps[0].setWeight: Invalid value: 200: SetWeight needs to be between 0 and 100`. */
  readonly detail: string;
  readonly ruleId?: string;
}

const PREFIX = /^The Rollout "[^"]*" is invalid: /;

/** Splits the condition's message and finds the lint rule that reports the same field and text. */
export function invalidSpecDetail(rollout: unknown, message: string): InvalidSpecDetail {
  const detail = message.replace(PREFIX, '');
  if (!isRecord(rollout)) return { detail };
  // Only the parts a user writes: status and server metadata would only slow the linter down.
  const { status: _status, ...rest } = rollout;
  const metadata = isRecord(rest['metadata']) ? { name: rest['metadata']['name'], namespace: rest['metadata']['namespace'] } : {};
  let findings;
  try {
    findings = lintText(stringify({ ...rest, metadata }));
  } catch {
    return { detail };
  }
  const exact = findings.find((f) => detail.startsWith(`${f.path}: `) && (detail.slice(f.path.length + 2).startsWith(f.message) || f.message.startsWith(detail.slice(f.path.length + 2))));
  const samePath = findings.find((f) => detail.startsWith(`${f.path}: `));
  const rule = (exact ?? samePath)?.rule;
  return rule !== undefined ? { detail, ruleId: rule } : { detail };
}
