// The analysis rules, in the order they are checked.
import type { Rule } from '../../rule';

export const analysisRules = [] as const satisfies readonly Rule[];
