import { createPulsoidClient, type Widget, widgetViewUrl } from "@pulsekit/core";
import { type GlobalSettings, pluginEndpoints, tokenOf } from "./endpoints.js";
import { type KeySettings, widgetRequestFor } from "./key-settings.js";
import { NotSignedInError } from "./not-signed-in-error.js";

/** what a successful press leaves in the key's settings */
export type PressOutcome = { widget: Widget; url: string; settings: KeySettings };

/** everything a press needs from outside, so the press itself has no host in it */
export type PressContext = {
  settings: KeySettings;
  globalSettings: () => Promise<GlobalSettings>;
  env: Record<string, string | undefined>;
  now: Date;
  fetch?: typeof fetch;
  log: (line: string) => void;
  /** aborted when the press gives up, so the request ends with it */
  signal?: AbortSignal;
};

/** creates one widget from a key's settings; throws NotSignedInError, PulsoidError or StepTimeoutError */
export async function createWidgetFromKey(context: PressContext): Promise<PressOutcome> {
  const request = widgetRequestFor(context.settings, context.now);
  const global = await context.globalSettings();
  const token = tokenOf(global);
  if (!token) throw new NotSignedInError();
  const endpoints = pluginEndpoints(global, context.env);
  const client = createPulsoidClient({
    token,
    baseUrl: endpoints.apiBaseUrl,
    // a key answers fast and the user presses again; the core still never leaves two widgets
    retry: false,
    ...(context.fetch ? { fetch: context.fetch } : {}),
    onRequest: (e) =>
      context.log(`${e.method} ${e.path} -> ${e.status ?? "no answer"} in ${Math.round(e.durationMs)} ms`),
  });
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
