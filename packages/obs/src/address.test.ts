import { describe, expect, it } from "vitest";
import { readObsAddress } from "./address.js";

describe("readObsAddress", () => {
  it("uses OBS's default address when none is given", () => {
    expect(readObsAddress(undefined)).toEqual({ url: "ws://127.0.0.1:4455", shown: "ws://127.0.0.1:4455" });
    expect(readObsAddress("  ")).toEqual({ url: "ws://127.0.0.1:4455", shown: "ws://127.0.0.1:4455" });
  });

  it("accepts ws and wss addresses as given", () => {
    expect(readObsAddress("ws://192.168.1.20:4455")).toEqual({
      url: "ws://192.168.1.20:4455",
      shown: "ws://192.168.1.20:4455",
    });
    expect(readObsAddress("wss://obs.example/ws")).toEqual({
      url: "wss://obs.example/ws",
      shown: "wss://obs.example/ws",
    });
  });

  it("shows an address without the user name and password written into it", () => {
    expect(readObsAddress("ws://me:hunter2@127.0.0.1:4455")).toEqual({
      url: "ws://me:hunter2@127.0.0.1:4455",
      shown: "ws://127.0.0.1:4455",
    });
  });

  it("refuses what is not a WebSocket address, without credentials", () => {
    expect(readObsAddress("http://127.0.0.1:4455")).toEqual({ invalid: "http://127.0.0.1:4455" });
    expect(readObsAddress("127.0.0.1:4455")).toEqual({ invalid: "127.0.0.1:4455" });
    expect(readObsAddress("ws://me:hunter2@[bad")).toEqual({ invalid: "ws://[bad" });
  });
});
