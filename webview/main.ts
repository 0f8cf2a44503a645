// The rollout panel's browser side: messaging only. It renders what the host sends (`state`,
// `series`), posts `ready` once listening, and turns clicks into `action`, `requestSeries` and
// `openTemplate` messages. Everything it shows is decided in src/core.
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { isToWebview, PROTOCOL_VERSION, type ToHost } from '../src/shared/protocol';
import { startTicker } from './countdown';
import { Panel } from './panel';

interface VsCodeApi {
  postMessage(message: ToHost): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (message: ToHost): void => vscode.postMessage(message);
const root = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));

const panel = new Panel(root, {
  action: (action) => post({ type: 'action', action }),
  requestSeries: (key, widthPx) => post({ type: 'requestSeries', key, widthPx }),
  openTemplate: (key) => post({ type: 'openTemplate', key }),
});
startTicker(root);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isToWebview(message)) return;
  switch (message.type) {
    case 'state':
      panel.update(message.state);
      break;
    case 'series':
      panel.showSeries(message.series);
      break;
    default: {
      const unhandled: never = message;
      return unhandled;
    }
  }
});
post({ type: 'ready', protocol: PROTOCOL_VERSION });
