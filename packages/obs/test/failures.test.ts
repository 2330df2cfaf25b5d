import { describe, expect, it } from "vitest";
import { closedObsAddress } from "../src/fake/index.js";
import { addWidgetToObs, listObsScenes, ObsError } from "../src/index.js";
import { connectionsClosed, fakeObs, rejection, widget } from "./fixtures.js";

const PASSWORD = "canary-Zq8#pulse-obs-secret";

async function obsError(promise: Promise<unknown>): Promise<ObsError> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(ObsError);
  return error as ObsError;
}

describe("the password", () => {
  it("connects with the right password", async () => {
    const obs = await fakeObs({ password: PASSWORD });

    const result = await addWidgetToObs({ url: obs.url, password: PASSWORD, widget });

    expect(result.action).toBe("created");
    expect(obs.identifies()).toEqual([{ rpcVersion: 1, authentication: expect.any(String), accepted: true }]);
  });

  it("says the password was refused, where to find it and where PulseKit takes it", async () => {
    const obs = await fakeObs({ password: PASSWORD });

    const error = await obsError(
      addWidgetToObs({
        url: obs.url,
        password: "not-it",
        passwordSource: "the OBS_WEBSOCKET_PASSWORD environment variable",
        widget,
      }),
    );

    expect(error.kind).toBe("auth_failed");
    expect(error.code).toBe(4009);
    expect(error.message).toBe(
      `OBS at ${obs.url} refused the password. Copy the server password from OBS (Tools > WebSocket Server Settings > Show Connect Info) into the OBS_WEBSOCKET_PASSWORD environment variable, then try again.`,
    );
    expect(obs.requests()).toEqual([]);
    expect(await connectionsClosed(obs)).toBe(0);
  });

  it("says a password is needed when OBS asks for one and none was given", async () => {
    const obs = await fakeObs({ password: PASSWORD });

    const error = await obsError(addWidgetToObs({ url: obs.url, widget }));

    expect(error.kind).toBe("auth_failed");
    expect(error.message).toBe(
      `OBS at ${obs.url} asks for a password and none was given. Copy the server password from OBS (Tools > WebSocket Server Settings > Show Connect Info) into PulseKit's OBS password setting, then try again.`,
    );
  });

  it("treats an empty password as none", async () => {
    const obs = await fakeObs({ password: PASSWORD });

    const error = await obsError(addWidgetToObs({ url: obs.url, password: "", widget }));

    expect(error.message).toContain("asks for a password and none was given");
  });

  it("connects to an OBS without a password even when one is given", async () => {
    const obs = await fakeObs();

    expect((await addWidgetToObs({ url: obs.url, password: PASSWORD, widget })).action).toBe("created");
  });
});

describe("reaching OBS", () => {
  it("says to start OBS and turn on its WebSocket server when nothing listens, within the deadline", async () => {
    const url = await closedObsAddress();
    const started = Date.now();

    const error = await obsError(addWidgetToObs({ url, widget, deadlineMs: 2000 }));

    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.kind).toBe("unreachable");
    expect(error.address).toBe(url);
    expect(error.message).toBe(
      `Could not reach OBS at ${url}. Start OBS and turn on Tools > WebSocket Server Settings (Enable WebSocket server); if Show Connect Info there shows another address, use that one.`,
    );
  });

  it("refuses an address that is not a WebSocket address, without dialling", async () => {
    const error = await obsError(addWidgetToObs({ url: "http://127.0.0.1:4455", widget }));

    expect(error.kind).toBe("failed");
    expect(error.message).toBe(
      '"http://127.0.0.1:4455" is not an OBS WebSocket address. Use the one Tools > WebSocket Server Settings > Show Connect Info shows, such as ws://127.0.0.1:4455.',
    );
  });

  it("never shows credentials written into the address", async () => {
    const obs = await fakeObs({ password: "other" });
    const url = obs.url.replace("ws://", `ws://user:${encodeURIComponent(PASSWORD)}@`);

    const error = await obsError(addWidgetToObs({ url, widget }));

    expect(error.address).toBe(obs.url);
    expect(error.message).not.toContain("user");
  });
});

describe("OBS closing the connection", () => {
  it("says the widget itself was created and gives its URL when OBS closes in the middle of a request", async () => {
    const obs = await fakeObs();
    obs.closeOnNext("CreateInput");

    const error = await obsError(addWidgetToObs({ url: obs.url, widget, deadlineMs: 5000 }));

    expect(error.kind).toBe("disconnected");
    expect(error.message).toBe(
      `OBS at ${obs.url} closed the connection before it answered. The widget "Heart Rate" itself was created and works: to place it by hand, add a Browser source in OBS with the URL ${widget.url}. Check that OBS is still running, then try again.`,
    );
    expect(obs.requests().map((request) => request.requestType)).toEqual([
      "GetCurrentProgramScene",
      "GetInputSettings",
      "CreateInput",
    ]);
  });

  it("ends quickly, not at the deadline, when OBS closes during an update", async () => {
    const obs = await fakeObs({ inputs: [{ inputName: "Heart Rate", scenes: ["Scene"] }] });
    obs.closeOnNext("SetInputSettings", { code: 1011 });
    const started = Date.now();

    const error = await obsError(addWidgetToObs({ url: obs.url, widget, deadlineMs: 5000 }));

    expect(error.kind).toBe("disconnected");
    expect(error.code).toBe(1011);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("an OBS too old for this", () => {
  it("says OBS 28 or newer is needed when OBS speaks obs-websocket 4", async () => {
    const obs = await fakeObs({ mode: "v4" });

    const error = await obsError(addWidgetToObs({ url: obs.url, widget }));

    expect(error.kind).toBe("too_old");
    expect(error.message).toBe(
      `OBS at ${obs.url} speaks the old WebSocket protocol of obs-websocket 4. Adding to OBS needs OBS 28 or newer, which has obs-websocket 5 built in: update OBS, then turn on Tools > WebSocket Server Settings (Enable WebSocket server).`,
    );
  });

  it("says OBS 28 or newer is needed when OBS does not know a request", async () => {
    const obs = await fakeObs({ unsupportedRequests: ["CreateInput"] });

    const error = await obsError(addWidgetToObs({ url: obs.url, widget }));

    expect(error.kind).toBe("too_old");
    expect(error.code).toBe(204);
    expect(error.message).toBe(
      `OBS at ${obs.url} does not know the request CreateInput. Adding to OBS needs OBS 28 or newer, which has obs-websocket 5 built in: update OBS, then try again.`,
    );
  });

  it("says so when OBS refuses the RPC version", async () => {
    const obs = await fakeObs({ rpcVersion: 2 });

    const error = await obsError(listObsScenes({ url: obs.url }));

    expect(error.kind).toBe("too_old");
    expect(error.code).toBe(4010);
    expect(error.message).toContain("does not speak the WebSocket protocol version PulseKit uses");
  });
});

describe("the deadline", () => {
  it("gives up with a timeout when OBS never answers a request", async () => {
    const obs = await fakeObs({ delayMs: Number.POSITIVE_INFINITY });
    const started = Date.now();

    const error = await obsError(addWidgetToObs({ url: obs.url, widget, deadlineMs: 300 }));

    const elapsed = Date.now() - started;
    expect(error.kind).toBe("timeout");
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1000);
    expect(error.message).toBe(
      `OBS at ${obs.url} did not answer within 300 ms. The widget "Heart Rate" itself was created and works: to place it by hand, add a Browser source in OBS with the URL ${widget.url}. Check that OBS is running and not waiting on a dialog, then try again.`,
    );
    expect(await connectionsClosed(obs)).toBe(0);
  });

  it("counts connecting against the same deadline", async () => {
    const obs = await fakeObs({ helloDelayMs: Number.POSITIVE_INFINITY });
    const started = Date.now();

    const error = await obsError(listObsScenes({ url: obs.url, deadlineMs: 250 }));

    expect(error.kind).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.message).toBe(
      `OBS at ${obs.url} did not answer within 250 ms. Check that OBS is running and not waiting on a dialog, then try again.`,
    );
    expect(await connectionsClosed(obs)).toBe(0);
  });

  it("bounds all requests together, not each one", async () => {
    const obs = await fakeObs({ delayMs: 120 });

    const error = await obsError(addWidgetToObs({ url: obs.url, widget, deadlineMs: 300 }));

    expect(error.kind).toBe("timeout");
    expect(obs.requests().length).toBeLessThan(4);
  });

  it("stops when the caller cancels, with the signal's reason", async () => {
    const obs = await fakeObs({ delayMs: Number.POSITIVE_INFINITY });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);

    const error = await rejection(addWidgetToObs({ url: obs.url, widget, signal: controller.signal }));

    expect(error).toBe(controller.signal.reason);
    expect((error as Error).name).toBe("AbortError");
    expect(await connectionsClosed(obs)).toBe(0);
  });

  it("does not dial when the signal is already aborted", async () => {
    const obs = await fakeObs();

    await rejection(addWidgetToObs({ url: obs.url, widget, signal: AbortSignal.abort() }));

    expect(obs.identifies()).toEqual([]);
  });
});

describe("the password canary", () => {
  it("appears in no error message, cause or log, whatever goes wrong", async () => {
    const seen: unknown[] = [];
    const collect = async (promise: Promise<unknown>) => seen.push(await rejection(promise));
    const withPassword = { password: PASSWORD, widget, deadlineMs: 300 };

    const locked = await fakeObs({ password: "something-else" });
    await collect(addWidgetToObs({ url: locked.url, ...withPassword }));
    await collect(addWidgetToObs({ url: await closedObsAddress(), ...withPassword }));
    const open = await fakeObs({ password: PASSWORD, scenes: ["A", "B"] });
    await collect(addWidgetToObs({ url: open.url, ...withPassword, scene: "C" }));
    open.closeOnNext("CreateInput");
    await collect(addWidgetToObs({ url: open.url, ...withPassword }));
    open.failNext("GetInputSettings", { code: 205, comment: "no" });
    await collect(addWidgetToObs({ url: open.url, ...withPassword }));
    await collect(addWidgetToObs({ url: (await fakeObs({ mode: "v4" })).url, ...withPassword }));
    await collect(addWidgetToObs({ url: (await fakeObs({ password: PASSWORD, rpcVersion: 2 })).url, ...withPassword }));
    await collect(
      addWidgetToObs({
        url: (await fakeObs({ password: PASSWORD, delayMs: Number.POSITIVE_INFINITY })).url,
        ...withPassword,
      }),
    );
    await collect(
      listObsScenes({
        url: (await fakeObs({ password: PASSWORD, unsupportedRequests: ["GetSceneList"] })).url,
        password: PASSWORD,
      }),
    );

    expect(seen.map((error) => (error as ObsError).kind)).toEqual([
      "auth_failed",
      "unreachable",
      "unknown_scene",
      "disconnected",
      "failed",
      "too_old",
      "too_old",
      "timeout",
      "too_old",
    ]);
    for (const error of seen) {
      const cause = (error as Error).cause;
      const text = [
        String(error),
        (error as Error).stack,
        JSON.stringify(error),
        String(cause),
        JSON.stringify(cause),
      ].join("\n");
      expect(text).not.toContain(PASSWORD);
    }
    // the fake keeps the client's hash, never the password
    expect(JSON.stringify([locked.identifies(), open.identifies(), open.requests()])).not.toContain(PASSWORD);
  });
});
