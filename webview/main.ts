// The rollout panel's browser side. A placeholder until the panel lands: it proves the browser
// bundle builds against the shared protocol and performs the ready handshake.
import { isToWebview, type ToHost } from '../src/shared/protocol';

interface VsCodeApi {
  postMessage(message: ToHost): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isToWebview(event.data)) return;
  const root = document.getElementById('root');
  if (root) root.textContent = `Argo Rollouts ${event.data.version}`;
});
vscode.postMessage({ type: 'ready' });
