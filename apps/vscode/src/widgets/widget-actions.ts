import { type Widget, widgetUrlCaveat, widgetViewUrl } from "@pulsekit/core";
import type { PulseKit } from "../kit";
import { tickWalkthroughStep } from "../walkthrough-steps";

/** a widget's OBS URL in a sentence, followed by core's caveat when the widget was not made on Pulsoid */
export function withUrlCaveat(kit: PulseKit, sentence: string): string {
  const caveat = widgetUrlCaveat(kit.settings().apiBaseUrl);
  return caveat ? `${sentence} ${caveat}` : sentence;
}

/** copies a widget's OBS browser-source URL and says so */
export async function copyWidgetUrl(kit: PulseKit, widget: Widget): Promise<void> {
  const url = widgetViewUrl(widget.id);
  await kit.ui.copyToClipboard(url);
  tickWalkthroughStep("addToObs");
  void kit.ui.showMessage(
    "info",
    withUrlCaveat(
      kit,
      `Copied the OBS browser-source URL of "${widget.name}": ${url}. In OBS, add a Browser source and paste it as its URL.`,
    ),
  );
}

/** opens a widget's page in the browser */
export async function openWidget(kit: PulseKit, widget: Widget): Promise<void> {
  const caveat = widgetUrlCaveat(kit.settings().apiBaseUrl);
  if (caveat) void kit.ui.showMessage("info", caveat);
  await kit.ui.openExternal(widgetViewUrl(widget.id));
}

/** a button that leads somewhere else, offered before Copy OBS URL and Open */
export interface WidgetButton {
  label: string;
  run(): Promise<unknown>;
}

/** a success notification with "Copy OBS URL" and "Open", after `first` when given */
export async function offerWidgetActions(
  kit: PulseKit,
  widget: Widget,
  message: string,
  first?: WidgetButton,
): Promise<void> {
  const buttons = [...(first ? [first.label] : []), "Copy OBS URL", "Open"];
  const choice = await kit.ui.showMessage("info", withUrlCaveat(kit, message), ...buttons);
  if (first && choice === first.label) await first.run();
  else if (choice === "Copy OBS URL") await copyWidgetUrl(kit, widget);
  else if (choice === "Open") await openWidget(kit, widget);
}
