import { describe, expect, it } from "vitest";
import { HostNotices, hostNotice, isPulsoidHost } from "./host-notice";

function recordingUi(answer?: string) {
  const shown: { severity: string; message: string; actions: string[] }[] = [];
  return {
    shown,
    showMessage: async (severity: string, message: string, ...actions: string[]) => {
      shown.push({ severity, message, actions });
      return answer;
    },
  };
}

describe("host notices", () => {
  it("says nothing for Pulsoid's own hosts", () => {
    expect(isPulsoidHost("apiBaseUrl", "https://dev.pulsoid.net")).toBe(true);
    expect(isPulsoidHost("apiBaseUrl", "https://dev.pulsoid.net/")).toBe(true);
    expect(isPulsoidHost("oauthBaseUrl", "https://pulsoid.net")).toBe(true);
    expect(hostNotice("apiBaseUrl", "https://dev.pulsoid.net")).toBeUndefined();
  });

  it("treats look-alikes, plain http and other paths as not Pulsoid", () => {
    for (const url of [
      "http://dev.pulsoid.net",
      "https://dev.pulsoid.net.example.com",
      "https://dev.pulsoid.net:8443",
      "https://dev.pulsoid.net/proxy",
      "https://pulsoid.net",
      "not a url",
    ]) {
      expect(isPulsoidHost("apiBaseUrl", url), url).toBe(false);
    }
  });

  it("names the address and the setting in plain words", () => {
    expect(hostNotice("apiBaseUrl", "http://127.0.0.1:1234")).toBe(
      "PulseKit is sending your Pulsoid token to http://127.0.0.1:1234 instead of Pulsoid (setting pulsekit.apiBaseUrl). Change it back if you did not mean to.",
    );
    expect(hostNotice("oauthBaseUrl", "http://127.0.0.1:1234")).toMatch(
      /through http:\/\/127\.0\.0\.1:1234 instead of Pulsoid \(setting pulsekit\.oauthBaseUrl\)/,
    );
  });

  it("warns once per setting and address, and again for a new address", () => {
    const notices = new HostNotices(() => undefined);
    const ui = recordingUi();
    notices.check(ui, "apiBaseUrl", "http://127.0.0.1:1234");
    notices.check(ui, "apiBaseUrl", "http://127.0.0.1:1234");
    notices.check(ui, "apiBaseUrl", "https://dev.pulsoid.net");
    notices.check(ui, "apiBaseUrl", "http://127.0.0.1:5678");
    notices.check(ui, "oauthBaseUrl", "http://127.0.0.1:1234");
    expect(ui.shown.map((m) => [m.severity, m.message.split(" instead")[0]])).toEqual([
      ["warning", "PulseKit is sending your Pulsoid token to http://127.0.0.1:1234"],
      ["warning", "PulseKit is sending your Pulsoid token to http://127.0.0.1:5678"],
      ["warning", "PulseKit is signing you in through http://127.0.0.1:1234"],
    ]);
    expect(ui.shown[0]?.actions).toEqual(["Open Settings"]);
  });

  it("Open Settings opens the setting that names the address", async () => {
    const opened: string[] = [];
    const notices = new HostNotices((id) => opened.push(id));
    notices.check(recordingUi("Open Settings"), "oauthBaseUrl", "http://127.0.0.1:1234");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(opened).toEqual(["pulsekit.oauthBaseUrl"]);
  });
});
