// The references rules, in the order they are checked.
import type { Rule } from '../../rule';

export const referenceRules = [] as const satisfies readonly Rule[];
