// VS Code in the browser for the demo: code-server (installed into .cache/ by scripts/installTestDeps.sh,
// see /work/shared/reference/vscode-tests.md) on 127.0.0.1 with a throw-away profile, the extension
// installed from its .vsix (as a user would install it), and the demo's KUBECONFIG in the environment
// its extension host inherits. Paths and the .vsix install are the test harness's
// (test/vscode/codeServerVsCode.js); the demo adds a profile meant for people and a process group it
// stops completely on Ctrl+C.
import { mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CODE_SERVER, installVsix, NODE24 } from '../../test/vscode/codeServerVsCode';
import { freePort } from '../../test/support/freePort';
import { startManagedProcess } from './managedProcess';

export interface DemoCodeServerOptions {
  readonly folder: string;
  /** Profile, extensions and config live here (removed with the demo's state dir). */
  readonly dataDir: string;
  readonly vsix: string;
  readonly env: Record<string, string>;
  readonly settings: Record<string, unknown>;
  readonly port?: number;
  readonly log?: (line: string) => void;
}

export interface DemoCodeServer {
  readonly port: number;
  /** The URL that opens the demo workspace. */
  readonly url: string;
  stop(): Promise<void>;
}

// The profile: quiet (no telemetry, update checks, AI or git noise, no empty chat side bar), and the
// Welcome page on start, where the walkthrough "Argo Rollouts: a guided demo" is one click away.
const USER_SETTINGS = {
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'workbench.startupEditor': 'welcomePage',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
};

export async function startDemoCodeServer(o: DemoCodeServerOptions): Promise<DemoCodeServer> {
  for (const [what, p] of [['Node 24', NODE24], ['code-server', CODE_SERVER], ['the extension package', o.vsix]] as const) {
    if (!existsSync(p)) throw new Error(`${what} not found at ${p}: run bash scripts/demo.sh (it installs and packages what is missing)`);
  }
  const config = join(o.dataDir, 'config.yaml');
  const userData = join(o.dataDir, 'user-data');
  const extensions = join(o.dataDir, 'extensions');
  await mkdir(join(userData, 'User'), { recursive: true });
  // An empty config file: ~/.config/code-server/config.yaml could switch password auth on.
  await writeFile(config, '');
  await writeFile(join(userData, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...o.settings }, null, 2));
  const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];
  // Node 24 first on PATH: code-server 4.139 needs it, and its extension host inherits it.
  // EXTENSIONS_GALLERY={} keeps it from looking up the marketplace (no internet here).
  const env = { ...process.env, ...o.env, EXTENSIONS_GALLERY: '{}', PATH: `${dirname(NODE24)}:${process.env.PATH ?? ''}` };

  o.log?.('installing the extension into code-server');
  await installVsix(o.vsix, extensions);

  const port = o.port ?? await freePort();
  o.log?.(`starting code-server on 127.0.0.1:${port}`);
  const server = startManagedProcess(NODE24, [
    CODE_SERVER, ...common,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--disable-proxy', '--ignore-last-opened',
    o.folder,
  ], { env });
  try {
    await server.waitFor('HTTP server listening', 60_000);
  } catch (e) {
    await server.stop();
    throw e;
  }
  return { port, url: `http://127.0.0.1:${port}/?folder=${o.folder.split('/').map(encodeURIComponent).join('/')}`, stop: () => server.stop() };
}
