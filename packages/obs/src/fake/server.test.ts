import OBSWebSocketMsgpack from "obs-websocket-js";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { obsAuthString } from "./auth.js";
import { type FakeObs, type FakeObsOptions, startFakeObs } from "./server.js";

type Message = { op: number; d: Record<string, unknown> };

const running: FakeObs[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

async function fake(options: FakeObsOptions = {}) {
  const obs = await startFakeObs(options);
  running.push(obs);
  return obs;
}

/** a bare JSON client that records what the fake sends and how it closes */
async function client(url: string, protocol = "obswebsocket.json") {
  const socket = new WebSocket(url, protocol);
  const inbox: Message[] = [];
  const waiting: ((message: Message) => void)[] = [];
  socket.on("message", (raw) => {
    const message = JSON.parse(raw.toString()) as Message;
    const next = waiting.shift();
    if (next) next(message);
    else inbox.push(message);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  return {
    socket,
    closed,
    next: () =>
      new Promise<Message>((resolve) => (inbox.length > 0 ? resolve(inbox.shift() as Message) : waiting.push(resolve))),
    send: (op: number, d: object) => socket.send(JSON.stringify({ op, d })),
  };
}

async function identified(url: string) {
  const c = await client(url);
  await c.next();
  c.send(1, { rpcVersion: 1 });
  expect(await c.next()).toEqual({ op: 2, d: { negotiatedRpcVersion: 1 } });
  let id = 0;
  const request = async (requestType: string, requestData?: object) => {
    id += 1;
    c.send(6, { requestType, requestId: String(id), requestData });
    const reply = await c.next();
    expect(reply.op).toBe(7);
    expect(reply.d.requestId).toBe(String(id));
    return reply.d as {
      requestStatus: { result: boolean; code: number; comment?: string };
      responseData?: Record<string, unknown>;
    };
  };
  return { ...c, request };
}

describe("the fake OBS handshake", () => {
  it("says Hello with its version and RPC version, and no authentication without a password", async () => {
    const obs = await fake();
    const c = await client(obs.url);

    expect(c.socket.protocol).toBe("obswebsocket.json");
    expect(await c.next()).toEqual({ op: 0, d: { obsWebSocketVersion: "5.5.4", rpcVersion: 1 } });
  });

  it("asks for the SHA-256 challenge when it has a password and accepts the right answer", async () => {
    const obs = await fake({ password: "swordfish" });
    const c = await client(obs.url);
    const hello = await c.next();
    const { challenge, salt } = hello.d.authentication as { challenge: string; salt: string };

    c.send(1, { rpcVersion: 1, authentication: obsAuthString("swordfish", salt, challenge) });

    expect(await c.next()).toEqual({ op: 2, d: { negotiatedRpcVersion: 1 } });
    expect(obs.identifies()).toEqual([{ rpcVersion: 1, authentication: expect.any(String), accepted: true }]);
  });

  it("closes with 4009 on a wrong authentication string", async () => {
    const obs = await fake({ password: "swordfish" });
    const c = await client(obs.url);
    await c.next();

    c.send(1, { rpcVersion: 1, authentication: "bm9wZQ==" });

    expect(await c.closed).toEqual({ code: 4009, reason: "Authentication failed." });
  });

  it("closes with 4009 when authentication is required and missing", async () => {
    const obs = await fake({ password: "swordfish" });
    const c = await client(obs.url);
    await c.next();

    c.send(1, { rpcVersion: 1 });

    expect((await c.closed).code).toBe(4009);
  });

  it("closes with 4010 on an RPC version it does not support", async () => {
    const obs = await fake();
    const c = await client(obs.url);
    await c.next();

    c.send(1, { rpcVersion: 2 });

    expect((await c.closed).code).toBe(4010);
  });

  it("closes with 4007 on a request before Identify", async () => {
    const obs = await fake();
    const c = await client(obs.url);
    await c.next();

    c.send(6, { requestType: "GetVersion", requestId: "1" });

    expect((await c.closed).code).toBe(4007);
  });

  it("speaks MessagePack to a client that asks for it", async () => {
    const obs = await fake({ scenes: ["One", "Two"] });
    const msgpackClient = new OBSWebSocketMsgpack();

    await msgpackClient.connect(obs.url);
    const answer = await msgpackClient.call("GetSceneList");
    await msgpackClient.disconnect();

    expect(answer.scenes.map((scene) => scene.sceneName)).toEqual(["Two", "One"]);
  });

  it("acts like obs-websocket 4 when asked: no subprotocol, no Hello", async () => {
    const obs = await fake({ mode: "v4" });
    const socket = new WebSocket(obs.url);
    await new Promise((resolve) => socket.once("open", resolve));

    expect(socket.protocol).toBe("");
    socket.send(JSON.stringify({ "request-type": "GetVersion", "message-id": "1" }));
    const reply = await new Promise((resolve) => socket.once("message", (raw) => resolve(JSON.parse(raw.toString()))));
    expect(reply).toMatchObject({ "message-id": "1", status: "error" });
    socket.close();
  });
});

describe("the fake OBS requests", () => {
  it("answers with obs-websocket's status codes", async () => {
    const obs = await fake({ scenes: ["Scene"] });
    const c = await identified(obs.url);

    expect((await c.request("NoSuchRequest")).requestStatus).toEqual({
      result: false,
      code: 204,
      comment: "Your request type is not valid.",
    });
    expect((await c.request("GetInputSettings", { inputName: "Nope" })).requestStatus).toMatchObject({
      result: false,
      code: 600,
    });
    expect((await c.request("GetInputSettings", {})).requestStatus).toMatchObject({ code: 300 });
    const create = { sceneName: "Scene", inputName: "Cam", inputKind: "browser_source" };
    expect(await c.request("CreateInput", create)).toMatchObject({
      requestStatus: { result: true, code: 100 },
      responseData: { inputUuid: expect.any(String), sceneItemId: 1 },
    });
    expect((await c.request("CreateInput", create)).requestStatus).toMatchObject({ result: false, code: 601 });
    expect((await c.request("CreateInput", { ...create, inputName: "Scene" })).requestStatus).toMatchObject({
      code: 601,
    });
    expect((await c.request("GetInputSettings", { inputName: "Scene" })).requestStatus).toMatchObject({ code: 602 });
    expect(
      (await c.request("CreateInput", { ...create, sceneName: "Nowhere", inputName: "X" })).requestStatus,
    ).toMatchObject({
      code: 600,
    });
  });

  it("lists scenes bottom first with sceneIndex counting from the bottom, as obs-websocket does", async () => {
    const obs = await fake({ scenes: ["Top", "Middle", "Bottom"], currentScene: "Middle" });
    const c = await identified(obs.url);

    const { responseData } = await c.request("GetSceneList");

    expect(responseData).toMatchObject({
      currentProgramSceneName: "Middle",
      scenes: [
        { sceneIndex: 0, sceneName: "Bottom" },
        { sceneIndex: 1, sceneName: "Middle" },
        { sceneIndex: 2, sceneName: "Top" },
      ],
    });
    expect((await c.request("GetCurrentProgramScene")).responseData).toMatchObject({ sceneName: "Middle" });
  });

  it("keeps inputs, their settings and scene items, and logs each request", async () => {
    const obs = await fake({ scenes: ["A", "B"] });
    const c = await identified(obs.url);

    await c.request("CreateInput", {
      sceneName: "A",
      inputName: "HR",
      inputKind: "browser_source",
      inputSettings: { url: "u1" },
    });
    await c.request("SetInputSettings", { inputName: "HR", inputSettings: { width: 10 } });
    await c.request("CreateSceneItem", { sceneName: "B", sourceName: "HR" });
    const list = await c.request("GetInputList", { inputKind: "browser_source" });
    const items = await c.request("GetSceneItemList", { sceneName: "B" });

    expect(obs.inputs()).toEqual([
      {
        inputName: "HR",
        inputUuid: expect.any(String),
        inputKind: "browser_source",
        inputSettings: { url: "u1", width: 10 },
      },
    ]);
    expect(obs.scenes()).toEqual([
      { sceneName: "A", sources: ["HR"] },
      { sceneName: "B", sources: ["HR"] },
    ]);
    expect(list.responseData?.inputs).toEqual([
      expect.objectContaining({ inputName: "HR", inputKind: "browser_source" }),
    ]);
    expect(items.responseData?.sceneItems).toEqual([expect.objectContaining({ sourceName: "HR", sceneItemId: 2 })]);
    expect(obs.requests().map((request) => request.requestType)).toEqual([
      "CreateInput",
      "SetInputSettings",
      "CreateSceneItem",
      "GetInputList",
      "GetSceneItemList",
    ]);
  });

  it("reports its version and the requests it knows, without the ones it pretends not to", async () => {
    const obs = await fake({ unsupportedRequests: ["CreateSceneItem"] });
    const c = await identified(obs.url);

    const { responseData } = await c.request("GetVersion");

    expect(responseData).toMatchObject({ obsWebSocketVersion: "5.5.4", rpcVersion: 1 });
    expect(responseData?.availableRequests).toContain("CreateInput");
    expect(responseData?.availableRequests).not.toContain("CreateSceneItem");
  });

  it("fails the next request of a type once, then answers normally", async () => {
    const obs = await fake();
    const c = await identified(obs.url);
    obs.failNext("GetSceneList", { code: 207, comment: "OBS is not ready to perform the request." });

    expect((await c.request("GetSceneList")).requestStatus).toEqual({
      result: false,
      code: 207,
      comment: "OBS is not ready to perform the request.",
    });
    expect((await c.request("GetSceneList")).requestStatus).toEqual({ result: true, code: 100 });
  });

  it("closes the socket instead of answering the next request of a type", async () => {
    const obs = await fake();
    const c = await identified(obs.url);
    obs.closeOnNext("GetSceneList", { code: 1001, reason: "bye" });

    c.send(6, { requestType: "GetSceneList", requestId: "x" });

    expect(await c.closed).toEqual({ code: 1001, reason: "bye" });
    expect(obs.requests()).toEqual([{ requestType: "GetSceneList", requestData: undefined }]);
  });

  it("answers a request batch in order", async () => {
    const obs = await fake();
    const c = await identified(obs.url);

    c.send(8, { requestId: "b", requests: [{ requestType: "GetCurrentProgramScene" }, { requestType: "Nope" }] });
    const reply = await c.next();

    expect(reply.op).toBe(9);
    expect(reply.d).toMatchObject({
      requestId: "b",
      results: [{ requestStatus: { code: 100 } }, { requestStatus: { code: 204 } }],
    });
  });
});
