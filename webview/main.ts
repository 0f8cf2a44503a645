// The rollout panel's browser side: messaging only. It renders what the host sends (`state`,
// `series`), posts `ready` once listening, and turns clicks into `action`, `requestSeries`,
// `openTemplate` and `backtest` messages. Everything it shows is decided in src/core.
import 'uplot/dist/uPlot.min.css';
import './styles.css';
import { isToWebview, PROTOCOL_VERSION, type ToHost } from '../src/shared/protocol';
import { startTicker } from './countdown';
import { Panel } from './panel';
import { readViewState } from './viewState';

interface VsCodeApi {
  postMessage(message: ToHost): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (message: ToHost): void => vscode.postMessage(message);
const root = document.getElementById('root') ?? document.body.appendChild(document.createElement('div'));

const view = readViewState(vscode.getState());
const panel = new Panel(root, {
  action: (action) => post({ type: 'action', action }),
  requestSeries: (key, widthPx) => post({ type: 'requestSeries', key, widthPx }),
  openTemplate: (key) => post({ type: 'openTemplate', key }),
  backtest: (key) => post({ type: 'backtest', key }),
  openRule: (rule) => post({ type: 'openRule', rule }),
  savedOpen: (run) => view.open[run],
  toggled: (run, open) => {
    view.open[run] = open;
    vscode.setState(view);
  },
});
startTicker(root);

// The scroll position is saved once per frame at most, and restored after the first state is drawn.
let scrollSaveQueued = false;
window.addEventListener('scroll', () => {
  if (scrollSaveQueued) return;
  scrollSaveQueued = true;
  requestAnimationFrame(() => {
    scrollSaveQueued = false;
    view.scrollY = window.scrollY;
    vscode.setState(view);
  });
});
let restoreScroll = view.scrollY > 0;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isToWebview(message)) return;
  switch (message.type) {
    case 'state':
      panel.update(message.state);
      if (restoreScroll) {
        restoreScroll = false;
        window.scrollTo(0, view.scrollY);
      }
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
