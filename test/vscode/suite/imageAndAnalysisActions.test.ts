// Set Image…, Undo…, Terminate AnalysisRun and Create AnalysisRun from Template… against the API
// double (test/vscode/testCluster.ts), on a gitops-hugo of its own in namespace "staging" so the
// seeded rollouts keep their revisions for the other files; the last hook deletes it. The dialogs are
// answered through the extension's `actionPrompts`; what was sent is read from the double's request log.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { ArgQuestion } from '../../../src/core/actions/analysisRunInputs';
import type { UndoChoice } from '../../../src/core/actions/undoChoices';
import type { ArgoRolloutsApi } from '../../../src/extension';
import type { ContainerChoice, TemplateChoice } from '../../../src/vscode/actions/prompts';
import type { RolloutsTreeProvider } from '../../../src/vscode/tree/rolloutsTreeProvider';
import { acceptAndRecord, control, openRolloutsView, requestCount, rowAt, rowIfAny, rows, runAction, setSetting, waitForTree, writesSince, type Row } from './clusterHelpers';

const NS = 'staging';
const ROLLOUT_PATH = `/apis/argoproj.io/v1alpha1/namespaces/${NS}/rollouts/gitops-hugo`;
// Every write names the extension as its field manager, so the API server records it under that name.
const BY_EXTENSION = '?fieldManager=argo-rollouts-vscode';
const ACCESS_REVIEW = `POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews${BY_EXTENSION}`;

interface SentRequest { method: string; path: string; contentType: string; body: string }

async function sentSince(mark: number): Promise<SentRequest[]> {
  const answer = await control('GET', `/requests?since=${mark}&bodies=1`);
  return Array.isArray(answer['requests']) ? (answer['requests'] as SentRequest[]) : [];
}

function parsed(body: string): unknown {
  return JSON.parse(body) as unknown;
}

describe('set image, undo and the AnalysisRun actions', () => {
  let api: ArgoRolloutsApi;
  let tree: RolloutsTreeProvider;
  const confirmations: string[] = [];
  let typedName: string | undefined;
  let prompts: vscode.Disposable;

  const rollout = (): Promise<Row> => rowAt(tree, 'test-cluster', NS, 'gitops-hugo');
  const revisions = async (): Promise<Row[]> => rows(tree, (await rollout()).el);
  const waitForRollout = (ok: (row: Row, revisions: Row[]) => boolean, what: string): Promise<void> =>
    waitForTree(tree, async () => ok(await rollout(), await revisions()), what);

  before(async () => {
    api = await openRolloutsView();
    tree = api.rolloutsTree;
    prompts = api.actionPrompts.use({
      confirm: acceptAndRecord(confirmations),
      typeName: () => Promise.resolve(typedName),
    });
    await control('POST', `/seed/${NS}`);
    await setSetting('namespaces', ['*']);
    await waitForTree(tree, async () => (await rows(tree, (await rowAt(tree, 'test-cluster')).el)).some((r) => r.label === NS), 'the staging namespace');
    await waitForRollout((row) => row.description === 'Healthy · step 8/8 · 100%', 'the healthy staging rollout');
  });

  after(async () => {
    prompts.dispose();
    await control('POST', `/rollouts/${NS}/gitops-hugo/delete`);
    await setSetting('protectedContexts', undefined);
    await setSetting('namespaces', []);
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  it('sets the image of the container picked from the row with the plugin\'s PUT of the whole rollout, and the rollout starts revision 2', async () => {
    const offered: ContainerChoice[][] = [];
    const asked: string[] = [];
    const answers = api.actionPrompts.use({
      pickContainer: (_rollout, choices) => {
        offered.push([...choices]);
        return Promise.resolve(choices[0]);
      },
      inputImage: (container, current) => {
        asked.push(`${container} ${current}`);
        return Promise.resolve('ghcr.io/example/gitops-hugo:1.2.0');
      },
    });
    try {
      const mark = await requestCount();
      const outcome = await runAction('argoRollouts.setImageRollout', await rollout());
      assert.deepEqual(outcome, { status: 'done', message: 'rollout "gitops-hugo" image updated' });
      assert.deepEqual(offered, [[{ name: 'hugo', image: 'ghcr.io/example/gitops-hugo:1.0.0', list: 'containers' }]]);
      assert.deepEqual(asked, ['hugo ghcr.io/example/gitops-hugo:1.0.0']);
      assert.equal(confirmations.at(-1), 'Set the image of rollout "gitops-hugo" in namespace "staging" on context "test-cluster"? '
        + 'The new image starts a new update of the rollout. Container "hugo" gets image "ghcr.io/example/gitops-hugo:1.2.0".');
      assert.deepEqual(await writesSince(mark), [ACCESS_REVIEW, `PUT ${ROLLOUT_PATH}${BY_EXTENSION}`]);
      const put = (await sentSince(mark)).find((r) => r.method === 'PUT');
      assert.equal(put?.contentType, 'application/json');
      const body = parsed(put?.body ?? '{}') as { kind: string; spec: { template: { spec: { containers: { name: string; image: string }[] } } } };
      assert.equal(body.kind, 'Rollout', 'the whole object, as the plugin sends it');
      assert.deepEqual(body.spec.template.spec.containers.map((c) => `${c.name}=${c.image}`), ['hugo=ghcr.io/example/gitops-hugo:1.2.0']);
      await waitForRollout((row, revs) => row.description === 'Paused · step 1/8 · 10%' && revs[0]?.label === 'revision:2', 'revision 2 at its first pause');
    } finally {
      answers.dispose();
    }
  });

  it('terminates the running AnalysisRun from its row with the plugin\'s merge patch, and the row stops showing it running', async () => {
    // Background analysis starts at step 2: promote to the next pause so a run is measuring.
    await control('POST', `/rollouts/${NS}/gitops-hugo/promote`);
    let runRow: Row | undefined;
    await waitForTree(tree, async () => {
      runRow = (await rows(tree, (await revisions())[0]?.el)).find((r) => r.contextValue === 'analysisRun:Running');
      return runRow !== undefined;
    }, 'a running AnalysisRun under revision 2');
    assert.ok(runRow);
    const mark = await requestCount();
    const outcome = await runAction('argoRollouts.terminateAnalysisRun', runRow);
    assert.deepEqual(outcome, { status: 'done', message: `analysisRun '${runRow.label}' terminated` });
    assert.equal(confirmations.at(-1), `Terminate AnalysisRun "${runRow.label}" of rollout "gitops-hugo" in namespace "staging" on context "test-cluster"? `
      + 'The analysis stops taking measurements and ends with its current result.');
    const patch = (await sentSince(mark)).filter((r) => r.method === 'PATCH');
    assert.deepEqual(patch.map((r) => [r.path, r.contentType, parsed(r.body)]), [
      [`/apis/argoproj.io/v1alpha1/namespaces/${NS}/analysisruns/${runRow.label}${BY_EXTENSION}`, 'application/merge-patch+json', { spec: { terminate: true } }],
    ]);
    const name = runRow.label;
    await waitForTree(tree, async () => {
      const now = (await rows(tree, (await revisions())[0]?.el)).find((r) => r.label === name);
      return now !== undefined && now.contextValue !== 'analysisRun:Running';
    }, 'the terminated run');
    const again = await runAction('argoRollouts.terminateAnalysisRun', runRow);
    assert.equal(again.status, 'refused', 'a run that is no longer measuring is not terminated twice');
  });

  it('creates an AnalysisRun from a template with the prompted arguments, and refuses a required argument left blank', async () => {
    const templates: TemplateChoice[][] = [];
    const questions: ArgQuestion[] = [];
    // Whatever the seeded template declares: "namespace" gets the namespace, any other argument a value naming it.
    let blank: string | undefined;
    const answer = (name: string): string => (name === blank ? ' ' : name === 'namespace' ? NS : `${name}-from-test`);
    const answers = api.actionPrompts.use({
      pickTemplate: (_namespace, choices) => {
        templates.push([...choices]);
        return Promise.resolve(choices.find((c) => c.name === 'latency'));
      },
      inputArg: (_template, question) => {
        questions.push(question);
        return Promise.resolve(answer(question.name));
      },
      inputRunName: () => Promise.resolve({ generateName: 'latency-manual-' }),
    });
    try {
      const mark = await requestCount();
      const outcome = await runAction('argoRollouts.createAnalysisRun', await rollout());
      assert.deepEqual(templates[0]?.map((t) => `${t.name} ${t.clusterScope ? 'ClusterAnalysisTemplate' : 'AnalysisTemplate'}`), ['latency AnalysisTemplate', 'success-rate AnalysisTemplate']);
      const declared = questions.map((q) => q.name);
      assert.ok(declared.includes('namespace'), JSON.stringify(questions));
      assert.equal(templates[0]?.[0]?.description, declared.join(', '), 'the picker lists the arguments');
      assert.ok(questions.every((q) => q.required && q.defaultValue === undefined), 'the seeded arguments have no defaults');
      assert.equal(outcome.status, 'done', JSON.stringify(outcome));
      const created = /^analysisrun\.argoproj\.io\/(latency-manual-\w+) created$/.exec(outcome.status === 'done' ? outcome.message : '');
      assert.ok(created, JSON.stringify(outcome));
      const argText = declared.map((n) => `${n}=${answer(n)}`).join(', ');
      assert.ok((confirmations.at(-1) ?? '').startsWith('Create an AnalysisRun for rollout "gitops-hugo" in namespace "staging" on context "test-cluster"? '), confirmations.at(-1));
      assert.ok((confirmations.at(-1) ?? '').endsWith(`The run is named "latency-manual-…", from AnalysisTemplate "latency" with ${argText}.`), confirmations.at(-1));
      assert.deepEqual(await writesSince(mark), [ACCESS_REVIEW, `POST /apis/argoproj.io/v1alpha1/namespaces/${NS}/analysisruns${BY_EXTENSION}`]);
      const stored = await control('GET', `/objects/analysisruns/${NS}/${created[1] ?? ''}`);
      assert.deepEqual((stored['spec'] as { args: unknown }).args, declared.map((name) => ({ name, value: answer(name) })));

      blank = 'namespace';
      const blankMark = await requestCount();
      const refused = await runAction('argoRollouts.createAnalysisRun', await rollout());
      assert.deepEqual(refused, { status: 'refused', message: 'Argument "namespace" has no default: type a value. Nothing was sent.' });
      assert.deepEqual(await writesSince(blankMark), []);
    } finally {
      answers.dispose();
    }
  });

  it('undoes to the previous revision, offered first among the older ones with its images, with the plugin\'s JSON patch', async () => {
    const offered: UndoChoice[][] = [];
    const answers = api.actionPrompts.use({
      pickRevision: (_rollout, choices) => {
        offered.push([...choices]);
        return Promise.resolve(choices[0]);
      },
    });
    try {
      const mark = await requestCount();
      const outcome = await runAction('argoRollouts.undoRollout', await rollout());
      assert.deepEqual(outcome, { status: 'done', message: 'rollout \'gitops-hugo\' undo' });
      assert.deepEqual(offered[0]?.map((c) => [c.revision, c.previous, c.images.join()]), [[1, true, 'hugo=ghcr.io/example/gitops-hugo:1.0.0']]);
      assert.match(confirmations.at(-1) ?? '', /^Undo rollout "gitops-hugo" in namespace "staging" on context "test-cluster"\? .* Revision 1 \(hugo=ghcr\.io\/example\/gitops-hugo:1\.0\.0\) comes back\.$/);
      const patch = (await sentSince(mark)).filter((r) => r.method === 'PATCH');
      assert.equal(patch.length, 1);
      assert.equal(patch[0]?.path, `${ROLLOUT_PATH}${BY_EXTENSION}`);
      assert.equal(patch[0]?.contentType, 'application/json-patch+json');
      const ops = parsed(patch[0]?.body ?? '[]') as { op: string; path: string; value: { metadata: unknown; spec: { containers: { image: string }[] } } }[];
      assert.deepEqual(ops.map((o) => [o.op, o.path, o.value.spec.containers[0]?.image]), [['replace', '/spec/template', 'ghcr.io/example/gitops-hugo:1.0.0']]);
      assert.deepEqual(ops[0]?.value.metadata, { labels: { app: 'gitops-hugo' } }, 'without the rollouts-pod-template-hash label');
      await waitForRollout((row, revs) => revs[0]?.label === 'revision:3' && /^Healthy/.test(row.description), 'the old template back as revision 3');
    } finally {
      answers.dispose();
    }
  });

  it('terminates a running Experiment and retries a failed one from their rows, with the plugin\'s patches', async () => {
    await control('POST', `/experiments/${NS}/gitops-hugo/exp-running?phase=Running`);
    await control('POST', `/experiments/${NS}/gitops-hugo/exp-failed?phase=Failed`);
    const experiments = async (): Promise<Row[]> => {
      const found: Row[] = [];
      for (const revision of await revisions()) found.push(...(await rows(tree, revision.el)).filter((r) => r.contextValue.startsWith('experiment:')));
      return found;
    };
    await waitForTree(tree, async () => (await experiments()).length === 2, 'both experiments under a revision of the rollout');
    const [failed, running] = (await experiments()).sort((a, b) => a.label.localeCompare(b.label));
    assert.equal(running?.contextValue, 'experiment:Running');
    assert.equal(failed?.contextValue, 'experiment:Failed');
    assert.ok(running && failed);
    const mark = await requestCount();
    assert.deepEqual(await runAction('argoRollouts.terminateExperiment', running), { status: 'done', message: 'experiment \'exp-running\' terminated' });
    assert.equal(confirmations.at(-1), 'Terminate Experiment "exp-running" of rollout "gitops-hugo" in namespace "staging" on context "test-cluster"? '
      + 'The experiment stops and scales down its ReplicaSets.');
    assert.deepEqual(await runAction('argoRollouts.terminateExperiment', failed), {
      status: 'refused', message: 'Terminate Experiment is not available for Experiment "exp-failed" in its current state: nothing was sent.',
    });
    assert.deepEqual(await runAction('argoRollouts.retryExperiment', failed), { status: 'done', message: 'experiment \'exp-failed\' retried' });
    const patches = (await sentSince(mark)).filter((r) => r.method === 'PATCH');
    assert.deepEqual(patches.map((r) => [r.path, r.contentType, parsed(r.body)]), [
      [`/apis/argoproj.io/v1alpha1/namespaces/${NS}/experiments/exp-running${BY_EXTENSION}`, 'application/merge-patch+json', { spec: { terminate: true } }],
      [`/apis/argoproj.io/v1alpha1/namespaces/${NS}/experiments/exp-failed${BY_EXTENSION}`, 'application/merge-patch+json', { status: null }],
    ]);
  });

  it('sets the image of a workloadRef rollout in its Deployment, warning that the Deployment\'s Argo CD application may revert it', async () => {
    // The Deployment carries Argo CD's label, the Rollout does not: the warning must come from what is written.
    await control('POST', `/objects/deployments/${NS}`, {
      metadata: { name: 'hugo-web', labels: { app: 'hugo-web', 'argocd.argoproj.io/instance': 'shop-web' } },
      spec: {
        replicas: 0, selector: { matchLabels: { app: 'hugo-web' } },
        template: { metadata: { labels: { app: 'hugo-web' } }, spec: { containers: [{ name: 'web', image: 'ghcr.io/example/hugo-web:1.0.0' }] } },
      },
    });
    await control('POST', `/objects/rollouts/${NS}`, {
      metadata: { name: 'hugo-workload' },
      spec: {
        replicas: 1, selector: { matchLabels: { app: 'hugo-web' } },
        workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'hugo-web' },
        strategy: { canary: { steps: [{ setWeight: 50 }, { pause: {} }] } },
      },
    });
    const answers = api.actionPrompts.use({
      pickContainer: (_rollout, choices) => Promise.resolve(choices[0]),
      inputImage: () => Promise.resolve('ghcr.io/example/hugo-web:1.1.0'),
    });
    try {
      await waitForTree(tree, async () => (await rowIfAny(tree, 'test-cluster', NS, 'hugo-workload')) !== undefined, 'the workloadRef rollout');
      const mark = await requestCount();
      const outcome = await runAction('argoRollouts.setImageRollout', await rowAt(tree, 'test-cluster', NS, 'hugo-workload'));
      assert.equal(outcome.status, 'done');
      assert.equal(confirmations.at(-1), 'Set the image of rollout "hugo-workload" in namespace "staging" on context "test-cluster"? '
        + 'The new image starts a new update of the rollout. Container "web" gets image "ghcr.io/example/hugo-web:1.1.0". '
        + 'The image is set in Deployment "hugo-web" (spec.workloadRef). '
        + 'Deployment "hugo-web" (spec.workloadRef) is managed by Argo CD application "shop-web": if self-heal is on, Argo CD may revert this change to what Git says.');
      assert.deepEqual((await writesSince(mark)).filter((w) => w.startsWith('PUT')), [`PUT /apis/apps/v1/namespaces/${NS}/deployments/hugo-web${BY_EXTENSION}`]);
    } finally {
      answers.dispose();
      await control('DELETE', `/objects/rollouts/${NS}/hugo-workload`);
      await control('DELETE', `/objects/deployments/${NS}/hugo-web`);
    }
  });

  it('in a protected context refuses set image unless the rollout name is typed, and writes nothing', async () => {
    await setSetting('protectedContexts', ['test-*']);
    const answers = api.actionPrompts.use({
      pickContainer: (_rollout, choices) => Promise.resolve(choices[0]),
      inputImage: () => Promise.resolve('ghcr.io/example/gitops-hugo:9.9.9'),
    });
    try {
      const mark = await requestCount();
      typedName = 'gitops';
      const refused = await runAction('argoRollouts.setImageRollout', await rollout());
      assert.equal(refused.status, 'refused');
      assert.match(refused.status === 'refused' ? refused.message : '', /does not match rollout "gitops-hugo": set image was not sent to protected context "test-cluster"/);
      typedName = undefined;
      assert.deepEqual(await runAction('argoRollouts.setImageRollout', await rollout()), { status: 'cancelled' });
      assert.deepEqual(await writesSince(mark), []);
    } finally {
      answers.dispose();
      typedName = undefined;
      await setSetting('protectedContexts', undefined);
    }
  });
});
