import { strict as assert } from 'node:assert';
import { underlined } from '../../../../support/lintHelpers';
import { blueGreen, none, only, rollout } from './rolloutFixtures';

describe('blueGreen rules', () => {
  it('reports the same active and preview Service at spec.strategy.activeService', () => {
    const text = blueGreen('activeService: web', 'previewService: web');
    const f = only(text, 'bluegreen-same-services');
    assert.equal(f.message, 'Invalid value: "web": This rollout uses the same service for the active and preview services, but two different services are required.');
    assert.equal(f.path, 'spec.strategy.activeService');
    assert.equal(underlined(text, f), 'web');
  });

  it('reports a missing activeService (both empty) and explains it', () => {
    const text = blueGreen('autoPromotionEnabled: false');
    const f = only(text, 'bluegreen-same-services');
    assert.equal(
      f.message,
      'Invalid value: "": This rollout uses the same service for the active and preview services, but two different services are required. — activeService is required',
    );
    assert.equal(underlined(text, f), 'blueGreen');
  });

  it('accepts different Services, and an activeService alone', () => {
    none(blueGreen('activeService: web', 'previewService: web-preview'), 'bluegreen-same-services');
    none(blueGreen('activeService: web'), 'bluegreen-same-services');
  });

  it('reports scaleDownDelayRevisionLimit above the default revisionHistoryLimit of 10', () => {
    const text = blueGreen('activeService: web', 'scaleDownDelayRevisionLimit: 11');
    const f = only(text, 'bluegreen-scale-down-revision-limit');
    assert.equal(f.message, "Invalid value: 11: This rollout's revision history limit can not be smaller than the rollout's scale down limit");
    assert.equal(f.path, 'spec.strategy.scaleDownDelayRevisionLimit');
    assert.equal(underlined(text, f), '11');
  });

  it('accepts scaleDownDelayRevisionLimit up to revisionHistoryLimit', () => {
    none(blueGreen('activeService: web', 'scaleDownDelayRevisionLimit: 10'), 'bluegreen-scale-down-revision-limit');
    none(rollout(['revisionHistoryLimit: 3'], ['blueGreen:', '  activeService: web', '  scaleDownDelayRevisionLimit: 3']), 'bluegreen-scale-down-revision-limit');
    only(rollout(['revisionHistoryLimit: 3'], ['blueGreen:', '  activeService: web', '  scaleDownDelayRevisionLimit: 4']), 'bluegreen-scale-down-revision-limit');
  });
});
