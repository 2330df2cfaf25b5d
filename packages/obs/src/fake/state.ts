import { randomUUID } from "node:crypto";
import { RequestStatus } from "../protocol.js";

/** an input as the fake OBS keeps it */
export interface FakeInput {
  inputName: string;
  inputUuid: string;
  inputKind: string;
  inputSettings: Record<string, unknown>;
}

/** a scene and the names of the sources in it, bottom first as OBS stores them */
export interface FakeScene {
  sceneName: string;
  sceneUuid: string;
  items: { sceneItemId: number; sourceName: string; sceneItemEnabled: boolean }[];
}

/** an input to start with */
export interface FakeInputSeed {
  inputName: string;
  inputKind?: string;
  inputSettings?: Record<string, unknown>;
  /** scenes it is placed in */
  scenes?: string[];
}

/** what the fake says about itself in GetVersion, and what it pretends not to know */
export interface FakeVersion {
  obsVersion: string;
  obsWebSocketVersion: string;
  rpcVersion: number;
  /** request types answered as unknown (204), like an OBS that predates them */
  unsupportedRequests: string[];
}

/** what a request comes back with */
export interface RequestOutcome {
  code: number;
  comment?: string;
  data?: Record<string, unknown>;
}

type Data = Record<string, unknown>;
type Handler = (data: Data) => RequestOutcome;

const ok = (data?: Data): RequestOutcome =>
  data ? { code: RequestStatus.Success, data } : { code: RequestStatus.Success };
const refuse = (code: number, comment: string): RequestOutcome => ({ code, comment });

class MissingField extends Error {}

function text(data: Data, field: string): string {
  const value = data[field];
  if (typeof value !== "string" || value === "") throw new MissingField(field);
  return value;
}

/** scenes and inputs of a pretend OBS, and its answers to the requests PulseKit sends */
export class FakeObsState {
  readonly scenes: FakeScene[];
  readonly inputs: FakeInput[] = [];
  currentScene: string;
  private nextItemId = 1;

  constructor(
    sceneNames: string[],
    currentScene: string | undefined,
    seeds: FakeInputSeed[],
    private readonly version: FakeVersion,
  ) {
    this.scenes = sceneNames.map((sceneName) => ({ sceneName, sceneUuid: randomUUID(), items: [] }));
    this.currentScene = currentScene ?? sceneNames[0] ?? "";
    for (const seed of seeds) {
      this.inputs.push({
        inputName: seed.inputName,
        inputUuid: randomUUID(),
        inputKind: seed.inputKind ?? "browser_source",
        inputSettings: { ...seed.inputSettings },
      });
      for (const scene of seed.scenes ?? []) this.findScene(scene)?.items.push(this.item(seed.inputName));
    }
  }

  /** answers one request the way obs-websocket 5 does */
  handle(requestType: string, requestData: Data = {}): RequestOutcome {
    const handler = this.version.unsupportedRequests.includes(requestType) ? undefined : this.handlers[requestType];
    if (!handler) return refuse(RequestStatus.UnknownRequestType, "Your request type is not valid.");
    try {
      return handler(requestData);
    } catch (error) {
      if (error instanceof MissingField) {
        return refuse(RequestStatus.MissingRequestField, `Your request is missing the \`${error.message}\` field.`);
      }
      throw error;
    }
  }

  /** the request types this fake answers */
  get requestTypes(): string[] {
    return Object.keys(this.handlers).filter((type) => !this.version.unsupportedRequests.includes(type));
  }

  private findScene(name: string): FakeScene | undefined {
    return this.scenes.find((scene) => scene.sceneName === name);
  }

  private findInput(name: string): FakeInput | undefined {
    return this.inputs.find((input) => input.inputName === name);
  }

  private item(sourceName: string) {
    return { sceneItemId: this.nextItemId++, sourceName, sceneItemEnabled: true };
  }

  /** a scene by name, or why not */
  private scene(data: Data): FakeScene | RequestOutcome {
    const name = text(data, "sceneName");
    const scene = this.findScene(name);
    if (scene) return scene;
    if (this.findInput(name)) return refuse(RequestStatus.InvalidResourceType, "The specified source is not a scene.");
    return refuse(RequestStatus.ResourceNotFound, `No source was found by the name of \`${name}\`.`);
  }

  /** an input by name, or why not */
  private input(data: Data): FakeInput | RequestOutcome {
    const name = text(data, "inputName");
    const input = this.findInput(name);
    if (input) return input;
    if (this.findScene(name)) return refuse(RequestStatus.InvalidResourceType, "The specified source is not an input.");
    return refuse(RequestStatus.ResourceNotFound, `No source was found by the name of \`${name}\`.`);
  }

  private readonly handlers: Record<string, Handler> = {
    GetVersion: () =>
      ok({
        obsVersion: this.version.obsVersion,
        obsWebSocketVersion: this.version.obsWebSocketVersion,
        rpcVersion: this.version.rpcVersion,
        availableRequests: this.requestTypes,
        supportedImageFormats: ["png", "jpg"],
        platform: "fake",
        platformDescription: "PulseKit fake OBS",
      }),
    GetCurrentProgramScene: () => {
      const scene = this.findScene(this.currentScene);
      return ok({
        sceneName: this.currentScene,
        sceneUuid: scene?.sceneUuid ?? "",
        currentProgramSceneName: this.currentScene,
        currentProgramSceneUuid: scene?.sceneUuid ?? "",
      });
    },
    GetSceneList: () => {
      const count = this.scenes.length;
      // obs-websocket lists the bottom scene first, with sceneIndex counting from the bottom
      const scenes = this.scenes
        .map((scene, top) => ({ sceneIndex: count - top - 1, sceneName: scene.sceneName, sceneUuid: scene.sceneUuid }))
        .reverse();
      return ok({
        currentProgramSceneName: this.currentScene,
        currentProgramSceneUuid: this.findScene(this.currentScene)?.sceneUuid ?? null,
        currentPreviewSceneName: null,
        currentPreviewSceneUuid: null,
        scenes,
      });
    },
    GetInputList: (data) => {
      const kind = typeof data.inputKind === "string" ? data.inputKind : undefined;
      const inputs = this.inputs
        .filter((input) => kind === undefined || input.inputKind === kind)
        .map(({ inputName, inputUuid, inputKind }) => ({
          inputName,
          inputUuid,
          inputKind,
          unversionedInputKind: inputKind,
        }));
      return ok({ inputs });
    },
    GetInputSettings: (data) => {
      const input = this.input(data);
      if ("code" in input) return input;
      return ok({ inputKind: input.inputKind, inputSettings: { ...input.inputSettings } });
    },
    SetInputSettings: (data) => {
      const input = this.input(data);
      if ("code" in input) return input;
      const settings = data.inputSettings;
      if (typeof settings !== "object" || settings === null) throw new MissingField("inputSettings");
      input.inputSettings = data.overlay === false ? { ...settings } : { ...input.inputSettings, ...settings };
      return ok();
    },
    CreateInput: (data) => {
      const scene = this.scene(data);
      if ("code" in scene) return scene;
      const inputName = text(data, "inputName");
      const inputKind = text(data, "inputKind");
      if (this.findInput(inputName) || this.findScene(inputName)) {
        return refuse(RequestStatus.ResourceAlreadyExists, "A source already exists by that input name.");
      }
      const settings = typeof data.inputSettings === "object" && data.inputSettings !== null ? data.inputSettings : {};
      const input = { inputName, inputUuid: randomUUID(), inputKind, inputSettings: { ...settings } };
      this.inputs.push(input);
      const item = this.item(inputName);
      item.sceneItemEnabled = data.sceneItemEnabled !== false;
      scene.items.push(item);
      return ok({ inputUuid: input.inputUuid, sceneItemId: item.sceneItemId });
    },
    CreateSceneItem: (data) => {
      const scene = this.scene(data);
      if ("code" in scene) return scene;
      const sourceName = text(data, "sourceName");
      if (!this.findInput(sourceName) && !this.findScene(sourceName)) {
        return refuse(RequestStatus.ResourceNotFound, `No source was found by the name of \`${sourceName}\`.`);
      }
      if (sourceName === scene.sceneName) {
        return refuse(RequestStatus.InvalidRequestField, "You cannot create scene item of a scene within itself.");
      }
      const item = this.item(sourceName);
      item.sceneItemEnabled = data.sceneItemEnabled !== false;
      scene.items.push(item);
      return ok({ sceneItemId: item.sceneItemId });
    },
    GetSceneItemList: (data) => {
      const scene = this.scene(data);
      if ("code" in scene) return scene;
      const sceneItems = scene.items.map((item, sceneItemIndex) => {
        const input = this.findInput(item.sourceName);
        return {
          sceneItemId: item.sceneItemId,
          sceneItemIndex,
          sceneItemEnabled: item.sceneItemEnabled,
          sourceName: item.sourceName,
          sourceType: input ? "OBS_SOURCE_TYPE_INPUT" : "OBS_SOURCE_TYPE_SCENE",
          inputKind: input?.inputKind ?? null,
          isGroup: input ? null : false,
        };
      });
      return ok({ sceneItems });
    },
  };
}
