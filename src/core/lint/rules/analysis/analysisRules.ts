// The analysis rules, in the order they are checked.
import type { Rule } from '../../rule';
import { conditionSyntaxRule } from './conditionSyntaxRule';
import { dryRunRule } from './dryRunRule';
import { experimentDurationRule } from './experimentDurationRule';
import { experimentTemplatesRule } from './experimentTemplatesRule';
import { metricsRule } from './metricsRule';
import { prometheusProviderRule } from './prometheusProviderRule';
import { promqlSyntaxRule } from './promqlSyntaxRule';
import { templateArgsRule } from './templateArgsRule';
import { unusedArgRule } from './unusedArgRule';

export const analysisRules = [
  metricsRule,
  dryRunRule,
  templateArgsRule,
  unusedArgRule,
  prometheusProviderRule,
  promqlSyntaxRule,
  conditionSyntaxRule,
  experimentTemplatesRule,
  experimentDurationRule,
] as const satisfies readonly Rule[];
