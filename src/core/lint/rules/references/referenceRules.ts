// The references rules, in the order they are checked.
import type { Rule } from '../../rule';
import { analysisArgNotDeclaredRule } from './analysisArgNotDeclaredRule';
import { analysisTemplatesRule } from './analysisTemplatesRule';
import { ingressBackendRule } from './ingressBackendRule';
import { istioVirtualServiceRule } from './istioVirtualServiceRule';
import { referenceNotFoundRule } from './referenceNotFoundRule';
import { serviceSelectorRule } from './serviceSelectorRule';
import { templateInlineIndefiniteRule } from './templateInlineIndefiniteRule';
import { trafficRouterRefsConfigRule } from './trafficRouterRefsConfigRule';

export const referenceRules = [
  referenceNotFoundRule,
  serviceSelectorRule,
  trafficRouterRefsConfigRule,
  ingressBackendRule,
  istioVirtualServiceRule,
  analysisTemplatesRule,
  analysisArgNotDeclaredRule,
  templateInlineIndefiniteRule,
] as const satisfies readonly Rule[];
