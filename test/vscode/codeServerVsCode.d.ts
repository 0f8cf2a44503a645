// Types of what codeServerVsCode.js exports for the end-to-end tests (test/e2e/workbench.ts) and the demo.
import type { ChildProcess } from 'node:child_process';

export const NODE24: string;
export const CODE_SERVER: string;
export const CODE_SERVER_VERSION: string;
export const CHROMIUM: string;
export const CHROMIUM_ARGS: readonly string[];
export function freePort(): Promise<number>;
export interface CodeServerOptions {
  /** Merged over the throw-away profile's user settings. */
  readonly settings?: Record<string, unknown>;
  /** Merged over this process's environment; the extension host inherits it. */
  readonly env?: Record<string, string>;
}
/** Starts code-server in its own process group with `dataDir/extensions` as its extensions dir. */
export function startCodeServer(port: number, folder: string, dataDir: string, options?: CodeServerOptions): { child: ChildProcess; ready: Promise<void> };
/** `code-server --install-extension` into `extensionsDir`; resolves with its output, rejects when it fails. */
export function installVsix(vsix: string, extensionsDir: string): Promise<string>;
/** SIGTERM to the whole process group of a child spawned detached. */
export function killGroup(child: ChildProcess | undefined): void;
