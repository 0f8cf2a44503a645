// Regenerates the README's generated parts (`npm run docs`): the rule reference from the rules, and
// the settings and commands tables from package.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withRuleDocs } from '../src/core/lint/ruleDocs';
import { allRules } from '../src/core/lint/rules/allRules';
import { withContributionTables } from './docs/contributionTables';

const readmePath = join(__dirname, '..', 'README.md');
const before = readFileSync(readmePath, 'utf8');
const pkg: unknown = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
const after = withContributionTables(withRuleDocs(before, allRules), pkg);
writeFileSync(readmePath, after);
console.log(after === before ? 'README generated parts are up to date' : 'README generated parts regenerated');
