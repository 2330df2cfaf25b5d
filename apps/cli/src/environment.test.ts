import { OBS_ENV } from "@pulsekit/obs";
import { describe, expect, it } from "vitest";
import { canOpenBrowser } from "./browser.js";
import { CliError } from "./cli-error.js";
import { checkedObsUrl, checkedUrl, configDirFor, OBS_VARIABLES, readEnvironment } from "./environment.js";

describe("configDirFor", () => {
  it("uses XDG_CONFIG_HOME when it is an absolute path", () => {
    expect(configDirFor({ XDG_CONFIG_HOME: "/x/config", HOME: "/home/a" })).toBe("/x/config/pulsekit");
  });
  it("falls back to ~/.config when XDG_CONFIG_HOME is unset, empty or relative", () => {
    expect(configDirFor({ HOME: "/home/a" })).toBe("/home/a/.config/pulsekit");
    expect(configDirFor({ XDG_CONFIG_HOME: "", HOME: "/home/a" })).toBe("/home/a/.config/pulsekit");
    expect(configDirFor({ XDG_CONFIG_HOME: "relative/dir", HOME: "/home/a" })).toBe("/home/a/.config/pulsekit");
  });
});

describe("readEnvironment", () => {
  it("trims the token and treats a blank one as unset", () => {
    expect(readEnvironment({ PULSOID_TOKEN: "  abc \n", HOME: "/h" }).token).toBe("abc");
    expect(readEnvironment({ PULSOID_TOKEN: " ", HOME: "/h" }).token).toBeUndefined();
  });
  it("turns colour off for any non-empty NO_COLOR", () => {
    expect(readEnvironment({ NO_COLOR: "1" }).noColor).toBe(true);
    expect(readEnvironment({ NO_COLOR: "" }).noColor).toBe(false);
    expect(readEnvironment({}).noColor).toBe(false);
  });
});

describe("OBS settings", () => {
  it("reads the variables @pulsekit/obs names", () => {
    expect(OBS_VARIABLES).toEqual(OBS_ENV);
  });
  it("keeps the password exactly as given and treats a blank one as unset", () => {
    expect(readEnvironment({ OBS_WEBSOCKET_PASSWORD: " pass word " }).obsPassword).toBe(" pass word ");
    expect(readEnvironment({ OBS_WEBSOCKET_PASSWORD: "  " }).obsPassword).toBeUndefined();
    expect(readEnvironment({ OBS_WEBSOCKET_URL: " ws://h:1 " }).obsUrl).toBe("ws://h:1");
  });
  it("takes ws:// and wss:// addresses and refuses the rest with exit 2, naming the variable", () => {
    expect(checkedObsUrl(undefined)).toBeUndefined();
    expect(checkedObsUrl("wss://obs.example:4455")).toBe("wss://obs.example:4455");
    for (const value of ["127.0.0.1:4455", "http://127.0.0.1:4455", "not a url"]) {
      expect(() => checkedObsUrl(value)).toThrow(expect.objectContaining({ exitCode: 2, field: "OBS_WEBSOCKET_URL" }));
    }
  });
});

describe("canOpenBrowser", () => {
  it("never opens one for a non-interactive run, on CI, or with BROWSER=none", () => {
    expect(canOpenBrowser({ DISPLAY: ":0" }, false)).toBe(false);
    expect(canOpenBrowser({ DISPLAY: ":0", CI: "true" }, true)).toBe(false);
    expect(canOpenBrowser({ DISPLAY: ":0", BROWSER: "none" }, true)).toBe(false);
  });
  it.runIf(process.platform === "linux")("needs a display on Linux", () => {
    expect(canOpenBrowser({}, true)).toBe(false);
    expect(canOpenBrowser({ WAYLAND_DISPLAY: "wayland-0" }, true)).toBe(true);
  });
});

describe("checkedUrl", () => {
  it("accepts http and https URLs", () => {
    expect(checkedUrl("PULSOID_API_URL", "http://127.0.0.1:8080")).toBe("http://127.0.0.1:8080");
    expect(checkedUrl("PULSOID_API_URL", "https://dev.pulsoid.net")).toBe("https://dev.pulsoid.net");
  });
  it.each(["localhost:8080", "dev.pulsoid.net", "ftp://x"])("refuses %s, naming the variable (exit 2)", (value) => {
    let caught: unknown;
    try {
      checkedUrl("PULSOID_API_URL", value);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CliError);
    expect((caught as CliError).exitCode).toBe(2);
    expect((caught as CliError).message).toContain("PULSOID_API_URL");
  });
});
