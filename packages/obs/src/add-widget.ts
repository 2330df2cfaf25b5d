import {
  currentProgramSceneAnswer,
  inputSettingsAnswer,
  sceneItemListAnswer,
  sceneListAnswer,
  scenesTopFirst,
} from "./answers.js";
import { BROWSER_SOURCE_KIND, TRANSPARENT_PAGE_CSS, WIDGET_SOURCE_SIZE } from "./defaults.js";
import { ObsError } from "./errors.js";
import { messages } from "./messages.js";
import { RequestStatus } from "./protocol.js";
import { type ObsConnectionOptions, type ObsSession, withObs } from "./session.js";

/** the widget to place: its id, its name (the source's name in OBS) and its OBS browser-source URL */
export interface ObsWidget {
  id: string;
  name: string;
  url: string;
}

/** a browser source's size in pixels */
export interface ObsSourceSize {
  width: number;
  height: number;
}

/** what `addWidgetToObs` needs */
export interface AddWidgetToObsOptions extends ObsConnectionOptions {
  widget: ObsWidget;
  /** the scene to place it in; default the current program scene */
  scene?: string;
  /** default 400 x 200 */
  size?: ObsSourceSize;
}

/** what `addWidgetToObs` did */
export interface AddWidgetToObsResult {
  /** `created` a new browser source, or `updated` the one of the same name */
  action: "created" | "updated";
  scene: string;
  inputName: string;
  /** requests sent to OBS */
  requests: number;
}

/** the source name a widget gets in OBS */
export function obsInputName(widget: ObsWidget): string {
  return widget.name.trim() || `Pulsoid widget ${widget.id}`;
}

/** puts a widget into an OBS scene as a browser source, or points the existing source of its name at it */
export function addWidgetToObs(options: AddWidgetToObsOptions): Promise<AddWidgetToObsResult> {
  const { widget } = options;
  const inputName = obsInputName(widget);
  const size = options.size ?? WIDGET_SOURCE_SIZE;
  const widgetRef = { name: inputName, url: widget.url };

  return withObs(options, widgetRef, async (obs) => {
    const scene = await targetScene(obs, options.scene);
    const existing = await obs.attempt("GetInputSettings", { inputName });

    if (existing.code === RequestStatus.ResourceNotFound) {
      const created = await obs.attempt("CreateInput", {
        sceneName: scene,
        inputName,
        inputKind: BROWSER_SOURCE_KIND,
        inputSettings: { url: widget.url, width: size.width, height: size.height, css: TRANSPARENT_PAGE_CSS },
        sceneItemEnabled: true,
      });
      // another client may have taken the name in between
      if (created.code === RequestStatus.ResourceAlreadyExists) {
        throw new ObsError("failed", messages.nameInUse(inputName, widgetRef), {
          address: obs.address,
          code: created.code,
        });
      }
      if (created.code !== RequestStatus.Success) throw obs.refused("CreateInput", created);
      return { action: "created", scene, inputName, requests: obs.requests };
    }
    // scenes are sources too: a scene of that name is not an input, yet takes the name
    if (existing.code === RequestStatus.InvalidResourceType) {
      throw new ObsError("failed", messages.sceneNameTaken(inputName, widgetRef), {
        address: obs.address,
        code: existing.code,
      });
    }
    if (existing.code !== RequestStatus.Success) throw obs.refused("GetInputSettings", existing);

    const { inputKind } = obs.read(inputSettingsAnswer, existing.data, "GetInputSettings");
    if (inputKind !== BROWSER_SOURCE_KIND) {
      throw new ObsError("failed", messages.nameTaken(inputName, inputKind, widgetRef), { address: obs.address });
    }
    // settings overlay what is there, so a streamer's own css stays
    await obs.call("SetInputSettings", {
      inputName,
      inputSettings: { url: widget.url, width: size.width, height: size.height },
    });
    const { sceneItems } = obs.read(
      sceneItemListAnswer,
      await obs.call("GetSceneItemList", { sceneName: scene }),
      "GetSceneItemList",
    );
    if (!sceneItems.some((item) => item.sourceName === inputName)) {
      await obs.call("CreateSceneItem", { sceneName: scene, sourceName: inputName, sceneItemEnabled: true });
    }
    return { action: "updated", scene, inputName, requests: obs.requests };
  });
}

/** the named scene, checked against OBS's list, or the current program scene */
async function targetScene(obs: ObsSession, scene: string | undefined): Promise<string> {
  if (scene === undefined || scene === "") {
    return obs.read(currentProgramSceneAnswer, await obs.call("GetCurrentProgramScene"), "GetCurrentProgramScene")
      .sceneName;
  }
  const scenes = scenesTopFirst(obs.read(sceneListAnswer, await obs.call("GetSceneList"), "GetSceneList"));
  if (!scenes.includes(scene)) {
    throw new ObsError("unknown_scene", messages.unknownScene(scene, scenes), { address: obs.address, scenes });
  }
  return scene;
}
