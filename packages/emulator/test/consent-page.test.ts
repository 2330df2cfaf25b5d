import { describe, expect, it } from "vitest";
import { formPost, hook, useEmulator } from "./fixtures.js";

describe("the consent page", () => {
  const emulator = useEmulator();

  async function start() {
    await hook(emulator.current, "POST", "/config", { deviceInterval: 0 });
    const response = await formPost(emulator.current, "/oauth2/device_authorization", {
      client_id: "stream-deck",
      scope: "widgets:update,widgets:read",
    });
    return (await response.json()) as { device_code: string; user_code: string; verification_uri_complete: string };
  }

  it("shows the code, the client, the scopes and the Allow and Deny buttons", async () => {
    const device = await start();
    const response = await fetch(device.verification_uri_complete);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain(device.user_code);
    expect(html).toContain("stream-deck");
    expect(html).toContain("<li>widgets:update</li>");
    const actions = [...html.matchAll(/<form method="post" action="([^"]+)"/g)].map((match) => match[1] ?? "");
    const resolved = actions.map((action) => new URL(action, device.verification_uri_complete).href);
    expect(resolved).toEqual([
      `${emulator.current.url}/__emulator/devices/${device.user_code}/approve`,
      `${emulator.current.url}/__emulator/devices/${device.user_code}/deny`,
    ]);
    // relative actions keep working when the page is served behind a path prefix (a proxy)
    const proxied = actions.map((action) => new URL(action, "http://127.0.0.1:8080/proxy/4000/activate").pathname);
    expect(proxied[0]).toBe(`/proxy/4000/__emulator/devices/${device.user_code}/approve`);
    expect(html).toMatch(/<button[^>]*>Allow<\/button>/);
    expect(html).toMatch(/<button[^>]*>Deny<\/button>/);
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=/);
  });

  it("asks for the code when the link has none", async () => {
    const html = await (await fetch(`${emulator.current.url}/activate`)).text();
    expect(html).toContain('name="user_code"');
    expect(html).toContain('method="get"');
  });

  it("finds a code typed in lower case without the dash", async () => {
    const device = await start();
    const typed = device.user_code.replace("-", "").toLowerCase();
    const response = await fetch(`${emulator.current.url}/activate?user_code=${typed}`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`__emulator/devices/${device.user_code}/approve`);
  });

  it("says so when the code is unknown", async () => {
    const response = await fetch(`${emulator.current.url}/activate?user_code=ZZZZ-ZZZZ`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("No sign-in request has the code ZZZZ-ZZZZ");
  });

  it("approves through the form post and shows the result page", async () => {
    const device = await start();
    const response = await formPost(emulator.current, `/__emulator/devices/${device.user_code}/approve`, {
      decision: "allow",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain("Approved, you can close this page");
    const token = await formPost(emulator.current, "/oauth2/token", {
      grant_type: "urn:ietf:params:oauth:grant-type:device_code",
      device_code: device.device_code,
      client_id: "stream-deck",
    });
    expect(token.status).toBe(200);
  });

  it("denies through the form post and shows the result page", async () => {
    const device = await start();
    const response = await formPost(emulator.current, `/__emulator/devices/${device.user_code}/deny`, {});
    expect(await response.text()).toContain("Denied");
    const page = await fetch(device.verification_uri_complete);
    expect(page.status).toBe(409);
  });
});
