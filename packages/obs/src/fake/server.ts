import type { AddressInfo } from "node:net";
import { decode, encode } from "@msgpack/msgpack";
import { type RawData, type WebSocket, WebSocketServer } from "ws";
import { CloseCode, OpCode, RequestStatus, RPC_VERSION, SUBPROTOCOL_JSON, SUBPROTOCOL_MSGPACK } from "../protocol.js";
import { obsAuthString, randomBase64 } from "./auth.js";
import { type FakeInput, type FakeInputSeed, FakeObsState, type RequestOutcome } from "./state.js";

/** how the fake OBS behaves */
export interface FakeObsOptions {
  /** the WebSocket server password; none means no authentication */
  password?: string;
  /** scene names, top of OBS's Scenes dock first; default ["Scene"] */
  scenes?: string[];
  /** the current program scene; default the first scene */
  currentScene?: string;
  /** inputs that exist from the start */
  inputs?: FakeInputSeed[];
  /** wait before each answer; Infinity never answers */
  delayMs?: number;
  /** wait before Hello; Infinity never says hello */
  helloDelayMs?: number;
  /** "v4" acts like obs-websocket 4 (OBS 27 and older): no subprotocol, no Hello, another message format */
  mode?: "v5" | "v4";
  /** the only RPC version Identify may ask for; default 1. Anything else closes with 4010 */
  rpcVersion?: number;
  /** answered with 204 UnknownRequestType, as by an obs-websocket that predates them */
  unsupportedRequests?: string[];
  /** called as each request arrives, before it is answered */
  onRequest?: (request: FakeRequest) => void;
  /** default "5.5.4" */
  obsWebSocketVersion?: string;
  host?: string;
  /** default 0: any free port */
  port?: number;
}

/** a request the fake received */
export interface FakeRequest {
  requestType: string;
  requestData: Record<string, unknown> | undefined;
}

/** an Identify the fake received */
export interface FakeIdentify {
  rpcVersion: unknown;
  /** the hash the client sent, never the password */
  authentication: unknown;
  accepted: boolean;
}

/** a scene as the fake shows it */
export interface FakeSceneView {
  sceneName: string;
  /** source names, bottom first as OBS stores them */
  sources: string[];
}

/** a running fake OBS */
export interface FakeObs {
  url: string;
  port: number;
  /** requests received, in order */
  requests(): FakeRequest[];
  /** Identify messages received, in order */
  identifies(): FakeIdentify[];
  inputs(): FakeInput[];
  scenes(): FakeSceneView[];
  currentScene(): string;
  setCurrentScene(name: string): void;
  setDelay(ms: number): void;
  /** the next request of this type is refused with this status */
  failNext(requestType: string, status?: { code?: number; comment?: string }): void;
  /** the next request of this type closes the socket instead of being answered */
  closeOnNext(requestType: string, close?: { code?: number; reason?: string }): void;
  /** connections open now */
  connections(): number;
  close(): Promise<void>;
}

type Message = { op: number; d: Record<string, unknown> };
type Fault = { fail?: { code: number; comment: string }; close?: { code: number; reason: string } };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** starts a WebSocket server that speaks the obs-websocket 5 protocol over JSON and MessagePack */
export async function startFakeObs(options: FakeObsOptions = {}): Promise<FakeObs> {
  const mode = options.mode ?? "v5";
  const acceptedRpcVersion = options.rpcVersion ?? RPC_VERSION;
  const obsWebSocketVersion = options.obsWebSocketVersion ?? (mode === "v4" ? "4.9.1" : "5.5.4");
  const state = new FakeObsState(options.scenes ?? ["Scene"], options.currentScene, options.inputs ?? [], {
    obsVersion: mode === "v4" ? "27.2.4" : "31.0.0",
    obsWebSocketVersion,
    rpcVersion: acceptedRpcVersion,
    unsupportedRequests: options.unsupportedRequests ?? [],
  });
  let delayMs = options.delayMs ?? 0;
  const requestLog: FakeRequest[] = [];
  const identifyLog: FakeIdentify[] = [];
  const faults = new Map<string, Fault[]>();
  const sockets = new Set<WebSocket>();

  const server = new WebSocketServer({
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    // obs-websocket 5 picks the first of the client's subprotocols it knows; obs-websocket 4 names none
    handleProtocols: (offered) => {
      if (mode === "v4") return false;
      for (const protocol of offered) {
        if (protocol === SUBPROTOCOL_JSON || protocol === SUBPROTOCOL_MSGPACK) return protocol;
      }
      return false;
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });

  const takeFault = (requestType: string): Fault | undefined => faults.get(requestType)?.shift();

  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    if (mode === "v4") {
      socket.on("message", (raw) => answerV4(socket, raw));
      return;
    }
    const msgpack = socket.protocol === SUBPROTOCOL_MSGPACK;
    const send = (message: Message) => {
      if (socket.readyState !== socket.OPEN) return;
      socket.send(msgpack ? encode(message) : JSON.stringify(message));
    };
    const salt = randomBase64();
    const challenge = randomBase64();
    let identified = false;

    const answer = async (request: Record<string, unknown>): Promise<Record<string, unknown> | undefined> => {
      const requestType = typeof request.requestType === "string" ? request.requestType : "";
      const requestData = isRecord(request.requestData) ? request.requestData : undefined;
      const logged = { requestType, requestData: requestData && structuredClone(requestData) };
      requestLog.push(logged);
      options.onRequest?.(logged);
      const fault = takeFault(requestType);
      if (fault?.close) {
        socket.close(fault.close.code, fault.close.reason);
        return undefined;
      }
      if (!Number.isFinite(delayMs)) return undefined;
      if (delayMs > 0) await sleep(delayMs);
      let outcome: RequestOutcome;
      if (!requestType)
        outcome = { code: RequestStatus.MissingRequestType, comment: "Your request is missing a `requestType`" };
      else if (fault?.fail) outcome = fault.fail;
      else outcome = state.handle(requestType, requestData);
      return {
        requestType,
        requestId: request.requestId,
        requestStatus: {
          result: outcome.code === RequestStatus.Success,
          code: outcome.code,
          ...(outcome.comment === undefined ? {} : { comment: outcome.comment }),
        },
        ...(outcome.data === undefined ? {} : { responseData: outcome.data }),
      };
    };

    socket.on("message", async (raw, isBinary) => {
      let message: Message;
      try {
        const decoded = msgpack ? decode(toBuffer(raw)) : JSON.parse(toBuffer(raw).toString("utf8"));
        if (!isRecord(decoded) || typeof decoded.op !== "number" || !isRecord(decoded.d)) throw new Error("shape");
        if (msgpack !== isBinary) throw new Error("frame type");
        message = decoded as Message;
      } catch {
        socket.close(CloseCode.MessageDecodeError, "Unable to decode the message.");
        return;
      }
      const { op, d } = message;
      if (op === OpCode.Identify) {
        if (identified)
          return socket.close(CloseCode.AlreadyIdentified, "You are already Identified with the obs-websocket server.");
        const accepted = checkIdentify(d);
        identifyLog.push({
          rpcVersion: d.rpcVersion,
          authentication: d.authentication,
          accepted: accepted === undefined,
        });
        if (accepted) return socket.close(accepted.code, accepted.reason);
        identified = true;
        send({ op: OpCode.Identified, d: { negotiatedRpcVersion: acceptedRpcVersion } });
        return;
      }
      if (!identified) return socket.close(CloseCode.NotIdentified, "You must send an `Identify` message first.");
      if (op === OpCode.Request) {
        const response = await answer(d);
        if (response) send({ op: OpCode.RequestResponse, d: response });
        return;
      }
      if (op === OpCode.RequestBatch) {
        const results: Record<string, unknown>[] = [];
        for (const request of Array.isArray(d.requests) ? d.requests : []) {
          const response = await answer(isRecord(request) ? request : {});
          if (!response) return;
          results.push(response);
        }
        send({ op: OpCode.RequestBatchResponse, d: { requestId: d.requestId, results } });
        return;
      }
      if (op === OpCode.Reidentify) {
        send({ op: OpCode.Identified, d: { negotiatedRpcVersion: acceptedRpcVersion } });
        return;
      }
      socket.close(CloseCode.UnknownOpCode, `Unknown OpCode: ${op}`);
    });

    /** undefined when the Identify is fine, else how to close */
    const checkIdentify = (d: Record<string, unknown>): { code: number; reason: string } | undefined => {
      if (typeof d.rpcVersion !== "number") {
        return { code: CloseCode.MissingDataField, reason: "Your payload's data is missing an `rpcVersion`." };
      }
      if (d.rpcVersion !== acceptedRpcVersion) {
        return {
          code: CloseCode.UnsupportedRpcVersion,
          reason: "Your requested RPC version is not supported by this server.",
        };
      }
      if (options.password === undefined) return undefined;
      if (typeof d.authentication !== "string") {
        return {
          code: CloseCode.AuthenticationFailed,
          reason: "Your payload's data is missing an `authentication` string, however authentication is required.",
        };
      }
      if (d.authentication !== obsAuthString(options.password, salt, challenge)) {
        return { code: CloseCode.AuthenticationFailed, reason: "Authentication failed." };
      }
      return undefined;
    };

    const hello = {
      op: OpCode.Hello,
      d: {
        obsWebSocketVersion,
        rpcVersion: acceptedRpcVersion,
        ...(options.password === undefined ? {} : { authentication: { challenge, salt } }),
      },
    };
    const helloDelay = options.helloDelayMs ?? 0;
    if (!Number.isFinite(helloDelay)) return;
    if (helloDelay > 0) setTimeout(() => send(hello), helloDelay);
    else send(hello);
  });

  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? "127.0.0.1";
  const addFault = (requestType: string, fault: Fault) => {
    faults.set(requestType, [...(faults.get(requestType) ?? []), fault]);
  };

  return {
    url: `ws://${host}:${port}`,
    port,
    requests: () => structuredClone(requestLog),
    identifies: () => structuredClone(identifyLog),
    inputs: () => structuredClone(state.inputs),
    scenes: () =>
      state.scenes.map((scene) => ({
        sceneName: scene.sceneName,
        sources: scene.items.map((item) => item.sourceName),
      })),
    currentScene: () => state.currentScene,
    setCurrentScene: (name) => {
      state.currentScene = name;
    },
    setDelay: (ms) => {
      delayMs = ms;
    },
    failNext: (requestType, status = {}) =>
      addFault(requestType, {
        fail: {
          code: status.code ?? RequestStatus.RequestProcessingFailed,
          comment: status.comment ?? "Something went wrong in OBS.",
        },
      }),
    closeOnNext: (requestType, close = {}) =>
      addFault(requestType, { close: { code: close.code ?? 1001, reason: close.reason ?? "OBS is shutting down." } }),
    connections: () => sockets.size,
    close: async () => {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** obs-websocket 4 answers every message with its own format and never says hello */
function answerV4(socket: WebSocket, raw: RawData): void {
  let messageId: unknown;
  try {
    const message = JSON.parse(toBuffer(raw).toString("utf8"));
    messageId = isRecord(message) ? message["message-id"] : undefined;
  } catch {
    // obs-websocket 4 ignores what it cannot parse
    return;
  }
  socket.send(JSON.stringify({ "message-id": messageId, status: "error", error: "invalid request type" }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toBuffer(raw: RawData): Buffer {
  if (Buffer.isBuffer(raw)) return raw;
  if (Array.isArray(raw)) return Buffer.concat(raw);
  return Buffer.from(raw);
}
