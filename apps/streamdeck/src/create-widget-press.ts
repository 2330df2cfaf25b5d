import { type PulsoidClient, type Widget, widgetViewUrl } from "@pulsekit/core";
import { type KeySettings, widgetRequestFor } from "./key-settings.js";

/** what a successful press leaves in the key's settings */
export type PressOutcome = { widget: Widget; url: string; settings: KeySettings };

/** everything a press needs from outside, so the press itself has no host in it */
export type PressContext = {
  settings: KeySettings;
  /** the account's client for the stored token; throws NotSignedInError when there is none */
  client: () => Promise<PulsoidClient>;
  now: Date;
  /** aborted when the press gives up, so the request ends with it */
  signal?: AbortSignal;
};

/** creates one widget from a key's settings; throws NotSignedInError, PulsoidError or StepTimeoutError */
export async function createWidgetFromKey(context: PressContext): Promise<PressOutcome> {
  const request = widgetRequestFor(context.settings, context.now);
  const client = await context.client();
  const widget = await client.createWidget(
    { name: request.name, configuration: request.configuration, metaId: request.metaId },
    {
      ...(context.settings.unfinished ? { unfinished: context.settings.unfinished } : {}),
      ...(context.signal ? { signal: context.signal } : {}),
    },
  );
  const url = widgetViewUrl(widget.id);
  return {
    widget,
    url,
    settings: {
      ...withoutUnfinished(context.settings),
      counter: request.counter,
      lastWidgetId: widget.id,
      lastWidgetUrl: url,
      lastWidgetName: widget.name,
    },
  };
}

/** the settings without a finished hand-over */
function withoutUnfinished(settings: KeySettings): KeySettings {
  const { unfinished: _done, ...rest } = settings;
  return rest;
}
