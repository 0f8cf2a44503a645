// "Launch Canary in Current Context" against the API double (test/vscode/testCluster.ts). The test
// Rollout is a copy of gitops-hugo named launch-hugo (own labels, no services or ingress, so the seeded
// rollouts are untouched); the first test creates it, the last removes it, so later files see only the
// seeded rollouts. The dialogs are answered through the extension's `actionPrompts`; what was sent is
// read from the double's request log.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ArgoRolloutsApi } from '../../../src/extension';
import type { ActionOutcome } from '../../../src/vscode/actions/runRolloutAction';
import type { RolloutsTreeProvider } from '../../../src/vscode/tree/rolloutsTreeProvider';
import { control, requestCount, rowAt, rows, waitForTree, writesSince, openRolloutsView } from './clusterHelpers';
import { hasRule, waitForDiagnostics } from './helpers';

const NAME = 'launch-hugo';
const APPLY_PATH = `/apis/argoproj.io/v1alpha1/namespaces/default/rollouts/${NAME}?fieldManager=argo-rollouts-vscode&force=false`;

function manifest(image: string, lastPause = '1m'): string {
  return `# A Service first, so the Rollout is not the file's first document.
apiVersion: v1
kind: Service
metadata:
  name: ${NAME}
spec:
  selector:
    app: ${NAME}
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: ${NAME}
  labels:
    app: ${NAME}
spec:
  replicas: 5
  revisionHistoryLimit: 3
  selector:
    matchLabels:
      app: ${NAME}
  template:
    metadata:
      labels:
        app: ${NAME}
    spec:
      containers:
        - name: hugo
          image: ${image}
          ports:
            - name: http
              containerPort: 1313
  strategy:
    canary:
      steps:
        - setWeight: 10
        - pause: {duration: 1m}
        - setWeight: 30
        - pause: {duration: 1m}
        - setWeight: 50
        - pause: {duration: 1m}
        - setWeight: 90
        - pause: {duration: ${lastPause}}
`;
}

interface SentRequest { method: string; path: string; contentType: string }

async function sentSince(mark: number): Promise<SentRequest[]> {
  const answer = await control('GET', `/requests?since=${mark}`);
  return Array.isArray(answer['requests']) ? (answer['requests'] as SentRequest[]) : [];
}

describe('launching a canary from the editor', () => {
  let api: ArgoRolloutsApi;
  let tree: RolloutsTreeProvider;
  const confirmations: string[] = [];
  const choices: string[] = [];
  let confirm = true;
  let choice: string | undefined;
  let prompts: vscode.Disposable;

  const open = async (text: string): Promise<vscode.TextDocument> => {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: text });
    await vscode.window.showTextDocument(doc, { preview: false });
    return doc;
  };
  const launch = async (doc: vscode.TextDocument): Promise<ActionOutcome> => {
    const offset = doc.getText().indexOf('kind: Rollout');
    const outcome = await vscode.commands.executeCommand<ActionOutcome>('argoRollouts.launchCanary', doc.uri, offset);
    assert.ok(outcome, 'the command returned nothing');
    return outcome;
  };
  const description = async (): Promise<string | undefined> =>
    (await rows(tree, (await rowAt(tree, 'test-cluster', 'default')).el)).find((r) => r.label === NAME)?.description;

  before(async () => {
    api = await openRolloutsView();
    tree = api.rolloutsTree;
    prompts = api.actionPrompts.use({
      confirm: (message, detail) => {
        confirmations.push([message, detail ?? ''].join('\n').trim());
        return Promise.resolve(confirm);
      },
      choose: (message) => {
        choices.push(message);
        return Promise.resolve(choice);
      },
    });
    await waitForTree(tree, async () => (await rows(tree, (await rowAt(tree, 'test-cluster', 'default')).el)).some((r) => r.label === 'gitops-hugo'), 'the default namespace listed');
  });

  after(async () => {
    prompts.dispose();
    await control('POST', `/rollouts/default/${NAME}/delete`);
    await waitForTree(tree, async () => (await description()) === undefined, `${NAME} gone from the tree`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  it('creates a Rollout that does not exist yet with a server-side apply under the extension\'s field manager, after a confirmation naming context, namespace and rollout', async () => {
    const doc = await open(manifest('ghcr.io/example/gitops-hugo:1.0.0'));
    const mark = await requestCount();
    const outcome = await launch(doc);
    assert.deepEqual(outcome, { status: 'done', message: `rollout '${NAME}' created: the first version goes straight to 100% without steps — no analysis on the first deploy` });
    const asked = confirmations.at(-1) ?? '';
    assert.ok(asked.startsWith(`Launch rollout "${NAME}" in namespace "default" on context "test-cluster"?\ncreates rollout ${NAME} in namespace default with 5 replicas`), asked);
    const patches = (await sentSince(mark)).filter((r) => r.method === 'PATCH');
    assert.deepEqual(patches, [{ method: 'PATCH', path: APPLY_PATH, contentType: 'application/apply-patch+yaml' }]);
    await waitForTree(tree, async () => (await description())?.startsWith('Healthy') === true, `${NAME} Healthy in the tree`);
  });

  it('with a changed image says a canary will start at step 1, applies it, and the tree row shows the canary at 10%', async () => {
    const doc = await open(manifest('ghcr.io/example/gitops-hugo:1.1.0'));
    const mark = await requestCount();
    const outcome = await launch(doc);
    assert.deepEqual(outcome, { status: 'done', message: `rollout '${NAME}' applied: a canary starts at step 1, setWeight 10` });
    const asked = confirmations.at(-1) ?? '';
    assert.ok(asked.includes('pod template changed: a canary will start at step 1, setWeight 10'), asked);
    assert.ok(asked.includes('image hugo: ghcr.io/example/gitops-hugo:1.0.0 → ghcr.io/example/gitops-hugo:1.1.0'), asked);
    const patches = (await sentSince(mark)).filter((r) => r.method === 'PATCH');
    assert.deepEqual(patches, [{ method: 'PATCH', path: APPLY_PATH, contentType: 'application/apply-patch+yaml' }]);
    await waitForTree(tree, async () => /\b10%$/.test((await description()) ?? ''), `${NAME}'s canary at 10% in the tree`);
  });

  it('puts a CodeLens naming the context and namespace above the Rollout\'s kind line only, carrying that document and the line\'s offset to the launch command', async () => {
    const doc = await open(manifest('ghcr.io/example/gitops-hugo:1.1.0'));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const ours = lenses.filter((l) => l.command?.command === 'argoRollouts.launchCanary');
    assert.deepEqual(ours.map((l) => [l.range.start.line, l.command?.title]), [[doc.positionAt(doc.getText().indexOf('kind: Rollout')).line, '▶ Launch canary in test-cluster/default']]);
    assert.deepEqual(ours[0]?.command?.arguments?.map(String), [doc.uri.toString(), String(doc.getText().indexOf('kind: Rollout'))]);
  });

  it('sends nothing when the confirmation is cancelled', async () => {
    const doc = await open(manifest('ghcr.io/example/gitops-hugo:1.2.0'));
    const mark = await requestCount();
    confirm = false;
    try {
      assert.deepEqual(await launch(doc), { status: 'cancelled' });
    } finally {
      confirm = true;
    }
    assert.deepEqual(await writesSince(mark), []);
  });

  it('is blocked by a lint error: nothing is sent until "Launch Anyway" is chosen', async () => {
    const doc = await open(manifest('ghcr.io/example/gitops-hugo:1.1.0', '1d'));
    await waitForDiagnostics(doc.uri, hasRule('pause-duration'), 'the pause-duration error');
    const mark = await requestCount();
    choice = undefined;
    assert.deepEqual(await launch(doc), { status: 'cancelled' });
    assert.match(choices.at(-1) ?? '', /^Lint found 1 error in rollout launch-hugo: /);
    assert.deepEqual(await writesSince(mark), []);

    choice = 'Launch Anyway';
    try {
      const outcome = await launch(doc);
      assert.equal(outcome.status, 'done', JSON.stringify(outcome));
    } finally {
      choice = undefined;
    }
    assert.ok((confirmations.at(-1) ?? '').includes('launching despite 1 lint error'), confirmations.at(-1));
    const patches = (await sentSince(mark)).filter((r) => r.method === 'PATCH');
    assert.deepEqual(patches, [{ method: 'PATCH', path: APPLY_PATH, contentType: 'application/apply-patch+yaml' }]);
  });
});
