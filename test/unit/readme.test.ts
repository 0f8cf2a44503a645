import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleAnchor, withRuleDocs } from '../../src/core/lint/ruleDocs';
import { allRules } from '../../src/core/lint/rules/allRules';
import { withContributionTables } from '../../scripts/docs/contributionTables';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const pkg: unknown = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

describe('the README', () => {
  it('starts with the two commands: run the product, run the tests', () => {
    const firstBlock = /```(?:bash|sh)\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = firstBlock.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
    assert.deepEqual(commands.map((c) => c.replace(/\s+#.*$/, '').trim()), ['bash scripts/demo.sh', 'bash scripts/test.sh']);
  });

  it('holds the rule reference as generated from the rules (run `npm run docs` after changing a rule)', () => {
    assert.equal(readme, withRuleDocs(readme, allRules));
  });

  it('lists every setting and command of package.json, as generated (run `npm run docs` after changing them)', () => {
    assert.equal(readme, withContributionTables(readme, pkg));
    assert.match(readme, /\| `argoRollouts\.readOnly` \| `false` \|/);
    assert.match(readme, /\| Argo Rollouts: Preview Query \| `argoRollouts\.previewQuery` \| palette \|/);
  });

  it('shows only screenshots that exist', () => {
    for (const [, file] of readme.matchAll(/!\[[^\]]*\]\(([^)]+\.png)\)/g)) assert.ok(existsSync(join(__dirname, '..', '..', file ?? '')), file);
  });

  it('has an anchor for every rule a diagnostic can link to', () => {
    for (const r of allRules) assert.ok(readme.includes(`<a id="${ruleAnchor(r.id)}"></a>`), r.id);
  });

  it('says that the deprecated webview UI toolkit is not used', () => {
    assert.match(readme, /@vscode\/webview-ui-toolkit/);
    assert.match(readme, /deprecated/);
  });

  it('numbers steps one way: from 1 in words, with `startingStep: N` where the 0-based field is meant', () => {
    const dir = join(__dirname, '..', '..', 'media', 'walkthrough');
    const docs = [readme, ...readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))];
    const walkthrough = (pkg as { contributes: { walkthroughs: { steps: { description: string }[] }[] } }).contributes.walkthroughs;
    for (const text of [...docs, ...walkthrough.flatMap((w) => w.steps.map((s) => s.description))]) {
      // "analysis from step 2" read as the panel's second step, while the field meant the third.
      assert.doesNotMatch(text, /analysis (starts )?(from|at) step \d/i);
    }
    assert.match(readme, /from the third step, `startingStep: 2`/);
  });
});
