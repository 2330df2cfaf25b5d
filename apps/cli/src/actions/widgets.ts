import { configurationFromPreset, DEFAULT_PRESET_ID, validateWidgetName } from "@pulsekit/core";
import { usageError } from "../cli-error.js";
import { readConfigOption, readConfigPatch } from "../config-input.js";
import type { CliContext } from "../context.js";
import type { Output } from "../output.js";
import { clientFor, resolveToken } from "../session.js";
import { plainLine } from "../terminal-text.js";
import { formatWidget, formatWidgetTable, widgetView } from "../widget-view.js";

/** what `widgets create` was given */
export interface CreateWidgetOptions {
  name: string;
  preset?: string;
  config?: string;
}

/** `widgets create`: validates everything, then creates the widget and prints it with its OBS URL */
export async function createWidget(ctx: CliContext, out: Output, options: CreateWidgetOptions): Promise<void> {
  // everything is checked before a token is even looked up, so bad input never reaches Pulsoid
  const name = validateWidgetName(options.name);
  const changes = options.config === undefined ? {} : readConfigOption(options.config, process.cwd());
  const { configuration, metaId } = configurationFromPreset(options.preset ?? DEFAULT_PRESET_ID, changes);
  const { token } = resolveToken(ctx, out);
  const client = clientFor(ctx, out, token);
  const view = widgetView(await client.createWidget({ name, configuration, metaId }));
  out.result(view, () => formatWidget(view));
  if (!out.json)
    out.success(`Created "${plainLine(view.name)}". Add its OBS browser-source URL as a Browser source in OBS.`);
}

/** `widgets list`: a table of every widget with its type and OBS URL */
export async function listWidgets(ctx: CliContext, out: Output): Promise<void> {
  const { token } = resolveToken(ctx, out);
  const views = (await clientFor(ctx, out, token).listWidgets()).map(widgetView);
  out.result(views, () => (views.length === 0 ? "" : formatWidgetTable(views)));
  if (!out.json && views.length === 0) {
    out.info('You have no widgets yet; create one with `pulsekit widgets create --name "My widget"`.');
  }
}

/** `widgets update`: merges the given settings into the widget's current configuration */
export async function updateWidget(ctx: CliContext, out: Output, id: string, config: string): Promise<void> {
  if (id.trim() === "") throw usageError("The widget id is empty; copy one from `pulsekit widgets list`.", "id");
  const patch = readConfigPatch(config, process.cwd());
  const { token } = resolveToken(ctx, out);
  const view = widgetView(await clientFor(ctx, out, token).mergeWidgetConfiguration(id.trim(), patch));
  out.result(view, () => formatWidget(view));
  if (!out.json)
    out.success(`Updated "${plainLine(view.name)}"; OBS shows the change the next time the source reloads.`);
}
