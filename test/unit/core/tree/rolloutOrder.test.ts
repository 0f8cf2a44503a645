import { strict as assert } from 'node:assert';
import { needsAttention, orderRollouts, pinKey } from '../../../../src/core/tree/rolloutOrder';

const entries = [
  { name: 'web', phase: 'Healthy' },
  { name: 'api', phase: 'Paused' },
  { name: 'cart', phase: 'Degraded' },
  { name: 'batch', phase: 'Progressing' },
];

describe('the order of rollouts in a namespace', () => {
  it('is by name', () => {
    assert.deepEqual(orderRollouts('ns', entries, { pinned: new Set(), attentionOnly: false }).map((e) => e.name), ['api', 'batch', 'cart', 'web']);
  });
  it('puts pinned rollouts first, pins being per namespace', () => {
    const pinned = new Set([pinKey('ns', 'web'), pinKey('other', 'cart')]);
    assert.deepEqual(orderRollouts('ns', entries, { pinned, attentionOnly: false }).map((e) => e.name), ['web', 'api', 'batch', 'cart']);
  });
  it('keeps only Paused and Degraded rollouts with the needs-attention filter', () => {
    assert.deepEqual(orderRollouts('ns', entries, { pinned: new Set([pinKey('ns', 'web')]), attentionOnly: true }).map((e) => e.name), ['api', 'cart']);
  });
  it('leaves out a rollout in a timed pause counting down, and keeps the ones waiting for a person or stuck', () => {
    const stuckEntries = [
      { name: 'timed', phase: 'Paused', stuck: 'timedPause' },
      { name: 'waiting', phase: 'Paused', stuck: 'waitingForPromotion' },
      { name: 'by-hand', phase: 'Paused', stuck: 'pausedByUser' },
      { name: 'aborted', phase: 'Degraded', stuck: 'aborted' },
      { name: 'invalid', phase: 'Degraded', stuck: 'invalidSpec' },
      { name: 'pods', phase: 'Progressing', stuck: 'podsNotReady' },
      { name: 'deadline', phase: 'Degraded', stuck: 'progressDeadline' },
      { name: 'moving', phase: 'Progressing' },
    ];
    assert.deepEqual(orderRollouts('ns', stuckEntries, { pinned: new Set(), attentionOnly: true }).map((e) => e.name), ['aborted', 'by-hand', 'deadline', 'invalid', 'pods', 'waiting']);
    assert.equal(needsAttention({ phase: 'Paused', stuck: 'timedPause' }), false);
    assert.equal(needsAttention({ phase: 'Paused' }), true, 'a pause the panel cannot explain still asks for a look');
  });
});
