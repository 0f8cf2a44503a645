// Feeds the lint workspace with the workspace's YAML/JSON files: a bounded search at start-up
// (read in the background, a few files at a time) and a file-system watcher afterwards, so that
// references into closed files (a Service, an AnalysisTemplate) resolve and stay current.
import * as vscode from 'vscode';
import type { Logger } from '../log';
import type { LintController } from './lintController';

const INCLUDE = '**/*.{yaml,yml,json}';
// Folders that never hold manifests worth indexing, but can hold thousands of JSON files.
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**,**/.cache/**,**/.vscode-test/**,**/package-lock.json,**/package.json,**/tsconfig*.json}';
const MAX_FILES = 5000;
const CONCURRENCY = 8;

export class WorkspaceIndexer implements vscode.Disposable {
  private readonly watcher = vscode.workspace.createFileSystemWatcher(INCLUDE);
  /** Chart.yaml and kustomization.yaml decide which files are Helm templates and Kustomize patches. */
  private readonly roleWatcher = vscode.workspace.createFileSystemWatcher('**/{Chart.yaml,kustomization.yaml,kustomization.yml,Kustomization}');
  private readonly disposables: vscode.Disposable[] = [this.watcher, this.roleWatcher];
  /** Settles when the start-up scan has read every file. */
  readonly ready: Promise<void>;

  constructor(
    private readonly controller: LintController,
    private readonly log: Logger,
  ) {
    const load = (uri: vscode.Uri): void => {
      if (!ignored(uri)) void this.controller.loadFromDisk(uri);
    };
    this.disposables.push(
      this.watcher.onDidCreate(load),
      this.watcher.onDidChange(load),
      this.watcher.onDidDelete((uri) => this.controller.removeFromDisk(uri)),
      this.roleWatcher.onDidCreate((uri) => this.controller.chartOrKustomizationChanged(uri)),
      this.roleWatcher.onDidChange((uri) => this.controller.chartOrKustomizationChanged(uri)),
      this.roleWatcher.onDidDelete((uri) => this.controller.chartOrKustomizationChanged(uri)),
    );
    this.ready = this.scan().catch((e: unknown) => this.log.error('indexing the workspace failed', e));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async scan(): Promise<void> {
    const started = Date.now();
    const uris = await vscode.workspace.findFiles(INCLUDE, EXCLUDE, MAX_FILES);
    if (uris.length === MAX_FILES) this.log.warn(`indexing only the first ${MAX_FILES} YAML/JSON files of the workspace`);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < uris.length) {
        const uri = uris[next++]!;
        await this.controller.loadFromDisk(uri);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    this.log.info(`indexed ${uris.length} YAML/JSON file(s) in ${Date.now() - started} ms`);
  }
}

function ignored(uri: vscode.Uri): boolean {
  return /[\\/](?:node_modules|\.git)[\\/]/.test(uri.path);
}
