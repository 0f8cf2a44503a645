// The rollout panel's browser side. A placeholder until the panel lands: it proves the browser
// bundle builds against the shared protocol and performs the ready handshake.
import { isToWebview, PROTOCOL_VERSION, type ToHost } from '../src/shared/protocol';

interface VsCodeApi {
  postMessage(message: ToHost): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isToWebview(event.data)) return;
  const root = document.getElementById('root');
  if (root && event.data.type === 'state') root.textContent = `${event.data.state.header.name}: ${event.data.state.header.status}`;
});
vscode.postMessage({ type: 'ready', protocol: PROTOCOL_VERSION });
