import { type PulsoidClient, type Widget, widgetTypeLabel } from "@pulsekit/core";
import * as vscode from "vscode";
import type { PulseKit } from "../kit";
import type { MultiStepInput, PickItem } from "../ui/multi-step-input";

/** loads the account's widgets with a progress notification; undefined (after telling the user) when there are none or it failed */
export async function loadWidgets(
  kit: PulseKit,
  client: PulsoidClient,
  retry: () => Promise<unknown>,
): Promise<Widget[] | undefined> {
  let widgets: Widget[];
  try {
    widgets = await kit.ui.withProgress({ title: "Pulsoid: loading your widgets…", cancellable: false }, () =>
      client.listWidgets(),
    );
  } catch (error) {
    await kit.reportError(error, retry);
    return undefined;
  }
  kit.noteWidgetCount(widgets.length);
  if (widgets.length === 0) {
    const choice = await kit.ui.showMessage(
      "info",
      "Your Pulsoid account has no widgets yet. Create one with Pulsoid: Create Widget.",
      "Create Widget",
    );
    if (choice === "Create Widget") await vscode.commands.executeCommand("pulsekit.createWidget");
    return undefined;
  }
  return widgets;
}

/** a quick pick of widgets showing name, type and id */
export async function pickWidget(
  input: MultiStepInput,
  widgets: Widget[],
  shape: { title: string; step: number; totalSteps: number; placeholder: string },
): Promise<Widget> {
  const items: PickItem<Widget>[] = widgets.map((widget) => ({
    label: widget.name || "(no name)",
    description: widgetTypeLabel(widget.meta_id),
    detail: `id ${widget.id}`,
    value: widget,
  }));
  return (await input.pick({ ...shape, items })).value;
}
