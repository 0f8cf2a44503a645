import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandIds } from '../../../src/vscode/commandIds';

interface Contributes {
  commands?: { command: string; title: string; category?: string }[];
  viewsWelcome?: { view: string; contents: string }[];
  menus?: Record<string, { command: string }[]>;
}

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: Contributes;
  activationEvents?: string[];
};

describe('the contributed commands', () => {
  it('are exactly the commands the extension registers', () => {
    const contributed = (pkg.contributes.commands ?? []).map((c) => c.command).sort();
    assert.deepEqual(contributed, Object.values(commandIds).sort());
  });

  it('all carry the "Argo Rollouts" category', () => {
    for (const c of pkg.contributes.commands ?? []) assert.equal(c.category, 'Argo Rollouts', c.command);
  });

  it('are the only commands the welcome view and menus link to', () => {
    const known: string[] = Object.values(commandIds);
    const linked = (pkg.contributes.viewsWelcome ?? []).flatMap((w) => [...w.contents.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]!));
    const menus = Object.values(pkg.contributes.menus ?? {}).flatMap((items) => items.map((i) => i.command));
    for (const id of [...linked, ...menus]) assert.ok(known.includes(id), id);
  });
});

describe('the activation events', () => {
  it('activate lazily on YAML, JSON and Helm templates (language id helm), never on startup', () => {
    assert.deepEqual(pkg.activationEvents, ['onLanguage:yaml', 'onLanguage:json', 'onLanguage:helm']);
  });
});
