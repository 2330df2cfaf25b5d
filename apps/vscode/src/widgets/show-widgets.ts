import type { Widget } from "@pulsekit/core";
import type { PulseKit } from "../kit";
import { addToObs } from "../obs/add-to-obs";
import { MultiStepInput, type PickItem, type Step } from "../ui/multi-step-input";
import { updateWidget } from "./update-widget";
import { copyWidgetUrl, openWidget } from "./widget-actions";
import { loadWidgets, pickWidget } from "./widget-picker";

type WidgetAction = "copy" | "obs" | "obs-scene" | "open" | "update";

/** Pulsoid: Show Widgets. The account's widgets; choosing one offers copy URL, add to OBS, open and update */
export async function showWidgets(kit: PulseKit): Promise<void> {
  const client = await kit.signedInClient();
  if (!client) return;
  const widgets = await loadWidgets(kit, client, () => showWidgets(kit));
  if (!widgets) return;
  const state: { widget?: Widget; action?: WidgetAction } = {};

  const choose: Step<typeof state> = async (input) => {
    state.widget = await pickWidget(input, widgets, {
      title: `Pulsoid: Your Widgets (${widgets.length})`,
      step: 1,
      totalSteps: 2,
      placeholder: "Pick a widget to copy its OBS URL, add it to OBS, open it or update it",
    });
    return chooseAction;
  };
  const chooseAction: Step<typeof state> = async (input) => {
    const widget = state.widget as Widget;
    const items: PickItem<WidgetAction>[] = [
      { label: "$(copy) Copy OBS URL", description: "the browser-source URL for OBS", value: "copy" },
      { label: "$(broadcast) Add to OBS", description: "into the scene on air, over OBS's WebSocket", value: "obs" },
      { label: "$(broadcast) Add to OBS Scene…", description: "pick one of OBS's scenes", value: "obs-scene" },
      { label: "$(link-external) Open", description: "the widget page in your browser", value: "open" },
      { label: "$(edit) Update configuration…", description: "heart, colours, ranges", value: "update" },
    ];
    state.action = (
      await input.pick({ title: `Pulsoid: "${widget.name}"`, step: 2, totalSteps: 2, placeholder: "What to do", items })
    ).value;
    return undefined;
  };
  if (!(await MultiStepInput.run(kit.ui, choose, state))) return;
  const widget = state.widget as Widget;
  if (state.action === "copy") await copyWidgetUrl(kit, widget);
  else if (state.action === "obs") await addToObs(kit, widget);
  else if (state.action === "obs-scene") await addToObs(kit, widget, { chooseScene: true });
  else if (state.action === "open") await openWidget(kit, widget);
  else if (state.action === "update") await updateWidget(kit, widget);
}

/** Pulsoid: Copy Widget URL. Pick a widget and copy its OBS browser-source URL */
export async function copyWidgetUrlCommand(kit: PulseKit): Promise<void> {
  const client = await kit.signedInClient();
  if (!client) return;
  const widgets = await loadWidgets(kit, client, () => copyWidgetUrlCommand(kit));
  if (!widgets) return;
  let chosen: Widget | undefined;
  const finished = await MultiStepInput.run(
    kit.ui,
    async (input) => {
      chosen = await pickWidget(input, widgets, {
        title: "Pulsoid: Copy Widget URL",
        step: 1,
        totalSteps: 1,
        placeholder: "Pick the widget whose OBS URL to copy",
      });
      return undefined;
    },
    {},
  );
  if (finished && chosen) await copyWidgetUrl(kit, chosen);
}
