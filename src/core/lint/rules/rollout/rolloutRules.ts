// The rollout rules, in the order Argo checks them (§1 of the semantics reference).
import type { Rule } from '../../rule';
import { analysisArgFieldPathRule } from './analysisArgFieldPathRule';
import { antiAffinityOneStrategyRule, antiAffinityWeightRule } from './antiAffinityRules';
import { blueGreenSameServicesRule, blueGreenScaleDownRevisionLimitRule } from './blueGreenRules';
import { canaryMaxSurgeUnavailableZeroRule, canarySameServicesRule } from './canaryRules';
import { experimentWeightRule } from './experimentWeightRules';
import { pauseDurationRule } from './pauseDurationRule';
import { pingPongAlbRootServiceRule, pingPongRouterRule, pingPongSameServicesRule, pingPongServicesRequiredRule } from './pingPongRules';
import {
  templateActiveDeadlineRule,
  templateContainersRule,
  templateLabelsMismatchRule,
  templateLabelsSyntaxRule,
  templateRestartPolicyRule,
} from './podTemplateRules';
import { progressDeadlineAboveMinReadyRule, rolloutNegativeCountRule } from './rolloutCountRules';
import { selectorEmptyRule, selectorInvalidRule, selectorRequiredRule, selectorSyntaxRule, workloadRefTemplateRule } from './rolloutSelectorRules';
import {
  headerRouteMatchRule,
  managedRouteNotFoundRule,
  managedRoutesRequiredRule,
  mirrorRouteMatchRule,
  setHeaderRouteRouterRule,
  setMirrorRouteRouterRule,
} from './routeStepRules';
import { startingStepRule } from './startingStepRule';
import { setCanaryScaleNeedsRoutingRule, stepSetWeightRangeRule } from './stepWeightRules';
import { stepEmptyRule, stepOneKindRule } from './stepKindRules';
import { strategyMissingRule, strategyMultipleRule } from './strategyRules';
import { dynamicStableScaleNeedsRoutingRule, dynamicStableScaleWithDelayRule, maxTrafficWeightRouterRule, scaleDownDelayNeedsRoutingRule } from './trafficRoutingOptionRules';
import { trafficRoutingServicesRule } from './trafficRoutingServicesRule';

export const rolloutRules = [
  // §1.1 top level
  rolloutNegativeCountRule,
  selectorRequiredRule,
  selectorSyntaxRule,
  selectorEmptyRule,
  workloadRefTemplateRule,
  selectorInvalidRule,
  templateLabelsMismatchRule,
  templateLabelsSyntaxRule,
  templateContainersRule,
  templateRestartPolicyRule,
  templateActiveDeadlineRule,
  progressDeadlineAboveMinReadyRule,
  strategyMissingRule,
  strategyMultipleRule,
  // §1.2 blueGreen
  blueGreenSameServicesRule,
  blueGreenScaleDownRevisionLimitRule,
  // §1.3 canary
  canaryMaxSurgeUnavailableZeroRule,
  canarySameServicesRule,
  pingPongRouterRule,
  pingPongServicesRequiredRule,
  pingPongSameServicesRule,
  pingPongAlbRootServiceRule,
  trafficRoutingServicesRule,
  scaleDownDelayNeedsRoutingRule,
  dynamicStableScaleNeedsRoutingRule,
  dynamicStableScaleWithDelayRule,
  maxTrafficWeightRouterRule,
  // §1.4 steps
  stepOneKindRule,
  stepEmptyRule,
  stepSetWeightRangeRule,
  pauseDurationRule,
  setCanaryScaleNeedsRoutingRule,
  setHeaderRouteRouterRule,
  headerRouteMatchRule,
  setMirrorRouteRouterRule,
  mirrorRouteMatchRule,
  managedRoutesRequiredRule,
  managedRouteNotFoundRule,
  experimentWeightRule,
  analysisArgFieldPathRule,
  // §1.5 anti-affinity
  antiAffinityOneStrategyRule,
  antiAffinityWeightRule,
  // beyond Argo
  startingStepRule,
] as const satisfies readonly Rule[];
