// BlueGreen strategy rules (§1.2 B1, B2).
import { invalid, type Rule } from '../../rule';
import { argoStrategyPath, goInt, goString, isSet, rolloutParts, strategyAt } from './rolloutShape';

export const blueGreenSameServicesRule: Rule<'bluegreen-same-services'> = {
  id: 'bluegreen-same-services',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'activeService and previewService must be different Services',
  description:
    'Argo rejects a blueGreen strategy whose activeService equals previewService; this includes both being empty, so a ' +
    'missing activeService is reported here too. Name two different Services (previewService is optional).',
  source: '§1.2 B1',
  check(ctx) {
    const bg = rolloutParts(ctx.value)?.blueGreen;
    if (!bg) return;
    const active = goString(bg.activeService);
    const preview = goString(bg.previewService);
    if (active === undefined || preview === undefined || active !== preview) return;
    ctx.report({
      message:
        invalid(active, 'This rollout uses the same service for the active and preview services, but two different services are required.') +
        (active === '' ? ' — activeService is required' : ''),
      at: strategyAt('blueGreen', 'activeService'),
      argoPath: argoStrategyPath('activeService'),
    });
  },
};

export const blueGreenScaleDownRevisionLimitRule: Rule<'bluegreen-scale-down-revision-limit'> = {
  id: 'bluegreen-scale-down-revision-limit',
  severity: 'error',
  kinds: ['Rollout'],
  title: 'scaleDownDelayRevisionLimit must not exceed revisionHistoryLimit',
  description:
    'Argo rejects a blueGreen scaleDownDelayRevisionLimit greater than spec.revisionHistoryLimit (default 10): older ' +
    'ReplicaSets would be deleted before they are scaled down. Lower the limit or raise revisionHistoryLimit.',
  source: '§1.2 B2',
  check(ctx) {
    const parts = rolloutParts(ctx.value);
    const bg = parts?.blueGreen;
    if (!parts || !bg || !isSet(bg.scaleDownDelayRevisionLimit)) return;
    const limit = goInt(bg.scaleDownDelayRevisionLimit, 0);
    const history = goInt(parts.spec.revisionHistoryLimit, 10);
    if (limit === undefined || history === undefined || history >= limit) return;
    ctx.report({
      message: invalid(limit, "This rollout's revision history limit can not be smaller than the rollout's scale down limit"),
      at: strategyAt('blueGreen', 'scaleDownDelayRevisionLimit'),
      argoPath: argoStrategyPath('scaleDownDelayRevisionLimit'),
    });
  },
};
