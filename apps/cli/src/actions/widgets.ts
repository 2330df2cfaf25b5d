import {
  applyMergePatch,
  configurationFromPreset,
  DEFAULT_PRESET_ID,
  isPulsoidError,
  type PulsoidError,
  validateWidgetName,
  type Widget,
  widgetViewUrl,
} from "@pulsekit/core";
import type { ObsConnectionOptions } from "@pulsekit/obs";
import { usageError } from "../cli-error.js";
import { readConfigOption, readConfigPatch } from "../config-input.js";
import type { CliContext } from "../context.js";
import { exitCodeFor, messageFor } from "../errors.js";
import { abortOnInterrupt } from "../interrupt.js";
import { type ObsPlacementJson, obsFailureJson, obsPlacementJson } from "../obs-view.js";
import type { Output } from "../output.js";
import { signedIn, warnAboutWidgetUrl } from "../session.js";
import { plainLine } from "../terminal-text.js";
import { createUnfinishedCreates } from "../unfinished-creates.js";
import { checkWidgetReference, resolveWidget } from "../widget-reference.js";
import { checkFlag, flagError, type SettingFlags, settingsFromFlags } from "../widget-settings.js";
import { formatWidget, formatWidgetTable, type WidgetView, widgetView } from "../widget-view.js";

/** what `widgets create` was given */
export interface CreateWidgetOptions extends SettingFlags {
  name: string;
  preset?: string;
  config?: string;
  /** place the new widget in OBS */
  obs?: boolean;
  /** the OBS scene to place it in; implies --obs */
  obsScene?: string;
}

/** what `widgets update` was given besides the widget */
export interface UpdateWidgetOptions extends SettingFlags {
  config?: string;
}

/** the preset's configuration with --config and then the setting flags laid over it; --preset mistakes name the flag */
function createConfiguration(options: CreateWidgetOptions): { configuration: Record<string, unknown>; metaId: string } {
  const fromConfig = options.config === undefined ? {} : readConfigOption(options.config, process.cwd());
  const changes = { ...fromConfig, ...settingsFromFlags(options) };
  try {
    return configurationFromPreset(options.preset ?? DEFAULT_PRESET_ID, changes);
  } catch (error) {
    // --config and the setting flags were checked above: a preset mistake is the flag's
    if (isPulsoidError(error) && error.field === "preset") throw flagError("--preset", error);
    throw error;
  }
}

/**
 * `widgets create`: validates everything, then creates the widget and prints it with its OBS URL. A create
 * that may have reached Pulsoid is kept, so the same command run again looks for that widget first
 */
export async function createWidget(ctx: CliContext, out: Output, options: CreateWidgetOptions): Promise<void> {
  // everything is checked before a token is even looked up, so bad input never reaches Pulsoid
  const name = checkFlag("--name", () => validateWidgetName(options.name));
  const { configuration, metaId } = createConfiguration(options);
  // --obs-scene alone means --obs: naming a scene says where the widget should go
  const obs = options.obs === true || options.obsScene !== undefined ? await planObs(ctx, options.obsScene) : undefined;
  const { client } = signedIn(ctx, out);
  const request = { name, configuration, metaId };
  const unfinishedCreates = createUnfinishedCreates(ctx.env.configDir);
  const unfinished = unfinishedCreates.find(request);
  let widget: Widget;
  try {
    widget = await abortOnInterrupt((signal) =>
      client.createWidget(request, { signal, ...(unfinished ? { unfinished } : {}) }),
    );
  } catch (error) {
    if (!isPulsoidError(error)) throw error;
    const kept = error.unfinishedCreate !== undefined && unfinishedCreates.keep(error.unfinishedCreate);
    throw createFailure(error, kept);
  }
  if (unfinished) unfinishedCreates.forget(request);
  const view = widgetView(widget);
  if (obs) return placeCreatedWidget(ctx, out, view, obs);
  out.result(view, () => formatWidget(view));
  if (!out.json)
    out.success(`Created "${plainLine(view.name)}". Add its OBS browser-source URL as a Browser source in OBS.`);
  warnAboutWidgetUrl(ctx, out);
}

/** where `widgets create --obs` puts the widget, checked before it is created */
interface ObsPlan {
  placement: typeof import("../obs-placement.js");
  connection: ObsConnectionOptions;
  scene: string | undefined;
}

/** --obs-scene and OBS_WEBSOCKET_URL checked (exit 2) before anything is created; OBS's client loads only now */
async function planObs(ctx: CliContext, scene: string | undefined): Promise<ObsPlan> {
  const placement = await import("../obs-placement.js");
  return {
    placement,
    scene: placement.checkSceneName(scene, "--obs-scene"),
    connection: placement.obsConnection(ctx),
  };
}

/**
 * the created widget is printed first, then placed in OBS; an OBS failure is reported after it (exit 1, 2 for a
 * scene OBS lacks, 130 for Ctrl-C) and never undoes it. With --json: one object, the widget plus `obs`
 */
async function placeCreatedWidget(ctx: CliContext, out: Output, view: WidgetView, plan: ObsPlan): Promise<void> {
  const name = plainLine(view.name);
  if (!out.json) {
    out.result(view, () => formatWidget(view));
    out.success(`Created "${name}"; placing it in OBS.`);
    warnAboutWidgetUrl(ctx, out);
  }
  let obs: ObsPlacementJson;
  try {
    const result = await plan.placement.placeWidgetInObs(
      out,
      plan.connection,
      { id: view.id, name: view.name, url: view.url },
      plan.scene,
      "Cancelled before OBS answered; the source may be there already.",
    );
    obs = obsPlacementJson(result);
    if (!out.json) out.success(plan.placement.placedMessage(result));
  } catch (error) {
    obs = obsFailureJson(error);
    ctx.exitCode = exitCodeFor(error);
    out.error(messageFor(error));
    out.info(
      `The widget "${name}" was created and stays. To place it once OBS is ready, run \`pulsekit obs add ${plainLine(view.id)}\`; running this create again would make a second widget.`,
    );
  }
  if (out.json) {
    out.result({ ...view, obs }, () => "");
    warnAboutWidgetUrl(ctx, out);
  }
}

/** a failed create, saying whether the widget may exist and what to do about it */
function createFailure(error: PulsoidError, kept: boolean): PulsoidError {
  if (error.mayHaveCreated) {
    const again = kept
      ? "; running this same command again looks for it first and does not make a second one"
      : " before you create it again";
    return error.with(
      {},
      `${error.message} The widget may have been created anyway: run \`pulsekit widgets list\` to check${again}.`,
    );
  }
  if (error.cancelled) return error.with({}, "Cancelled before Pulsoid answered; no widget was created.");
  return error;
}

/** `widgets list`: a table of every widget with its type and OBS URL */
export async function listWidgets(ctx: CliContext, out: Output): Promise<void> {
  const { client } = signedIn(ctx, out);
  const views = (await client.listWidgets()).map(widgetView);
  out.result(views, () => (views.length === 0 ? "" : formatWidgetTable(views)));
  if (!out.json && views.length === 0) {
    out.info('You have no widgets yet; create one with `pulsekit widgets create --name "My widget"`.');
  }
  if (views.length > 0) warnAboutWidgetUrl(ctx, out, views.length);
}

/** `widgets update`: merges the given settings into the configuration of the widget named by id or name */
export async function updateWidget(
  ctx: CliContext,
  out: Output,
  reference: string,
  options: UpdateWidgetOptions,
): Promise<void> {
  const wanted = checkWidgetReference(reference);
  const fromConfig = options.config === undefined ? {} : readConfigPatch(options.config, process.cwd());
  const patch = { ...fromConfig, ...settingsFromFlags(options) };
  if (options.config === undefined && Object.keys(patch).length === 0) {
    throw usageError(
      "Nothing to change: give --heart-color, --heart or --no-heart, --font, or --config with the settings to merge.",
      "config",
    );
  }
  const { client } = signedIn(ctx, out);
  const widget = await resolveWidget(client, wanted);
  // the list just read is the current configuration: merge into it and post the whole result
  const configuration = applyMergePatch(widget.configuration, patch);
  const view = widgetView(await client.updateWidget(widget.id, configuration, { metaId: widget.meta_id }));
  out.result(view, () => formatWidget(view));
  if (!out.json)
    out.success(`Updated "${plainLine(view.name)}"; OBS shows the change the next time the source reloads.`);
  warnAboutWidgetUrl(ctx, out);
}

/** `widgets url`: the OBS browser-source URL of the widget named by id or name, alone on stdout */
export async function showWidgetUrl(ctx: CliContext, out: Output, reference: string): Promise<void> {
  const wanted = checkWidgetReference(reference);
  const { client } = signedIn(ctx, out);
  const widget = await resolveWidget(client, wanted);
  const url = widgetViewUrl(widget.id);
  out.result({ id: widget.id, name: widget.name, url }, () => url);
  if (!out.json)
    out.info(`That is the OBS browser-source URL of "${plainLine(widget.name)}": add it in OBS as a Browser source.`);
  warnAboutWidgetUrl(ctx, out);
}
