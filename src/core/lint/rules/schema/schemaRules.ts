// The schema rules, in the order they are checked.
import type { Rule } from '../../rule';

export const schemaRules = [] as const satisfies readonly Rule[];
