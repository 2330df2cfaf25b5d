import { type Widget, widgetTypeLabel, widgetUrlCaveat, widgetViewUrl } from "@pulsekit/core";

/** a row of the Pulsoid view: a widget, or the one line saying why the widgets could not be loaded */
export type WidgetNode =
  | { kind: "widget"; widget: Widget }
  | { kind: "problem"; message: string; fix: { command: string; title: string } };

/** the contextValue of a widget row, which the inline actions' `when` clauses match */
export const WIDGET_ITEM_CONTEXT = "pulsekit.widget";

/** what a widget row shows: the name, its type beside it, and id, OBS URL (and any caveat about it) on hover */
export function widgetItemText(
  widget: Widget,
  apiBaseUrl: string,
): { label: string; description: string; tooltip: string } {
  const caveat = widgetUrlCaveat(apiBaseUrl);
  const tooltip = [
    widget.name || "(no name)",
    widgetTypeLabel(widget.meta_id),
    `id ${widget.id}`,
    `OBS URL ${widgetViewUrl(widget.id)}`,
    ...(caveat ? [caveat] : []),
  ].join("\n");
  return { label: widget.name || "(no name)", description: widgetTypeLabel(widget.meta_id), tooltip };
}

/** the widget a command was run on: the row it was run from, else the selected row */
export function widgetOf(...candidates: unknown[]): Widget | undefined {
  for (const candidate of candidates) {
    const node = candidate as Partial<WidgetNode> | undefined;
    if (node?.kind === "widget" && "widget" in node && node.widget) return node.widget;
  }
  return undefined;
}
