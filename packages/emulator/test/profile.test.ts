import { describe, expect, it } from "vitest";
import { emulatorHooks } from "../src/index.js";
import { apiCall, hook, useEmulator } from "./fixtures.js";

describe("GET /api/v1/profile", () => {
  const emulator = useEmulator();

  it("answers the documented fields with profile:read", async () => {
    const token = emulator.current.seedToken({ scopes: ["profile:read"] });
    const response = await apiCall(emulator.current, "/api/v1/profile", token);
    expect(response.status).toBe(200);
    expect(Object.keys(await response.json()).sort()).toEqual(["channel", "heart_rate", "mobile_login", "username"]);
  });

  it("answers what the profile hook set, such as the `login` reading of the docs", async () => {
    const token = emulator.current.seedToken({ scopes: ["profile:read"] });
    await hook(emulator.current, "POST", "/profile", { login: "streamer", channel: "streamer" });
    expect(await (await apiCall(emulator.current, "/api/v1/profile", token)).json()).toEqual({
      login: "streamer",
      channel: "streamer",
    });
  });

  it("needs profile:read", async () => {
    const token = emulator.current.seedToken({ scopes: ["widgets:read"] });
    const response = await apiCall(emulator.current, "/api/v1/profile", token);
    expect(response.status).toBe(400);
    expect((await response.json()).error_code).toBe(7011);
  });
});

describe("GET /api/v1/data/heart_rate/latest", () => {
  const emulator = useEmulator();

  it("answers 412 while there is no reading", async () => {
    const token = emulator.current.seedToken({ scopes: ["data:heart_rate:read"] });
    const response = await apiCall(emulator.current, "/api/v1/data/heart_rate/latest", token);
    expect(response.status).toBe(412);
    expect(await response.json()).toEqual({ error_code: 4120, error_message: "no_heart_rate_data_yet" });
  });

  it("answers the seeded reading, as JSON or as a bare number", async () => {
    const token = emulator.current.seedToken({ scopes: ["data:heart_rate:read"] });
    await emulatorHooks(emulator.current.url).setHeartRate(87, 1_700_000_000_000);
    const json = await apiCall(emulator.current, "/api/v1/data/heart_rate/latest", token);
    expect(await json.json()).toEqual({ measured_at: 1_700_000_000_000, data: { heart_rate: 87 } });
    const text = await apiCall(
      emulator.current,
      "/api/v1/data/heart_rate/latest?response_mode=text_plain_only_heart_rate",
      token,
    );
    expect(text.headers.get("content-type")).toContain("text/plain");
    expect(await text.text()).toBe("87");
  });

  it("forgets the reading when set to null", async () => {
    const token = emulator.current.seedToken({ scopes: ["data:heart_rate:read"] });
    emulator.current.setHeartRate(60);
    emulator.current.setHeartRate(null);
    expect((await apiCall(emulator.current, "/api/v1/data/heart_rate/latest", token)).status).toBe(412);
  });

  it("refuses a heart rate that is not a whole number", async () => {
    const response = await hook(emulator.current, "POST", "/heart_rate", { heartRate: "fast" });
    expect(response.status).toBe(400);
  });

  it("needs data:heart_rate:read", async () => {
    const token = emulator.current.seedToken({ scopes: ["profile:read"] });
    emulator.current.setHeartRate(70);
    expect((await apiCall(emulator.current, "/api/v1/data/heart_rate/latest", token)).status).toBe(400);
  });
});
