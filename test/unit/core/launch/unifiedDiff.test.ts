import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { unifiedDiff } from '../../../../src/core/launch/unifiedDiff';

const labels = { before: 'a', after: 'b' };

/** Applies a unified diff to `before` the way `patch` does, checking every context and removed line. */
function applyDiff(before: string, diff: string): string {
  const old = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const out: string[] = [];
  let next = 0;
  const lines = diff.replace(/\n$/, '').split('\n').slice(2);
  for (const line of lines) {
    const header = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@$/.exec(line);
    if (header) {
      const count = header[2] === undefined ? 1 : Number(header[2]);
      const start = count === 0 ? Number(header[1]) : Number(header[1]) - 1;
      while (next < start) out.push(old[next++] ?? '');
      continue;
    }
    const body = line.slice(1);
    if (line.startsWith('+')) out.push(body);
    else {
      assert.equal(old[next], body, `line ${next + 1} of the old text`);
      if (line.startsWith(' ')) out.push(body);
      next++;
    }
  }
  while (next < old.length) out.push(old[next++] ?? '');
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}

describe('Unified line diff', () => {
  it('is empty for equal texts', () => assert.equal(unifiedDiff('a\nb\n', 'a\nb\n', labels), ''));

  it('shows a changed line with three lines of context and diff -u line ranges', () => {
    const before = 'l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\n';
    const after = 'l1\nl2\nl3\nl4\nL5\nl6\nl7\nl8\n';
    assert.equal(unifiedDiff(before, after, labels), '--- a\n+++ b\n@@ -2,7 +2,7 @@\n l2\n l3\n l4\n-l5\n+L5\n l6\n l7\n l8\n');
  });

  it('writes an insertion into an empty text as range 0,0', () => {
    assert.equal(unifiedDiff('', 'x\ny\n', labels), '--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n');
  });

  it('splits changes far apart into separate hunks', () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
    const after = before.replace('l1\n', 'L1\n').replace('l18', 'L18');
    assert.equal(unifiedDiff(before, after, labels).split('\n').filter((l) => l.startsWith('@@')).length, 2);
  });

  it('always yields a diff that turns the old text into the new one', () => {
    const text = fc.array(fc.constantFrom('a', 'b', 'c', 'd', '  - x', 'key: 1'), { maxLength: 25 }).map((ls) => (ls.length ? `${ls.join('\n')}\n` : ''));
    fc.assert(fc.property(text, text, (before, after) => {
      const diff = unifiedDiff(before, after, labels);
      assert.equal(diff === '' ? before : applyDiff(before, diff), after);
    }), { numRuns: 300 });
  });
});
