// Helpers for extension-host tests against the API double (test/vscode/testCluster.ts): its control
// endpoint, the Rollouts tree's rows, and waiting for tree events (never for time).
import { strict as assert } from 'node:assert';
import { request } from 'node:http';
import * as vscode from 'vscode';
import type { ArgoRolloutsApi } from '../../../src/extension';
import type { ActionOutcome } from '../../../src/vscode/actions/runRolloutAction';
import type { RolloutsElement, RolloutsTreeProvider } from '../../../src/vscode/tree/rolloutsTreeProvider';
import { EXTENSION_ID } from './helpers';

/** Shows the Rollouts view (which starts its watches) and returns the extension's API. */
export async function openRolloutsView(): Promise<ArgoRolloutsApi> {
  await vscode.commands.executeCommand('workbench.view.extension.argoRollouts');
  const ext = vscode.extensions.getExtension<ArgoRolloutsApi>(EXTENSION_ID);
  assert.ok(ext);
  return ext.activate();
}

export function control(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<Record<string, unknown>> {
  const base = process.env.ARGO_ROLLOUTS_TEST_CONTROL;
  if (!base) throw new Error('ARGO_ROLLOUTS_TEST_CONTROL is not set: run the suite with npm run test:vscode');
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (res.statusCode !== 200 || typeof body !== 'object' || body === null) reject(new Error(`${method} ${path}: ${res.statusCode} ${JSON.stringify(body)}`));
        else resolve(body as Record<string, unknown>);
      });
    });
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

/** How many requests the API double has answered so far (a mark for `writesSince`). */
export async function requestCount(): Promise<number> {
  return Number((await control('GET', '/requests?since=0'))['count']);
}

/** Requests other than GET (writes and access reviews) sent since the mark, as "METHOD path". */
export async function writesSince(mark: number): Promise<string[]> {
  const answer = await control('GET', `/requests?since=${mark}`);
  const sent = Array.isArray(answer['requests']) ? (answer['requests'] as { method: string; path: string }[]) : [];
  return sent.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
}

export interface Row {
  readonly el: RolloutsElement;
  readonly label: string;
  readonly description: string;
  readonly contextValue: string;
}

export async function rows(tree: RolloutsTreeProvider, parent?: RolloutsElement): Promise<Row[]> {
  const children = await tree.getChildren(parent);
  return children.map((el) => {
    const item = tree.getTreeItem(el);
    const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
    return { el, label, description: typeof item.description === 'string' ? item.description : '', contextValue: item.contextValue ?? '' };
  });
}

/** Walks the tree along the labels: the row at the end, or the first label missing and the rows that were there. */
async function walkRows(tree: RolloutsTreeProvider, labels: readonly string[]): Promise<Row | { missing: string; among: string[] }> {
  let row: Row | undefined;
  for (const label of labels) {
    const level = await rows(tree, row?.el);
    row = level.find((r) => r.label === label);
    if (!row) return { missing: label, among: level.map((r) => r.label) };
  }
  if (!row) throw new Error('no labels given');
  return row;
}

/** The row at the path of labels, or undefined while it is not there (e.g. its namespace still says "Loading…"). */
export async function rowIfAny(tree: RolloutsTreeProvider, ...labels: string[]): Promise<Row | undefined> {
  const walked = await walkRows(tree, labels);
  return 'missing' in walked ? undefined : walked;
}

export async function rowAt(tree: RolloutsTreeProvider, ...labels: string[]): Promise<Row> {
  const walked = await walkRows(tree, labels);
  if ('missing' in walked) throw new Error(`no row "${walked.missing}" among ${JSON.stringify(walked.among)}`);
  return walked;
}

/** Resolves once `ok` holds: checked now and after each tree change event (no sleeps). */
export function waitForTree(tree: RolloutsTreeProvider, ok: () => Promise<boolean>, what: string, timeoutMs = 15000): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (e?: Error): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      sub.dispose();
      if (e) reject(e);
      else resolve();
    };
    const check = (): void => void ok().then((yes) => yes && finish(), (e: unknown) => finish(e instanceof Error ? e : new Error(String(e))));
    const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    const sub = tree.onDidChangeTreeData(check);
    check();
  });
}

/** Sets an `argoRollouts.*` setting for the user (undefined removes it). */
export function setSetting(key: string, value: unknown): Thenable<void> {
  return vscode.workspace.getConfiguration('argoRollouts').update(key, value, vscode.ConfigurationTarget.Global);
}

/** Runs an action command on a tree row and returns what it reports. */
export async function runAction(command: string, row: Row): Promise<ActionOutcome> {
  const outcome = await vscode.commands.executeCommand<ActionOutcome>(command, row.el);
  assert.ok(outcome, `${command} returned nothing`);
  return outcome;
}

/** A `confirm` answer that says yes and records each question (message and detail) for the test to assert. */
export function acceptAndRecord(questions: string[]): (message: string, detail: string | undefined) => Promise<boolean> {
  return (message, detail) => {
    questions.push([message, detail ?? ''].join(' ').trim());
    return Promise.resolve(true);
  };
}
