import { strict as assert } from 'node:assert';
import { describeLaunch, fieldGroup, type LaunchKind } from '../../../../src/core/launch/describeLaunch';
import { aRolloutFile, liveOf } from './launchFixtures';

const stable = aRolloutFile();

function blueGreen(image: string): Record<string, unknown> {
  const file = aRolloutFile({ image });
  return { ...file, spec: { ...(file['spec'] as object), strategy: { blueGreen: { activeService: 'web', autoPromotionEnabled: false } } } };
}

interface Case {
  readonly title: string;
  readonly file: unknown;
  readonly live: unknown;
  readonly kind: LaunchKind;
  readonly lines: readonly string[];
}

const cases: Case[] = [
  {
    title: 'a Rollout the cluster does not have is created and goes straight to 100% on its first deploy',
    file: aRolloutFile({ namespace: 'default' }),
    live: undefined,
    kind: 'create',
    lines: ['creates rollout web in namespace default with 3 replicas', 'the first version goes straight to 100% without steps — no analysis on the first deploy'],
  },
  {
    title: 'a new image starts a canary at the first step and gives the step plan: traffic and pods per step',
    file: aRolloutFile({ image: 'nginx:1.26' }),
    live: liveOf(stable),
    kind: 'newRevision',
    lines: [
      'pod template changed: a canary will start at step 1, setWeight 10',
      'image app: nginx:1.25 → nginx:1.26',
      'step plan (3 replicas · maxSurge 25% (1) · maxUnavailable 25% (0) · no traffic router: the weight is the share of pods):',
      '1. setWeight: 10 → 25% traffic, 1 canary + 3 stable pods',
      '2. pause (until promoted) → 25% traffic, 1 canary + 3 stable pods',
      '3. setWeight: 50 → 50% traffic, 2 canary + 2 stable pods',
      '4. pause: 1m → 50% traffic, 2 canary + 2 stable pods',
      'after the last step → 100% traffic, 3 canary + 0 stable pods (up to 4 during the change)',
    ],
  },
  {
    title: 'background analysis is said to start at its startingStep (0-based in the spec, 1-based in words)',
    file: aRolloutFile({ image: 'nginx:1.26', analysis: { startingStep: 2, templates: [{ templateName: 'success-rate' }] } }),
    live: liveOf(aRolloutFile({ analysis: { startingStep: 2, templates: [{ templateName: 'success-rate' }] } })),
    kind: 'newRevision',
    lines: [
      'pod template changed: a canary will start at step 1, setWeight 10',
      'background analysis (success-rate) starts at step 3',
      'image app: nginx:1.25 → nginx:1.26',
      'step plan (3 replicas · maxSurge 25% (1) · maxUnavailable 25% (0) · no traffic router: the weight is the share of pods):',
      '1. setWeight: 10 → 25% traffic, 1 canary + 3 stable pods',
      '2. pause (until promoted) → 25% traffic, 1 canary + 3 stable pods',
      '3. setWeight: 50 → 50% traffic, 2 canary + 2 stable pods; analysis success-rate (background)',
      '4. pause: 1m → 50% traffic, 2 canary + 2 stable pods; analysis success-rate (background)',
      'after the last step → 100% traffic, 3 canary + 0 stable pods (up to 4 during the change); analysis success-rate (background)',
    ],
  },
  {
    title: 'a new template on a rollout mid-update replaces the canary and starts again at step 1',
    file: aRolloutFile({ image: 'nginx:1.27' }),
    live: liveOf(aRolloutFile({ image: 'nginx:1.26' }), { status: { stableRS: 'abc', currentPodHash: 'def', currentStepIndex: 1 } }),
    kind: 'newRevision',
    lines: [
      'pod template changed: a canary will start at step 1, setWeight 10',
      'image app: nginx:1.26 → nginx:1.27',
      'rollout is mid-update (step 1/4): the new template replaces the current canary and starts again at step 1',
      'step plan (3 replicas · maxSurge 25% (1) · maxUnavailable 25% (0) · no traffic router: the weight is the share of pods):',
      '1. setWeight: 10 → 25% traffic, 1 canary + 3 stable pods',
      '2. pause (until promoted) → 25% traffic, 1 canary + 3 stable pods',
      '3. setWeight: 50 → 50% traffic, 2 canary + 2 stable pods',
      '4. pause: 1m → 50% traffic, 2 canary + 2 stable pods',
      'after the last step → 100% traffic, 3 canary + 0 stable pods (up to 4 during the change)',
    ],
  },
  {
    title: 'a canary without steps goes straight to 100%',
    file: aRolloutFile({ image: 'nginx:1.26', steps: [] }),
    live: liveOf(aRolloutFile({ steps: [] })),
    kind: 'newRevision',
    lines: ['pod template changed: the canary has no steps, so the new version goes straight to 100%', 'image app: nginx:1.25 → nginx:1.26'],
  },
  {
    title: 'a new template on a blue-green rollout starts a preview that waits for promotion when auto-promotion is off',
    file: blueGreen('nginx:1.26'),
    live: liveOf(blueGreen('nginx:1.25')),
    kind: 'newRevision',
    lines: ['pod template changed: a preview ReplicaSet starts; the active service switches when you promote', 'image app: nginx:1.25 → nginx:1.26'],
  },
  {
    title: 'changed steps only make no new revision',
    file: aRolloutFile({ steps: [{ setWeight: 20 }, { pause: {} }] }),
    live: liveOf(stable),
    kind: 'noNewRevision',
    lines: ['no new revision: only steps change'],
  },
  {
    title: 'changed steps and replicas are both named',
    file: aRolloutFile({ replicas: 5, steps: [{ setWeight: 20 }] }),
    live: liveOf(stable),
    kind: 'noNewRevision',
    lines: ['no new revision: only replicas, steps change'],
  },
  {
    title: 'changed steps during an update restart the canary at step 1',
    file: aRolloutFile({ steps: [{ setWeight: 20 }, { pause: {} }] }),
    live: liveOf(stable, { status: { stableRS: 'abc', currentPodHash: 'def', currentStepIndex: 2 } }),
    kind: 'noNewRevision',
    lines: ['no new revision: only steps change', 'a canary is in progress (step 2/4): the changed steps restart it at step 1'],
  },
  {
    title: 'a file equal to the cluster apart from status, server metadata and empty defaults changes nothing',
    file: stable,
    live: liveOf(stable),
    kind: 'identical',
    lines: ['nothing changes'],
  },
  {
    title: 'a field only the cluster has, set by someone else, is reported as left alone',
    file: stable,
    live: { ...liveOf(stable), spec: { ...(liveOf(stable)['spec'] as object), paused: true } },
    kind: 'identical',
    lines: ['nothing changes', 'left as they are (only in the cluster, not set by this file): spec.paused'],
  },
  {
    title: 'a field this extension applied before and the file no longer has is removed',
    file: stable,
    live: {
      ...liveOf(stable, { managedFields: [{ manager: 'argo-rollouts-vscode', operation: 'Apply', fieldsV1: { 'f:spec': { 'f:paused': {}, 'f:replicas': {} } } }] }),
      spec: { ...(liveOf(stable)['spec'] as object), paused: true },
    },
    kind: 'noNewRevision',
    lines: ['no new revision: only paused change'],
  },
  {
    title: 'a label change alone makes no new revision',
    file: { ...stable, metadata: { name: 'web', labels: { team: 'a' } } },
    live: liveOf(stable),
    kind: 'noNewRevision',
    lines: ['no new revision: only labels change'],
  },
  {
    title: 'a change to a rollout Argo CD manages warns that self-heal may revert it',
    file: aRolloutFile({ replicas: 4 }),
    live: liveOf(stable, { metadata: { labels: { 'argocd.argoproj.io/instance': 'shop' } } }),
    kind: 'noNewRevision',
    lines: ['no new revision: only replicas change', 'managed by Argo CD application "shop": with self-heal on, Argo CD may revert this to what Git says'],
  },
];

describe('Describing a launch', () => {
  for (const c of cases) {
    it(c.title, () => {
      const d = describeLaunch(c.file, c.live);
      assert.equal(d.kind, c.kind);
      assert.deepEqual(d.lines, c.lines);
    });
  }

  it('lists the image change as a path with before and after, ignoring status and server defaults', () => {
    const d = describeLaunch(aRolloutFile({ image: 'nginx:1.26' }), liveOf(stable));
    assert.deepEqual(d.changes, [{ path: 'spec.template.spec.containers[name="app"].image', before: 'nginx:1.25', after: 'nginx:1.26', effect: 'set' }]);
  });

  it('renders a unified diff of the two specs with sorted keys, as diff -u prints it', () => {
    const d = describeLaunch(aRolloutFile({ image: 'nginx:1.26' }), liveOf(stable), { before: 'live', after: 'file' });
    assert.equal(d.diffText, [
      '--- live',
      '+++ file',
      '@@ -17,5 +17,5 @@',
      '         app: web',
      '     spec:',
      '       containers:',
      '-        - image: nginx:1.25',
      '+        - image: nginx:1.26',
      '           name: app',
      '',
    ].join('\n'));
  });

  it('gives an empty diff when nothing changes', () => assert.equal(describeLaunch(stable, liveOf(stable)).diffText, ''));

  it('lists all of the spec as new for a Rollout the cluster does not have', () => {
    const d = describeLaunch(stable, undefined);
    assert.ok(d.changes.length > 0 && d.changes.every((c) => c.before === undefined && c.effect === 'set'));
    assert.ok(d.diffText.split('\n').slice(2).filter((l) => l !== '').every((l) => l.startsWith('+') || l.startsWith('@@')));
  });

  it('does not throw on a live object with wrong-typed fields', () => {
    const broken = { spec: { template: 'x', strategy: { canary: { steps: 'y' } } }, status: { currentStepIndex: 'z' }, metadata: { managedFields: 'no' } };
    assert.equal(describeLaunch(stable, broken).kind, 'newRevision');
  });

  it('names strategy fields by their key under the strategy and other fields by their spec key', () => {
    assert.equal(fieldGroup('spec.strategy.canary.steps[1].setWeight'), 'steps');
    assert.equal(fieldGroup('spec.strategy.blueGreen.autoPromotionEnabled'), 'autoPromotionEnabled');
    assert.equal(fieldGroup('spec.replicas'), 'replicas');
  });
});
