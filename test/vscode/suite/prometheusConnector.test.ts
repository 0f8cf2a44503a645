// The Prometheus connector as the panel and the CodeLens reach it (api.prometheus): an in-cluster
// template address goes through the API double's service proxy of the current context, and the
// argoRollouts.prometheus.urls setting for the context wins, read afresh on every target().
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { openRolloutsView } from './clusterHelpers';
import { freePort } from '../../support/freePort';

const NOW = 1_767_225_600;

describe('Prometheus connector', () => {
  const config = () => vscode.workspace.getConfiguration('argoRollouts.prometheus');

  afterEach(async () => {
    await config().update('urls', undefined, vscode.ConfigurationTarget.Global);
  });

  it('sends an in-cluster address through the service proxy of the current context and explains a missing Service', async () => {
    const api = await openRolloutsView();
    const context = api.cluster.contexts()?.currentContext ?? '';
    // monitoring/prometheus is served (the test Prometheus); observability/prometheus is not.
    const target = await api.prometheus.target('http://prometheus.observability:9090');
    assert.ok(target.ok, target.ok ? '' : target.error);
    assert.equal(target.value.where, `service proxy of the API server of context ${context} to observability/prometheus:9090`);
    const r = await target.value.client.instant('up', NOW);
    assert.ok(!r.ok);
    assert.match(r.error.message, /does not exist \(404\): services "prometheus" not found\..*argoRollouts\.prometheus\.urls/);
  });

  it('uses the URL setting of the context instead, as soon as it is set', async () => {
    const api = await openRolloutsView();
    const context = api.cluster.contexts()?.currentContext ?? '';
    const url = `http://127.0.0.1:${await freePort()}`;
    await config().update('urls', { [context]: url }, vscode.ConfigurationTarget.Global);
    const target = await api.prometheus.target('http://prometheus.monitoring:9090');
    assert.ok(target.ok, target.ok ? '' : target.error);
    assert.equal(target.value.where, `${url} (URL setting for context ${context})`);
    const r = await target.value.client.instant('up', NOW);
    assert.ok(!r.ok);
    assert.match(r.error.message, /^Cannot reach Prometheus at http:\/\/127\.0\.0\.1:\d+ \(URL setting for context .*\): connection refused\./);
  });
});
