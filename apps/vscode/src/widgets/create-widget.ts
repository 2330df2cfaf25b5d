import {
  DEFAULT_PRESET_ID,
  isPulsoidError,
  listPresets,
  type PulsoidClient,
  type UnfinishedCreate,
  validateWidgetName,
  type Widget,
  type WidgetPreset,
  widgetViewUrl,
} from "@pulsekit/core";
import type { PulseKit } from "../kit";
import { addToObs } from "../obs/add-to-obs";
import { MultiStepInput, type PickItem, type Step } from "../ui/multi-step-input";
import type { WidgetDraft } from "./draft-store";
import { reviewConfiguration } from "./review-step";
import { offerWidgetActions } from "./widget-actions";

const TITLE = "Pulsoid: Create Widget";
const TOTAL_STEPS = 3;

interface CreateState {
  presetId: string;
  name: string;
  configuration: Record<string, unknown>;
  metaId: string;
  /** from a resumed draft whose create may have gone through: core looks for that widget first */
  unfinished?: UnfinishedCreate;
}

type PresetChoice = { kind: "preset"; preset: WidgetPreset } | { kind: "resume"; draft: WidgetDraft };

/** Pulsoid: Create Widget. Preset, name, review (or JSON), then one create; a failed create is kept to resume */
export async function createWidget(kit: PulseKit): Promise<Widget | undefined> {
  const client = await kit.signedInClient();
  if (!client) return undefined;
  const settings = kit.settings();
  for (const problem of settings.presetProblems) void kit.ui.showMessage("warning", problem, "Open Settings");
  const presets = listPresets(settings.presets);
  const draft = kit.drafts.read();
  const state: CreateState = { presetId: "", name: "", configuration: {}, metaId: "" };

  const pickPreset: Step<CreateState> = async (input) => {
    const items: PickItem<PresetChoice>[] = [];
    if (draft) {
      items.push({
        label: `$(history) Resume "${draft.name}"`,
        description: "creating it failed last time",
        detail: "Your preset, name and configuration are kept.",
        value: { kind: "resume", draft },
      });
    }
    for (const preset of presets) {
      items.push({
        label: preset.label,
        description: preset.id === DEFAULT_PRESET_ID ? `${preset.id} (default)` : preset.id,
        detail: preset.description,
        value: { kind: "preset", preset },
      });
    }
    const active = items.find((item) => item.value.kind === "preset" && item.value.preset.id === state.presetId);
    const choice = await input.pick({
      title: TITLE,
      step: 1,
      totalSteps: TOTAL_STEPS,
      placeholder: draft ? "Resume the widget that was not created, or pick a preset" : "Pick a starting preset",
      items,
      ...(active ? { active } : {}),
    });
    if (choice.value.kind === "resume") {
      Object.assign(state, {
        presetId: choice.value.draft.presetId,
        name: choice.value.draft.name,
        configuration: structuredClone(choice.value.draft.configuration),
        metaId: choice.value.draft.metaId,
        unfinished: choice.value.draft.unfinished,
      });
    } else if (choice.value.preset.id !== state.presetId) {
      const preset = choice.value.preset;
      Object.assign(state, {
        presetId: preset.id,
        configuration: structuredClone(preset.configuration),
        metaId: preset.metaId,
        name: state.name || preset.label,
      });
    }
    return askName;
  };

  const askName: Step<CreateState> = async (input) => {
    const name = await input.text({
      title: TITLE,
      step: 2,
      totalSteps: TOTAL_STEPS,
      prompt: "Widget name, as it appears in your Pulsoid widget list",
      value: state.name,
      validate: (value) => {
        try {
          validateWidgetName(value);
          return undefined;
        } catch (error) {
          return isPulsoidError(error) ? error.message : String(error);
        }
      },
    });
    state.name = validateWidgetName(name);
    return review;
  };

  const review: Step<CreateState> = async (input) => {
    await reviewConfiguration(kit, input, state, {
      title: TITLE,
      step: 3,
      totalSteps: TOTAL_STEPS,
      acceptLabel: "Create widget",
    });
    return undefined;
  };

  const finished = await MultiStepInput.run(kit.ui, pickPreset, state);
  if (!finished) return undefined;
  return submit(kit, client, state);
}

async function submit(kit: PulseKit, client: PulsoidClient, state: CreateState): Promise<Widget | undefined> {
  let widget: Widget;
  try {
    widget = await kit.ui.withProgress(
      { title: `Pulsoid: creating "${state.name}"…`, cancellable: true },
      (_progress, cancellation) => {
        const stop = new AbortController();
        cancellation.onCancellationRequested(() => stop.abort());
        return client.createWidget(
          { name: state.name, configuration: state.configuration, metaId: state.metaId },
          { signal: stop.signal, ...(state.unfinished ? { unfinished: state.unfinished } : {}) },
        );
      },
    );
  } catch (error) {
    // a create that may have gone through hands core what it needs to find that widget next time
    if (isPulsoidError(error) && error.unfinishedCreate) state.unfinished = error.unfinishedCreate;
    await kit.drafts.save(state);
    kit.log.info(`kept the input of "${state.name}" so the next Create Widget can resume it`);
    let retried: Widget | undefined;
    await kit.reportError(error, async () => {
      retried = await submit(kit, client, state);
    });
    return retried;
  }
  await kit.drafts.clear();
  kit.log.info(`created widget ${widget.id} ("${widget.name}")`);
  kit.noteWidgetCount(1);
  kit.widgetsChanged(widget.id);
  await offerWidgetActions(
    kit,
    widget,
    `Created the Pulsoid widget "${widget.name}". Add to OBS puts it into OBS's current scene, or add its OBS URL (${widgetViewUrl(widget.id)}) as a browser source yourself; it is also in the Pulsoid view.`,
    { label: "Add to OBS", run: () => addToObs(kit, widget, { afterCreate: true }) },
  );
  return widget;
}
