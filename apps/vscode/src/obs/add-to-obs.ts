import { type Widget, widgetViewUrl } from "@pulsekit/core";
import {
  type AddWidgetToObsResult,
  addWidgetToObs,
  isObsError,
  listObsScenes,
  type ObsConnectionOptions,
  type ObsWidget,
} from "@pulsekit/obs";
import type { PulseKit } from "../kit";
import { openSettings } from "../settings";
import { MultiStepInput, type PickItem } from "../ui/multi-step-input";
import { tickWalkthroughStep } from "../walkthrough-steps";
import { copyWidgetUrl, withUrlCaveat } from "../widgets/widget-actions";
import { loadWidgets, pickWidget } from "../widgets/widget-picker";
import { askObsPassword } from "./obs-password-input";
import {
  isWebSocketAddress,
  OBS_PASSWORD_SOURCE,
  OBS_URL_SETTING,
  type ObsErrorAction,
  obsErrorActions,
  obsErrorMessage,
  obsSuccessMessage,
} from "./obs-text";

/** how an add was asked for */
export interface AddToObsOptions {
  /** asks which scene (Add Widget to OBS Scene…) instead of using the program scene */
  chooseScene?: boolean;
  /** the widget was just created: an OBS error says it exists all the same and offers its URL */
  afterCreate?: boolean;
}

/** Pulsoid: Add Widget to OBS (and … OBS Scene…). The view row's widget, else one picked from the list */
export async function addToObsCommand(
  kit: PulseKit,
  widget: Widget | undefined,
  options: AddToObsOptions = {},
): Promise<AddWidgetToObsResult | undefined> {
  const chosen = widget ?? (await pickWidgetToAdd(kit, options));
  return chosen && addToObs(kit, chosen, options);
}

/**
 * puts the widget into OBS as a browser source named after it, in the program scene unless a scene is
 * chosen, with a cancellable progress notification; says where it went, or why not and what helps
 */
export async function addToObs(
  kit: PulseKit,
  widget: Widget,
  options: AddToObsOptions = {},
): Promise<AddWidgetToObsResult | undefined> {
  const target: ObsWidget = { id: widget.id, name: widget.name, url: widgetViewUrl(widget.id) };
  let scene: string | undefined;
  if (options.chooseScene) {
    scene = await chooseObsScene(kit, widget, options);
    if (scene === undefined) return undefined;
  }
  const result = await callObs(kit, {
    title: `Pulsoid: adding "${widget.name}" to OBS…`,
    widget: target,
    afterCreate: options.afterCreate ?? false,
    run: (connection) => addWidgetToObs({ ...connection, widget: target, ...(scene ? { scene } : {}) }),
    chooseScene: () => addToObs(kit, widget, { ...options, chooseScene: true }),
    copyUrl: () => copyWidgetUrl(kit, widget),
  });
  if (!result) return undefined;
  kit.log.info(
    `OBS: ${result.action} the source "${result.inputName}" in the scene "${result.scene}" for widget ${widget.id} (${result.requests} requests)`,
  );
  tickWalkthroughStep("addToObs");
  void kit.ui.showMessage("info", withUrlCaveat(kit, obsSuccessMessage(result)));
  return result;
}

/** the widget to add, picked from the account's widgets; undefined when none was picked */
async function pickWidgetToAdd(kit: PulseKit, options: AddToObsOptions): Promise<Widget | undefined> {
  const client = await kit.signedInClient();
  if (!client) return undefined;
  const widgets = await loadWidgets(kit, client, () => addToObsCommand(kit, undefined, options));
  if (!widgets) return undefined;
  let chosen: Widget | undefined;
  const finished = await MultiStepInput.run(
    kit.ui,
    async (input) => {
      chosen = await pickWidget(input, widgets, {
        title: options.chooseScene ? "Pulsoid: Add Widget to OBS Scene" : "Pulsoid: Add Widget to OBS",
        step: 1,
        totalSteps: 1,
        placeholder: options.chooseScene
          ? "Pick the widget to put into an OBS scene"
          : "Pick the widget to put into OBS's current program scene",
      });
      return undefined;
    },
    {},
  );
  return finished ? chosen : undefined;
}

/** OBS's scenes in a quick pick, the one on air first highlighted; undefined when none was picked */
async function chooseObsScene(kit: PulseKit, widget: Widget, options: AddToObsOptions): Promise<string | undefined> {
  const target = { name: widget.name, url: widgetViewUrl(widget.id) };
  const listed = await callObs(kit, {
    title: "Pulsoid: asking OBS for its scenes…",
    widget: target,
    afterCreate: options.afterCreate ?? false,
    run: (connection) => listObsScenes(connection),
    copyUrl: () => copyWidgetUrl(kit, widget),
  });
  if (!listed) return undefined;
  if (listed.scenes.length === 0) {
    void kit.ui.showMessage("warning", "OBS has no scenes. Add a scene in OBS, then try again.");
    return undefined;
  }
  const items: PickItem<string>[] = listed.scenes.map((name) => ({
    label: name,
    ...(name === listed.currentProgramScene ? { description: "on air now (program scene)" } : {}),
    value: name,
  }));
  let scene: string | undefined;
  const finished = await MultiStepInput.run(
    kit.ui,
    async (input) => {
      const onAir = items.find((item) => item.value === listed.currentProgramScene);
      scene = (
        await input.pick({
          title: `Pulsoid: Add "${widget.name}" to OBS`,
          step: 1,
          totalSteps: 1,
          placeholder: "Pick the OBS scene to put the widget in",
          items,
          ...(onAir ? { active: onAir } : {}),
        })
      ).value;
      return undefined;
    },
    {},
  );
  return finished ? scene : undefined;
}

/** one call to OBS and how to answer its failures */
interface ObsCall<T> {
  /** the progress notification's title */
  title: string;
  run(connection: ObsConnectionOptions): Promise<T>;
  /** the widget being placed, named in an error after a create */
  widget: { name: string; url: string };
  afterCreate: boolean;
  /** what Choose Scene… does after OBS did not know the scene */
  chooseScene?: () => Promise<unknown>;
  /** what Copy OBS URL does */
  copyUrl: () => Promise<unknown>;
}

/**
 * runs a call with OBS's address and the password PulseKit keeps. When OBS wants a password and none is kept,
 * asks for it at once; when OBS refuses one, offers Enter Password; a typed password is kept once OBS took it.
 * Undefined when it did not work out (after saying why) or was cancelled
 */
async function callObs<T>(kit: PulseKit, call: ObsCall<T>): Promise<T | undefined> {
  let password = await kit.obsPassword.read();
  // typed in this call, not yet kept: kept once OBS accepts it
  let typed = false;
  for (;;) {
    const url = kit.settings().obsUrl;
    let cancelled = false;
    try {
      const value = await kit.ui.withProgress({ title: call.title, cancellable: true }, (_progress, cancellation) => {
        const stop = new AbortController();
        cancellation.onCancellationRequested(() => {
          cancelled = true;
          stop.abort();
        });
        return call.run({ url, password, passwordSource: OBS_PASSWORD_SOURCE, signal: stop.signal });
      });
      if (typed && password) await kit.obsPassword.save(password);
      return value;
    } catch (error) {
      if (cancelled) {
        kit.log.info(`${call.title.replace(/…$/, "")}: cancelled`);
        return undefined;
      }
      if (!isObsError(error)) throw error;
      // OBS got past the password before it failed: it took the typed one
      if (typed && password && error.kind !== "auth_failed" && error.kind !== "unreachable") {
        await kit.obsPassword.save(password);
        typed = false;
      }
      kit.log.error(error.message);
      let choice: ObsErrorAction | undefined;
      if (error.kind === "auth_failed" && !password) {
        // OBS wants a password and PulseKit has none: the box is the only way on
        choice = "Enter Password";
      } else {
        const actions = obsErrorActions(error, {
          afterCreate: call.afterCreate,
          addressLooksWrong: !isWebSocketAddress(url),
        }).filter((action) => action !== "Choose Scene…" || call.chooseScene);
        const message = obsErrorMessage(error, call.widget, call.afterCreate);
        choice = (await kit.ui.showMessage("error", message, ...actions)) as ObsErrorAction | undefined;
      }
      switch (choice) {
        case "Retry":
          continue;
        case "Enter Password": {
          const entered = await askObsPassword(kit, error.address, password ? "refused" : "needed");
          if (entered === undefined) return undefined;
          password = entered;
          typed = true;
          continue;
        }
        case "Open Settings":
          await openSettings(OBS_URL_SETTING);
          return undefined;
        case "Choose Scene…":
          await call.chooseScene?.();
          return undefined;
        case "Copy OBS URL":
          await call.copyUrl();
          return undefined;
        default:
          return undefined;
      }
    }
  }
}

/** Pulsoid: Forget OBS Password. Removes the kept password; the next add asks again if OBS wants one */
export async function forgetObsPassword(kit: PulseKit): Promise<void> {
  const had = await kit.obsPassword.clear();
  if (had) kit.log.info("forgot the OBS password");
  void kit.ui.showMessage(
    "info",
    had
      ? "PulseKit forgot the OBS password. Add Widget to OBS asks for it again when OBS wants one."
      : "PulseKit keeps no OBS password. Add Widget to OBS asks for one when OBS wants it.",
  );
}
