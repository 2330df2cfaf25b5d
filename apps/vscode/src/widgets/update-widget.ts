import { createMergePatch, type PulsoidClient, type Widget, widgetViewUrl } from "@pulsekit/core";
import type { PulseKit } from "../kit";
import { MultiStepInput, type Step } from "../ui/multi-step-input";
import { reviewConfiguration } from "./review-step";
import { offerWidgetActions } from "./widget-actions";
import { loadWidgets, pickWidget } from "./widget-picker";

const TITLE = "Pulsoid: Update Widget";

/** Pulsoid: Update Widget. Pick a widget, edit its configuration, apply the change with read-modify-write */
export async function updateWidget(kit: PulseKit, preselected?: Widget): Promise<Widget | undefined> {
  const client = await kit.signedInClient();
  if (!client) return undefined;
  const widgets = preselected ? [preselected] : await loadWidgets(kit, client, () => updateWidget(kit));
  if (!widgets) return undefined;
  const state = { widget: widgets[0] as Widget, name: "", configuration: {} as Record<string, unknown>, metaId: "" };

  const choose: Step<typeof state> = async (input) => {
    state.widget = await pickWidget(input, widgets, {
      title: TITLE,
      step: 1,
      totalSteps: 2,
      placeholder: "Pick the widget to update",
    });
    return edit;
  };
  const edit: Step<typeof state> = async (input) => {
    state.name = state.widget.name;
    state.metaId = state.widget.meta_id;
    state.configuration = structuredClone(state.widget.configuration);
    await reviewConfiguration(kit, input, state, {
      title: TITLE,
      step: preselected ? 1 : 2,
      totalSteps: preselected ? 1 : 2,
      acceptLabel: "Apply changes",
    });
    return undefined;
  };
  if (!(await MultiStepInput.run(kit.ui, preselected ? edit : choose, state))) return undefined;

  const patch = createMergePatch(state.widget.configuration, state.configuration);
  if (Object.keys(patch).length === 0) {
    await kit.ui.showMessage("info", `Nothing changed in "${state.widget.name}", so nothing was sent to Pulsoid.`);
    return state.widget;
  }
  return apply(kit, client, state.widget, patch);
}

async function apply(
  kit: PulseKit,
  client: PulsoidClient,
  widget: Widget,
  patch: Record<string, unknown>,
): Promise<Widget | undefined> {
  try {
    // read-modify-write in core: the current configuration is read again, so changes made elsewhere survive
    const updated = await kit.ui.withProgress(
      { title: `Pulsoid: updating "${widget.name}"…`, cancellable: false },
      () => client.mergeWidgetConfiguration(widget.id, patch),
    );
    kit.log.info(`updated widget ${updated.id}`);
    kit.widgetsChanged(updated.id);
    await offerWidgetActions(
      kit,
      updated,
      `Updated the Pulsoid widget "${updated.name}". OBS shows the change at ${widgetViewUrl(updated.id)} after a refresh of the browser source.`,
    );
    return updated;
  } catch (error) {
    let retried: Widget | undefined;
    await kit.reportError(error, async () => {
      retried = await apply(kit, client, widget, patch);
    });
    return retried;
  }
}
