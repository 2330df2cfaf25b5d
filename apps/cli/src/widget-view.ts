import { type Widget, widgetTypeLabel, widgetViewUrl } from "@pulsekit/core";
import { formatTable } from "./table.js";
import { jsonText, plainLine } from "./terminal-text.js";

/** a widget as pulsekit shows it: Pulsoid's fields plus a readable type and the OBS URL */
export interface WidgetView {
  id: string;
  name: string;
  meta_id: string;
  type: string;
  url: string;
  configuration: Record<string, unknown>;
}

/** the view of one widget */
export function widgetView(widget: Widget): WidgetView {
  return {
    id: widget.id,
    name: widget.name,
    meta_id: widget.meta_id,
    type: widgetTypeLabel(widget.meta_id),
    url: widgetViewUrl(widget.id),
    configuration: widget.configuration,
  };
}

/** a widget's details as lines of text, the OBS browser-source URL named as such; each value on its one line */
export function formatWidget(view: WidgetView): string {
  return [
    `Name:           ${plainLine(view.name)}`,
    `ID:             ${plainLine(view.id)}`,
    `Type:           ${plainLine(view.type)}`,
    `Configuration:  ${jsonText(view.configuration, 0)}`,
    `OBS browser-source URL: ${plainLine(view.url)}`,
  ].join("\n");
}

/** widgets as a table: name, id, type, URL; each cell on one line */
export function formatWidgetTable(views: readonly WidgetView[]): string {
  return formatTable([
    ["NAME", "ID", "TYPE", "OBS URL"],
    ...views.map((v) => [v.name, v.id, v.type, v.url].map(plainLine)),
  ]);
}
