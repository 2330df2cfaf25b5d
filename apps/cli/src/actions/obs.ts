import { widgetViewUrl } from "@pulsekit/core";
import type { CliContext } from "../context.js";
import { checkSceneName, obsConnection, placedMessage, placeWidgetInObs, readObsScenes } from "../obs-placement.js";
import { obsPlacementJson } from "../obs-view.js";
import type { Output } from "../output.js";
import { signedIn, warnAboutWidgetUrl } from "../session.js";
import { plainLine } from "../terminal-text.js";
import { checkWidgetReference, resolveWidget } from "../widget-reference.js";

/** what `obs add` was given besides the widget */
export interface ObsAddOptions {
  scene?: string;
}

/**
 * `obs add`: the widget named by id or name goes into an OBS scene as a browser source; run again, it updates
 * that source instead of adding a second
 */
export async function addToObs(ctx: CliContext, out: Output, reference: string, options: ObsAddOptions): Promise<void> {
  // input and OBS_WEBSOCKET_URL are checked before Pulsoid or OBS is asked anything
  const wanted = checkWidgetReference(reference);
  const scene = checkSceneName(options.scene, "--scene");
  const connection = obsConnection(ctx);
  const { client } = signedIn(ctx, out);
  const widget = await resolveWidget(client, wanted);
  const placing = { id: widget.id, name: widget.name, url: widgetViewUrl(widget.id) };
  const result = await placeWidgetInObs(
    out,
    connection,
    placing,
    scene,
    "Cancelled before OBS answered; the source may be there already. Run the same command again: it updates that source rather than adding a second.",
  );
  out.result({ ...placing, obs: obsPlacementJson(result) }, () =>
    [
      `Source:  ${plainLine(result.inputName)}`,
      `Scene:   ${plainLine(result.scene)}`,
      `OBS browser-source URL: ${placing.url}`,
    ].join("\n"),
  );
  if (!out.json) out.success(placedMessage(result));
  warnAboutWidgetUrl(ctx, out);
}

/** `obs scenes`: OBS's scenes top first, as its Scenes dock shows them, the one on air marked */
export async function showObsScenes(ctx: CliContext, out: Output): Promise<void> {
  const { scenes, currentProgramScene } = await readObsScenes(out, obsConnection(ctx));
  out.result(
    {
      scenes: scenes.map((name) => ({ name, current: name === currentProgramScene })),
      currentProgramScene: currentProgramScene ?? null,
    },
    () =>
      scenes
        .map((name) => (name === currentProgramScene ? `${plainLine(name)}  (on air)` : plainLine(name)))
        .join("\n"),
  );
  if (!out.json && scenes.length === 0) out.info("OBS has no scenes yet; add one in OBS's Scenes dock.");
  if (!out.json && scenes.length > 0) {
    out.info(
      "`pulsekit obs add WIDGET --scene NAME` places a widget in one of these; without --scene, in the one on air.",
    );
  }
}
