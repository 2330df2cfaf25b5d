import * as vscode from "vscode";

/**
 * a tree data provider that loads the real one the first time the view asks for something: the view is
 * registered at activation, the code that fills it (core, the client) loads when it is first shown
 */
export class LazyTreeDataProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<T | T[] | undefined | null>();
  readonly onDidChangeTreeData = this.changes.event;
  private loading?: Promise<vscode.TreeDataProvider<T>>;
  private subscription?: vscode.Disposable;

  constructor(private readonly load: () => Promise<vscode.TreeDataProvider<T>>) {}

  private provider(): Promise<vscode.TreeDataProvider<T>> {
    this.loading ??= this.load().then(
      (real) => {
        this.subscription = real.onDidChangeTreeData?.((change) => this.changes.fire(change ?? undefined));
        return real;
      },
      (error) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  async getChildren(element?: T): Promise<T[]> {
    const real = await this.provider().catch(() => undefined);
    return (await real?.getChildren(element)) ?? [];
  }

  async getTreeItem(element: T): Promise<vscode.TreeItem> {
    return (await this.provider()).getTreeItem(element);
  }

  async getParent(element: T): Promise<T | undefined> {
    return (await (await this.provider()).getParent?.(element)) ?? undefined;
  }

  dispose(): void {
    this.subscription?.dispose();
    this.changes.dispose();
  }
}
