import { findWidget, isPulsoidError, type PulsoidClient, type Widget } from "@pulsekit/core";
import { usageError } from "./cli-error.js";

/** core's "list them" advice, said as the command that lists them */
function pointToList(message: string): string {
  return message.replace(/List them[^.]*\.$/, "`pulsekit widgets list` shows them with their ids.");
}

/** a widget id or name as typed, or a usage error (exit 2) when it is empty */
export function checkWidgetReference(reference: string): string {
  const trimmed = reference.trim();
  if (trimmed === "")
    throw usageError("The widget is empty; give its id or name from `pulsekit widgets list`.", "widget");
  return trimmed;
}

/**
 * the widget a user means by an id or a name (any case), looked up in the list: a name several widgets share,
 * or one that matches nothing, is an invalid_input error (exit 2) before anything is changed
 */
export async function resolveWidget(client: PulsoidClient, reference: string): Promise<Widget> {
  const widgets = await client.listWidgets();
  try {
    return findWidget(widgets, reference);
  } catch (error) {
    if (isPulsoidError(error) && error.kind === "invalid_input") throw error.with({}, pointToList(error.message));
    throw error;
  }
}
