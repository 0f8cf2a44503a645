import { strict as assert } from 'node:assert';
import { podTemplateHash } from '../../../../testbed/canarySimulator/podTemplateHash';
import { SimClock } from '../../../../testbed/canarySimulator/simClock';

describe('Simulated clock', () => {
  it('fires timers in time order with the clock set to each timer\'s time', () => {
    const clock = new SimClock('2024-05-01T10:00:00Z');
    const fired: string[] = [];
    clock.at(clock.nowMs() + 2000, () => fired.push(`b@${clock.timestamp()}`));
    clock.at(clock.nowMs() + 1000, () => {
      fired.push(`a@${clock.timestamp()}`);
      clock.at(clock.nowMs() + 500, () => fired.push(`a2@${clock.now().toISOString()}`));
    });
    clock.tick(5000);
    assert.deepEqual(fired, ['a@2024-05-01T10:00:01Z', 'a2@2024-05-01T10:00:01.500Z', 'b@2024-05-01T10:00:02Z']);
    assert.equal(clock.timestamp(), '2024-05-01T10:00:05Z');
  });

  it('leaves timers beyond the tick pending and refuses to go backwards', () => {
    const clock = new SimClock();
    let fired = false;
    clock.at(clock.nowMs() + 10_000, () => (fired = true));
    clock.tick(9_999);
    assert.equal(fired, false);
    assert.equal(clock.pendingTimers, 1);
    assert.throws(() => clock.tick(-1), RangeError);
  });
});

describe('Pod template hash', () => {
  const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:1' }] } };
  it('is stable whatever the key order and uses the controller\'s vowel-free alphabet', () => {
    const reordered = { spec: { containers: [{ image: 'web:1', name: 'web' }] }, metadata: { labels: { app: 'web' } } };
    assert.equal(podTemplateHash(template), podTemplateHash(reordered));
    assert.match(podTemplateHash(template), /^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
  });
  it('changes with the image and with the collision count', () => {
    const changed = { ...template, spec: { containers: [{ name: 'web', image: 'web:2' }] } };
    assert.notEqual(podTemplateHash(template), podTemplateHash(changed));
    assert.notEqual(podTemplateHash(template), podTemplateHash(template, 1));
  });
});
