// plays the Stream Deck app: a WebSocket server on 127.0.0.1 that launches the plugin the way the app does,
// answers and stores settings, and forwards between the plugin and a property inspector
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { type WebSocket, WebSocketServer } from "ws";

// biome-ignore lint/suspicious/noExplicitAny: frames are whatever JSON the plugin sends
export type Message = Record<string, any>;
/** one message the host received, with who sent it and when */
export type Frame = { at: number; from: "plugin" | "inspector"; message: Message };

/** the Create Widget action */
export const ACTION_UUID = "dev.pulsekit.widgets.create";
/** the Heart Rate action (keys and Stream Deck + dials) */
export const HEART_RATE_UUID = "dev.pulsekit.widgets.heartrate";
/** the device every key sits on */
export const DEVICE_ID = "DEVICE-1";

/** the -info argument the app passes: at least one device, or the SDK drops every willAppear */
export const REGISTRATION_INFO = {
  application: {
    font: ".AppleSystemUIFont",
    language: "en",
    platform: "mac",
    platformVersion: "14.5.0",
    version: "6.9.1.21520",
  },
  colors: {
    buttonPressedBackgroundColor: "#303030FF",
    buttonPressedBorderColor: "#646464FF",
    buttonPressedTextColor: "#969696FF",
    disabledColor: "#F7821B59",
    highlightColor: "#F7821BFF",
    mouseDownColor: "#CF6304FF",
  },
  devicePixelRatio: 2,
  devices: [{ id: DEVICE_ID, name: "Stream Deck", size: { columns: 5, rows: 3 }, type: 0 }],
  plugin: { uuid: "dev.pulsekit.widgets", version: "0.1.0.0" },
};

/** how the app is set up before it launches the plugin */
export type HostOptions = {
  /** the installed .sdPlugin folder: the plugin's working directory */
  pluginDir: string;
  /** environment for the plugin process (on top of PATH and HOME) */
  env?: Record<string, string>;
  /** what the app has stored as the plugin's global settings */
  globalSettings?: Message;
  /** false: the app never answers getGlobalSettings (the SDK has no timeout for it) */
  answerGlobalSettings?: boolean;
};

/** where an action sits: a key, or a Stream Deck + dial with its touch strip */
export type Controller = "Keypad" | "Encoder";
type Key = { context: string; settings: Message; column: number; action: string; controller: Controller };

/** what the app shows on a key now, from the manifest and what the plugin sent */
export type KeyFace = {
  /** the picture as a data URL: the plugin's last setImage, else the manifest state's image */
  image: string;
  /** whether that picture came from the plugin (setImage) rather than the manifest */
  imageFromPlugin: boolean;
  /** the plugin's last setTitle, else the state's own Title; undefined: no title */
  title?: string;
  /** the manifest state's title style */
  titleAlignment: "top" | "middle" | "bottom";
  fontSize: number;
  titleColor: string;
  showTitle: boolean;
};

/** one item of a touch-strip layout, with what setFeedback put into it */
export type DialItem = Message & { key: string; type: string; rect: [number, number, number, number] };
/** what the app shows on a dial's touch strip now: the layout's items after every setFeedback */
export type DialFace = { layout: string; items: DialItem[] };

/** the app, as far as one plugin can tell */
export class StreamDeckHost {
  readonly frames: Frame[] = [];
  readonly pluginUUID = randomBytes(16).toString("hex").toUpperCase();
  globalSettings: Message;
  readonly keys = new Map<string, Key>();
  output = "";
  child?: ChildProcess;
  port = 0;
  launchedAt = 0;
  registeredAt = 0;

  readonly #server: WebSocketServer;
  readonly #options: HostOptions;
  #plugin?: WebSocket;
  readonly #inspectors = new Map<string, WebSocket>();
  readonly #waiters = new Set<() => void>();

  private constructor(server: WebSocketServer, options: HostOptions) {
    this.#server = server;
    this.#options = options;
    this.globalSettings = structuredClone(options.globalSettings ?? {});
    this.port = (server.address() as AddressInfo).port;
    server.on("connection", (socket) => this.#accept(socket));
  }

  /** starts the server and launches the plugin; resolves once the plugin registered */
  static async start(options: HostOptions): Promise<StreamDeckHost> {
    const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
    await once(server, "listening");
    const host = new StreamDeckHost(server, options);
    await host.#launch();
    return host;
  }

  async #launch(): Promise<void> {
    this.launchedAt = performance.now();
    // exactly the app's command line: argv pairs, the .sdPlugin folder as working directory, no global module paths
    const child = spawn(
      process.execPath,
      [
        "--no-global-search-paths",
        "bin/plugin.js",
        "-port",
        String(this.port),
        "-pluginUUID",
        this.pluginUUID,
        "-registerEvent",
        "registerPlugin",
        "-info",
        JSON.stringify(REGISTRATION_INFO),
      ],
      {
        cwd: this.#options.pluginDir,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...this.#options.env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    this.child = child;
    child.stdout?.on("data", (chunk) => {
      this.output += String(chunk);
    });
    child.stderr?.on("data", (chunk) => {
      this.output += String(chunk);
    });
    await this.waitUntil(() => this.registeredAt > 0, 15_000, "the plugin to register (read its logs/ folder)");
  }

  #accept(socket: WebSocket): void {
    let role: "plugin" | "inspector" | undefined;
    let inspectorContext = "";
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as Message;
      if (!role) {
        if (message.event === "registerPlugin" && message.uuid === this.pluginUUID) {
          role = "plugin";
          this.#plugin = socket;
          this.registeredAt = performance.now();
        } else if (message.event === "registerPropertyInspector") {
          role = "inspector";
          inspectorContext = String(message.uuid);
          this.#inspectors.set(inspectorContext, socket);
          this.#toPlugin({
            event: "propertyInspectorDidAppear",
            action: this.#actionOf(inspectorContext),
            context: inspectorContext,
            device: DEVICE_ID,
          });
        }
        this.#record(role ?? "plugin", message);
        return;
      }
      this.#record(role, message);
      if (role === "plugin") this.#fromPlugin(message);
      else this.#fromInspector(inspectorContext, message);
    });
    socket.on("close", () => {
      if (role === "inspector" && this.#inspectors.get(inspectorContext) === socket) {
        this.#inspectors.delete(inspectorContext);
        this.#toPlugin({
          event: "propertyInspectorDidDisappear",
          action: this.#actionOf(inspectorContext),
          context: inspectorContext,
          device: DEVICE_ID,
        });
      }
    });
  }

  #record(from: Frame["from"], message: Message): void {
    this.frames.push({ at: performance.now(), from, message });
    for (const wake of this.#waiters) wake();
  }

  #send(socket: WebSocket | undefined, message: Message): void {
    if (socket && socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  }

  #toPlugin(message: Message): void {
    this.#send(this.#plugin, message);
  }

  #actionOf(context: string): string {
    return this.keys.get(context)?.action ?? ACTION_UUID;
  }

  #settingsEvent(context: string): Message {
    const key = this.keys.get(context);
    return {
      event: "didReceiveSettings",
      action: this.#actionOf(context),
      context,
      device: DEVICE_ID,
      payload: {
        controller: key?.controller ?? "Keypad",
        coordinates: { column: key?.column ?? 0, row: 0 },
        isInMultiAction: false,
        settings: structuredClone(key?.settings ?? {}),
      },
    };
  }

  #fromPlugin(message: Message): void {
    switch (message.event) {
      case "getGlobalSettings":
        if (this.#options.answerGlobalSettings !== false) {
          this.#toPlugin({
            event: "didReceiveGlobalSettings",
            payload: { settings: structuredClone(this.globalSettings) },
          });
        }
        return;
      case "setGlobalSettings":
        this.globalSettings = structuredClone(message.payload ?? {});
        for (const inspector of this.#inspectors.values()) {
          this.#send(inspector, {
            event: "didReceiveGlobalSettings",
            payload: { settings: structuredClone(this.globalSettings) },
          });
        }
        return;
      case "getSettings":
        this.#toPlugin(this.#settingsEvent(message.context));
        return;
      case "setSettings": {
        const key = this.keys.get(message.context);
        if (key) key.settings = structuredClone(message.payload ?? {});
        this.#send(this.#inspectors.get(message.context), this.#settingsEvent(message.context));
        return;
      }
      case "sendToPropertyInspector":
        this.#send(this.#inspectors.get(message.context), {
          event: "sendToPropertyInspector",
          action: this.#actionOf(message.context),
          context: message.context,
          payload: message.payload,
        });
        return;
    }
  }

  #fromInspector(context: string, message: Message): void {
    const inspector = this.#inspectors.get(context);
    switch (message.event) {
      case "getGlobalSettings":
        if (this.#options.answerGlobalSettings !== false) {
          this.#send(inspector, {
            event: "didReceiveGlobalSettings",
            payload: { settings: structuredClone(this.globalSettings) },
          });
        }
        return;
      case "setGlobalSettings":
        this.globalSettings = structuredClone(message.payload ?? {});
        this.#toPlugin({
          event: "didReceiveGlobalSettings",
          payload: { settings: structuredClone(this.globalSettings) },
        });
        return;
      case "getSettings":
        this.#send(inspector, this.#settingsEvent(context));
        return;
      case "setSettings": {
        const key = this.keys.get(context);
        if (key) key.settings = structuredClone(message.payload ?? {});
        this.#toPlugin(this.#settingsEvent(context));
        return;
      }
      case "sendToPlugin":
        this.#toPlugin({ event: "sendToPlugin", action: this.#actionOf(context), context, payload: message.payload });
        return;
    }
  }

  /** puts a Create Widget key on the deck (willAppear) */
  addKey(settings: Message = {}, context = randomBytes(8).toString("hex")): string {
    return this.addAction(ACTION_UUID, "Keypad", settings, context);
  }

  /** puts a Heart Rate key, or with "Encoder" a Stream Deck + dial, on the deck (willAppear) */
  addHeartRate(controller: Controller = "Keypad", settings: Message = {}): string {
    return this.addAction(HEART_RATE_UUID, controller, settings);
  }

  /** puts any action on the deck (willAppear) */
  addAction(
    action: string,
    controller: Controller,
    settings: Message = {},
    context = randomBytes(8).toString("hex"),
  ): string {
    const key = { context, settings: structuredClone(settings), column: this.keys.size, action, controller };
    this.keys.set(context, key);
    this.#toPlugin({
      ...this.#settingsEvent(context),
      event: "willAppear",
      payload: { ...this.#settingsEvent(context).payload, state: 0 },
    });
    return context;
  }

  /** takes a key or dial off the deck (willDisappear), as when the user leaves its page or deletes it */
  removeKey(context: string): void {
    const event = this.#settingsEvent(context);
    this.keys.delete(context);
    this.#toPlugin({ ...event, event: "willDisappear" });
  }

  /** stores new settings for a key as the inspector would, and tells the plugin (didReceiveSettings) */
  changeSettings(context: string, settings: Message): void {
    const key = this.keys.get(context);
    if (!key) return;
    key.settings = structuredClone(settings);
    this.#toPlugin(this.#settingsEvent(context));
  }

  /** a dial press (dialDown then dialUp) or a tap on its touch strip */
  touchDial(context: string, how: "press" | "tap"): void {
    const event = this.#settingsEvent(context);
    if (how === "tap") {
      this.#toPlugin({ ...event, event: "touchTap", payload: { ...event.payload, hold: false, tapPos: [50, 50] } });
      return;
    }
    this.#toPlugin({ ...event, event: "dialDown" });
    this.#toPlugin({ ...event, event: "dialUp" });
  }

  /** a press: keyDown then keyUp, each carrying the key's stored settings */
  press(context: string): void {
    const event = this.#settingsEvent(context);
    this.#toPlugin({ ...event, event: "keyDown", payload: { ...event.payload, state: 0 } });
    this.#toPlugin({ ...event, event: "keyUp", payload: { ...event.payload, state: 0 } });
  }

  /** replaces the plugin's global settings as another writer would (a sign-in elsewhere), and tells the plugin */
  replaceGlobalSettings(settings: Message): void {
    this.globalSettings = structuredClone(settings);
    this.#toPlugin({ event: "didReceiveGlobalSettings", payload: { settings: structuredClone(settings) } });
  }

  /** sends any event to the plugin, as the app would */
  sendToPlugin(message: Message): void {
    this.#toPlugin(message);
  }

  /** frames from the plugin with this event (and context, when given) */
  commands(event: string, context?: string): Message[] {
    return this.frames
      .filter(
        (f) =>
          f.from === "plugin" && f.message.event === event && (context === undefined || f.message.context === context),
      )
      .map((f) => f.message);
  }

  /** titles the plugin set on a key, in order; undefined means "back to the key's own title" */
  titles(context: string): (string | undefined)[] {
    return this.commands("setTitle", context).map((m) => m.payload?.title);
  }

  /** the plugin's manifest, as installed */
  manifest(): Message {
    return JSON.parse(readFileSync(join(this.#options.pluginDir, "manifest.json"), "utf8")) as Message;
  }

  #manifestAction(context: string): Message {
    const uuid = this.#actionOf(context);
    const action = (this.manifest().Actions as Message[]).find((a) => a.UUID === uuid);
    if (!action) throw new Error(`the manifest has no action ${uuid}`);
    return action;
  }

  /** an image path from the manifest (no extension) as the app loads it on a high-DPI deck: @2x.png, .png or .svg */
  imageFile(path: string): string {
    const base = join(this.#options.pluginDir, path);
    for (const [file, type] of [
      [`${base}@2x.png`, "image/png"],
      [`${base}.png`, "image/png"],
      [`${base}.svg`, "image/svg+xml"],
    ] as const) {
      if (existsSync(file)) return `data:${type};base64,${readFileSync(file).toString("base64")}`;
    }
    throw new Error(`the manifest names ${path}, and the plugin has no such image`);
  }

  /**
   * what the app shows on a key now: the state's image unless the plugin set one (setImage without an image
   * goes back to it), the plugin's title unless it cleared it (back to the state's own Title), and the
   * manifest's title style
   */
  keyFace(context: string): KeyFace {
    const states = this.#manifestAction(context).States as Message[];
    const state = this.commands("setState", context).at(-1)?.payload?.state ?? 0;
    const style = states[state] ?? states[0] ?? {};
    const image = this.commands("setImage", context).at(-1)?.payload?.image;
    const titles = this.commands("setTitle", context);
    const title = titles.length > 0 ? titles.at(-1)?.payload?.title : undefined;
    return {
      image: image ? String(image) : this.imageFile(String(style.Image)),
      imageFromPlugin: Boolean(image),
      title: title === undefined || title === null ? style.Title : String(title),
      titleAlignment: style.TitleAlignment ?? "bottom",
      fontSize: Number(style.FontSize ?? 12),
      titleColor: style.TitleColor ?? "#FFFFFF",
      showTitle: style.ShowTitle !== false,
    };
  }

  /**
   * what the app shows on a dial's touch strip now: the manifest's layout (or the last setFeedbackLayout), each
   * setFeedback merged in, in order, as the app does (a plain value sets the item's value, an object its fields)
   */
  dialFace(context: string): DialFace {
    const encoder = this.#manifestAction(context).Encoder as Message | undefined;
    const layout = String(this.commands("setFeedbackLayout", context).at(-1)?.payload?.layout ?? encoder?.layout);
    if (!layout.endsWith(".json")) throw new Error(`only layout files are drawn, not the built-in ${layout}`);
    const items = (
      JSON.parse(readFileSync(join(this.#options.pluginDir, layout), "utf8")) as { items: DialItem[] }
    ).items.map((item) => structuredClone(item));
    for (const feedback of this.commands("setFeedback", context)) {
      for (const [key, value] of Object.entries((feedback.payload ?? {}) as Message)) {
        const item = items.find((i) => i.key === key);
        if (!item || value === undefined || value === null) continue;
        if (typeof value === "object") Object.assign(item, value);
        else item.value = value;
      }
    }
    return { layout, items };
  }

  /** waits until check() is true; fails with what it was waiting for and the plugin's output */
  async waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (check()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(wake);
        clearInterval(poll);
        reject(
          new Error(`timed out after ${timeoutMs} ms waiting for ${what}; plugin output: ${this.output || "(none)"}`),
        );
      }, timeoutMs);
      // some conditions depend on things other than frames (e.g. the emulator's log)
      const poll = setInterval(() => wake(), 50);
      const wake = () => {
        if (!check()) return;
        clearTimeout(timer);
        clearInterval(poll);
        this.#waiters.delete(wake);
        resolve();
      };
      this.#waiters.add(wake);
    });
  }

  /** waits for the next command from the plugin matching event (and context) after the given frame count */
  async nextCommand(event: string, context?: string, after = 0, timeoutMs = 10_000): Promise<Message> {
    const find = () =>
      this.frames
        .slice(after)
        .find(
          (f) =>
            f.from === "plugin" &&
            f.message.event === event &&
            (context === undefined || f.message.context === context),
        );
    await this.waitUntil(() => find() !== undefined, timeoutMs, `${event}${context ? ` on ${context}` : ""}`);
    return (find() as Frame).message;
  }

  /** stops the plugin process and the server */
  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      await exited;
    }
    for (const socket of this.#server.clients) socket.terminate();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
