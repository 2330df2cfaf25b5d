import { type Widget, widgetViewUrl } from "@pulsekit/core";
import type { PulseKit } from "../kit";

/** copies a widget's OBS browser-source URL and says so */
export async function copyWidgetUrl(kit: PulseKit, widget: Widget): Promise<void> {
  const url = widgetViewUrl(widget.id);
  await kit.ui.copyToClipboard(url);
  void kit.ui.showMessage(
    "info",
    `Copied the OBS browser-source URL of "${widget.name}": ${url}. Paste it into a Browser source in OBS.`,
  );
}

/** opens a widget's page in the browser */
export async function openWidget(kit: PulseKit, widget: Widget): Promise<void> {
  await kit.ui.openExternal(widgetViewUrl(widget.id));
}

/** a success notification with "Copy OBS URL" and "Open" */
export async function offerWidgetActions(kit: PulseKit, widget: Widget, message: string): Promise<void> {
  const choice = await kit.ui.showMessage("info", message, "Copy OBS URL", "Open");
  if (choice === "Copy OBS URL") await copyWidgetUrl(kit, widget);
  else if (choice === "Open") await openWidget(kit, widget);
}
