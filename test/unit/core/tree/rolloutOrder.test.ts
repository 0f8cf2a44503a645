import { strict as assert } from 'node:assert';
import { orderRollouts, pinKey } from '../../../../src/core/tree/rolloutOrder';

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
});
