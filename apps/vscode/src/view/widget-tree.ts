import { describeError, nextStep } from "@pulsekit/core";
import * as vscode from "vscode";
import type { PulseKit } from "../kit";
import { WIDGET_ITEM_CONTEXT, type WidgetNode, widgetItemText } from "./widget-node";

/** the id of the Pulsoid view in package.json */
export const WIDGETS_VIEW_ID = "pulsekit.widgets";

/**
 * the widgets of the signed-in account, one row each, loaded when the view is shown and again after a
 * sign-in or sign-out, a create, an update or Refresh; signed out it is empty, so the welcome view shows
 */
export class WidgetTree implements vscode.TreeDataProvider<WidgetNode>, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changes.event;
  private readonly subscriptions: vscode.Disposable[];
  /** a widget to select once the list that holds it is shown */
  private pendingReveal?: string;

  constructor(private readonly kit: PulseKit) {
    this.subscriptions = [
      this.changes,
      kit.onDidChangeWidgets((widgetId) => this.refresh(widgetId)),
      kit.onDidChangeSession(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration("pulsekit.apiBaseUrl")) this.refresh();
      }),
    ];
  }

  /** loads the list again; the widget with this id is selected when it shows */
  refresh(widgetId?: string): void {
    if (widgetId) this.pendingReveal = widgetId;
    this.changes.fire();
  }

  async getChildren(element?: WidgetNode): Promise<WidgetNode[]> {
    if (element) return [];
    const session = await this.kit.currentSession();
    if (!session) {
      this.kit.noteWidgetCount(0);
      return [];
    }
    try {
      const widgets = await this.kit.client(session.accessToken).listWidgets();
      this.kit.noteWidgetCount(widgets.length);
      const nodes = widgets.map((widget): WidgetNode => ({ kind: "widget", widget }));
      this.revealPending(nodes);
      return nodes;
    } catch (error) {
      const message = describeError(error);
      this.kit.log.error(`could not load the widgets for the Pulsoid view: ${message}`);
      const fix =
        nextStep(error).step === "sign_in"
          ? { command: "pulsekit.signIn", title: "Sign In Again" }
          : { command: "pulsekit.refreshWidgets", title: "Retry" };
      return [{ kind: "problem", message, fix }];
    }
  }

  getTreeItem(node: WidgetNode): vscode.TreeItem {
    if (node.kind === "problem") {
      const item = new vscode.TreeItem("Could not load your widgets");
      item.description = `${node.fix.title} (click)`;
      item.tooltip = node.message;
      item.iconPath = new vscode.ThemeIcon("warning");
      item.command = { command: node.fix.command, title: node.fix.title };
      return item;
    }
    const text = widgetItemText(node.widget, this.kit.settings().apiBaseUrl);
    const item = new vscode.TreeItem(text.label);
    item.id = node.widget.id;
    item.description = text.description;
    item.tooltip = text.tooltip;
    item.contextValue = WIDGET_ITEM_CONTEXT;
    item.iconPath = new vscode.ThemeIcon("pulse");
    return item;
  }

  getParent(): undefined {
    return undefined;
  }

  private revealPending(nodes: WidgetNode[]): void {
    const id = this.pendingReveal;
    const node = id && nodes.find((candidate) => candidate.kind === "widget" && candidate.widget.id === id);
    if (!node) return;
    this.pendingReveal = undefined;
    // after VS Code has the rows: reveal finds the row by its id
    setTimeout(() => {
      if (this.kit.widgetView.visible)
        void Promise.resolve(this.kit.widgetView.reveal(node, { select: true, focus: false })).catch(() => undefined);
    }, 0);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
