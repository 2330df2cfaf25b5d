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
import { usageError } from "../cli-error.js";
import { readConfigOption, readConfigPatch } from "../config-input.js";
import type { CliContext } from "../context.js";
import { abortOnInterrupt } from "../interrupt.js";
import type { Output } from "../output.js";
import { signedIn, warnAboutWidgetUrl } from "../session.js";
import { plainLine } from "../terminal-text.js";
import { createUnfinishedCreates } from "../unfinished-creates.js";
import { checkWidgetReference, resolveWidget } from "../widget-reference.js";
import { checkFlag, flagError, type SettingFlags, settingsFromFlags } from "../widget-settings.js";
import { formatWidget, formatWidgetTable, widgetView } from "../widget-view.js";

/** what `widgets create` was given */
export interface CreateWidgetOptions extends SettingFlags {
  name: string;
  preset?: string;
  config?: string;
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
  out.result(view, () => formatWidget(view));
  if (!out.json)
    out.success(`Created "${plainLine(view.name)}". Add its OBS browser-source URL as a Browser source in OBS.`);
  warnAboutWidgetUrl(ctx, out);
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
