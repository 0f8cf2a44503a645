// The schema rules, in the order they are checked.
import type { Rule } from '../../rule';
import { invalidTypeRule } from './invalidTypeRule';
import { unknownFieldRule } from './unknownFieldRule';
import { unknownKindRule } from './unknownKindRule';

export const schemaRules = [unknownKindRule, unknownFieldRule, invalidTypeRule] as const satisfies readonly Rule[];
