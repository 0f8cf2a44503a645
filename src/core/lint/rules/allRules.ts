// Every lint rule. Each area keeps its own list so that rules are found next to their siblings.
import type { Rule } from '../rule';
import { analysisRules } from './analysis/analysisRules';
import { referenceRules } from './references/referenceRules';
import { rolloutRules } from './rollout/rolloutRules';
import { schemaRules } from './schema/schemaRules';

export const allRules: readonly Rule[] = [...schemaRules, ...rolloutRules, ...referenceRules, ...analysisRules];

/** Ids the engine itself reports (not from a rule). */
export const ENGINE_RULE_IDS = ['yaml-syntax', 'internal-error'] as const;

export type RuleId = (typeof allRules)[number]['id'] | (typeof ENGINE_RULE_IDS)[number];
