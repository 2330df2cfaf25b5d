import { BASIC_BPM_META_ID, isHexColor, normalizeHexColor } from "@pulsekit/core";
import type { PulseKit } from "../kit";
import { BackSignal, type MultiStepInput, type PickItem } from "../ui/multi-step-input";
import { editConfigurationAsJson } from "./configuration-editor";
import { summarizeConfiguration } from "./configuration-summary";

/** what the review step shows and edits */
export interface ReviewState {
  name: string;
  configuration: Record<string, unknown>;
  metaId: string;
}

type ReviewChoice = "accept" | "toggleHeart" | "heartColor" | "json";

/**
 * the review step: the configuration as a list (heart on/off, heart colour, ranges) with the
 * accept action first; each line edits that part, "Edit as JSON" opens the schema-checked editor
 */
export async function reviewConfiguration(
  kit: PulseKit,
  input: MultiStepInput,
  state: ReviewState,
  shape: { title: string; step: number; totalSteps: number; acceptLabel: string },
): Promise<void> {
  for (;;) {
    const summary = summarizeConfiguration(state.configuration);
    const basic = state.metaId === BASIC_BPM_META_ID;
    const items: PickItem<ReviewChoice>[] = [
      { label: `$(check) ${shape.acceptLabel}`, description: `"${state.name}"`, value: "accept" },
    ];
    if (basic) {
      items.push(
        {
          label: `$(heart) Heart: ${summary.heart}`,
          description: summary.heart === "shown" ? "select to hide it" : "select to show it",
          value: "toggleHeart",
        },
        {
          label: `$(symbol-color) Heart colour: ${summary.heartColor}`,
          description: "select to change",
          value: "heartColor",
        },
        { label: `$(pulse) Ranges: ${summary.ranges}`, description: "edit as JSON", value: "json" },
      );
    }
    items.push({
      label: "$(json) Edit configuration as JSON…",
      description: "checked against the widget schema as you type",
      value: "json",
    });
    const choice = await input.pick({
      ...shape,
      placeholder: "Review the configuration, then choose the first line",
      items,
    });
    if (choice.value === "accept") return;
    if (choice.value === "toggleHeart") {
      state.configuration = { ...state.configuration, heartEnabled: state.configuration.heartEnabled === false };
    } else if (choice.value === "heartColor") {
      try {
        const color = await input.text({
          ...shape,
          prompt: "Heart colour as #RRGGBB, or #RRGGBBAA with transparency (hex), for example #FF3355",
          value: typeof state.configuration.heartColor === "string" ? state.configuration.heartColor : "#FF3355FF",
          validate: (value) =>
            isHexColor(value.trim()) ? undefined : "Use #RRGGBB or #RRGGBBAA in hex, for example #FF3355.",
        });
        state.configuration = { ...state.configuration, heartColor: normalizeHexColor(color.trim().toUpperCase()) };
      } catch (error) {
        if (!(error instanceof BackSignal)) throw error;
      }
    } else {
      input.release();
      const edited = await editConfigurationAsJson(kit, {
        widgetName: state.name,
        configuration: state.configuration,
        metaId: state.metaId,
      });
      if (edited) state.configuration = edited;
    }
  }
}
