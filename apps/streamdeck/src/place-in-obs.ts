import { type AddWidgetToObsResult, addWidgetToObs, type ObsWidget } from "@pulsekit/obs";
import type { KeyObs } from "./key-settings.js";
import type { ObsConnection } from "./obs-settings.js";

/** how putting a press's widget into OBS went */
export type ObsPlacement = { ok: true; result: AddWidgetToObsResult } | { ok: false; error: unknown };

/** what placing needs: the key's choice, the global OBS settings and the widget just created */
export type PlaceInObsContext = {
  obs: KeyObs;
  connection: () => Promise<ObsConnection>;
  widget: ObsWidget;
  signal?: AbortSignal;
};

/**
 * puts a created widget into OBS as a browser source, in the key's scene or the current program scene; a source
 * of the widget's name is pointed at it instead of a second one being added. Never throws: the widget exists
 * whatever OBS says, so a failure is a value the key shows
 */
export async function placeInObs(context: PlaceInObsContext): Promise<ObsPlacement> {
  try {
    const scene = context.obs.scene?.trim();
    const result = await addWidgetToObs({
      ...(await context.connection()),
      widget: context.widget,
      ...(scene ? { scene } : {}),
      ...(context.signal ? { signal: context.signal } : {}),
    });
    return { ok: true, result };
  } catch (error) {
    return { ok: false, error };
  }
}
