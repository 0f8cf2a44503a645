import { strict as assert } from 'node:assert';
import { kubeError, kubeErrorMessage } from '../../../../src/core/kube/kubeErrors';

describe('Cluster error messages', () => {
  it('tell an unreachable cluster by its URL and context and suggest the network or another context', () => {
    assert.equal(kubeErrorMessage({ kind: 'unreachable', context: 'prod', url: 'https://10.0.0.1:6443', cause: 'connection refused' }),
      'Cannot reach the cluster at https://10.0.0.1:6443 (context prod): connection refused. Check your VPN/network or switch context.');
  });
  it('say that the credentials of the context were rejected on a 401', () => {
    assert.match(kubeErrorMessage({ kind: 'unauthorized', context: 'prod' }), /^The cluster rejected the credentials of context prod \(401\): .*Log in again/);
  });
  it('quote the API server on a 403 and add what to do', () => {
    const m = kubeErrorMessage({ kind: 'forbidden', context: 'dev', apiMessage: 'rollouts.argoproj.io "a" is forbidden: User "u" cannot patch resource "rollouts"' });
    assert.ok(m.startsWith('rollouts.argoproj.io "a" is forbidden: User "u" cannot patch resource "rollouts". (403, context dev)'));
    assert.match(m, /switch to a context that has it\.$/);
  });
  it('say that the Argo Rollouts CRDs are missing', () => {
    assert.match(kubeErrorMessage({ kind: 'crdMissing', context: 'kind' }), /^Argo Rollouts CRDs are not installed in this cluster \(no rollouts\.argoproj\.io\)/);
  });
  it('give a next step for 404, 409, 410, 5xx and other refusals', () => {
    const apiMessage = 'boom';
    const messages = [
      kubeErrorMessage({ kind: 'notFound', context: 'c', apiMessage }),
      kubeErrorMessage({ kind: 'conflict', context: 'c', apiMessage }),
      kubeErrorMessage({ kind: 'gone', context: 'c', apiMessage }),
      kubeErrorMessage({ kind: 'serverError', context: 'c', url: 'https://x', status: 503, apiMessage }),
      kubeErrorMessage({ kind: 'rejected', context: 'c', status: 422, apiMessage }),
    ];
    assert.deepEqual(messages.map((m) => /\((404|409|410|HTTP 503|HTTP 422)[,)]/.exec(m)?.[1]), ['404', '409', '410', 'HTTP 503', 'HTTP 422']);
    for (const m of messages) assert.match(m, /(refresh|try again|Try again|report it)/);
  });
  it('name the user and command of a missing credential plugin', () => {
    assert.ok(kubeErrorMessage({ kind: 'credentialPlugin', user: 'x', command: 'aws', problem: 'missing', detail: '' })
      .startsWith('The kubeconfig user "x" runs "aws" to get credentials, but "aws" is not on PATH. Install it or'));
  });
  it('say how long a hanging credential plugin was given', () => {
    assert.match(kubeErrorMessage({ kind: 'credentialPlugin', user: 'x', command: 'gke-gcloud-auth-plugin', problem: 'timeout', detail: '30s' }), /did not answer within 30s\./);
  });
  it('quote what a failing credential plugin printed', () => {
    assert.match(kubeErrorMessage({ kind: 'credentialPlugin', user: 'x', command: 'aws', problem: 'failed', detail: 'token expired' }), /but it failed: token expired\. Run it/);
  });
  it('carry the message with the details', () => {
    const e = kubeError({ kind: 'unauthorized', context: 'c' });
    assert.equal(e.kind, 'unauthorized');
    assert.equal(e.message, kubeErrorMessage(e));
  });
});
