import {
  configurationFromPreset,
  DEFAULT_PRESET_ID,
  isPulsoidError,
  type PulsoidError,
  validateWidgetName,
  type Widget,
} from "@pulsekit/core";
import { usageError } from "../cli-error.js";
import { readConfigOption, readConfigPatch } from "../config-input.js";
import type { CliContext } from "../context.js";
import { abortOnInterrupt } from "../interrupt.js";
import type { Output } from "../output.js";
import { signedIn } from "../session.js";
import { plainLine } from "../terminal-text.js";
import { createUnfinishedCreates } from "../unfinished-creates.js";
import { formatWidget, formatWidgetTable, widgetView } from "../widget-view.js";

/** what `widgets create` was given */
export interface CreateWidgetOptions {
  name: string;
  preset?: string;
  config?: string;
}

/**
 * `widgets create`: validates everything, then creates the widget and prints it with its OBS URL. A create
 * that may have reached Pulsoid is kept, so the same command run again looks for that widget first
 */
export async function createWidget(ctx: CliContext, out: Output, options: CreateWidgetOptions): Promise<void> {
  // everything is checked before a token is even looked up, so bad input never reaches Pulsoid
  const name = validateWidgetName(options.name);
  const changes = options.config === undefined ? {} : readConfigOption(options.config, process.cwd());
  const { configuration, metaId } = configurationFromPreset(options.preset ?? DEFAULT_PRESET_ID, changes);
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
}

/** `widgets update`: merges the given settings into the widget's current configuration */
export async function updateWidget(ctx: CliContext, out: Output, id: string, config: string): Promise<void> {
  if (id.trim() === "") throw usageError("The widget id is empty; copy one from `pulsekit widgets list`.", "id");
  const patch = readConfigPatch(config, process.cwd());
  const { client } = signedIn(ctx, out);
  const view = widgetView(await client.mergeWidgetConfiguration(id.trim(), patch));
  out.result(view, () => formatWidget(view));
  if (!out.json)
    out.success(`Updated "${plainLine(view.name)}"; OBS shows the change the next time the source reloads.`);
}
