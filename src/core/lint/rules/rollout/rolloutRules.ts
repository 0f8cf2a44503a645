// The rollout rules, in the order they are checked.
import type { Rule } from '../../rule';

export const rolloutRules = [] as const satisfies readonly Rule[];
