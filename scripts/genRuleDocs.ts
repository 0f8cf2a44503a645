// Regenerates the rule reference in README.md from the rules (`npm run docs`).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withRuleDocs } from '../src/core/lint/ruleDocs';
import { allRules } from '../src/core/lint/rules/allRules';

const readmePath = join(__dirname, '..', 'README.md');
const before = readFileSync(readmePath, 'utf8');
const after = withRuleDocs(before, allRules);
writeFileSync(readmePath, after);
console.log(after === before ? 'README rule reference is up to date' : 'README rule reference regenerated');
