// The data of one row of the live Rollouts tree, free of `vscode`: src/vscode/tree turns it into a
// TreeItem (ThemeIcon + ThemeColor from `icon`, `contextValue` for menus) and shows `children` below it.

export interface NodeIcon {
  /** A codicon id, e.g. `pass`, `sync~spin`. */
  readonly id: string;
  /** A theme colour id, e.g. `charts.green`; undefined keeps the default foreground. */
  readonly color: string | undefined;
}

export type TreeNodeKind = 'revision' | 'replicaSet' | 'pod' | 'analysisRun' | 'metric' | 'experiment';

export interface TreeNode {
  /** Unique in the whole tree (VS Code keeps expansion state by it). */
  readonly id: string;
  readonly kind: TreeNodeKind;
  readonly label: string;
  readonly description: string;
  /** Plain text. */
  readonly tooltip: string;
  readonly icon: NodeIcon;
  readonly contextValue: string;
  readonly children: readonly TreeNode[];
}
