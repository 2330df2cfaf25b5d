import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createContext } from "./context.js";

function sink() {
  const chunks: string[] = [];
  return { isTTY: false, chunks, write: (text: string) => chunks.push(text), text: () => chunks.join("") };
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** a context whose config folder holds this saved token */
function contextWithSavedToken(token: string, env: NodeJS.ProcessEnv = {}) {
  const home = mkdtempSync(join(tmpdir(), "pulsekit-context-"));
  folders.push(home);
  mkdirSync(join(home, "pulsekit"), { recursive: true });
  writeFileSync(join(home, "pulsekit", "token"), `${token}\n`, { mode: 0o600 });
  const stdout = sink();
  const stderr = sink();
  const ctx = createContext({ env: { XDG_CONFIG_HOME: home, ...env }, stdin: process.stdin, stdout, stderr });
  return { ctx, stdout, stderr };
}

describe("createContext", () => {
  it("hides the saved token on stdout and stderr before any command looked it up", () => {
    const { ctx, stdout, stderr } = contextWithSavedToken("saved-token-1234");
    ctx.io.stdout.write('{"message": "saved-token-1234"}');
    ctx.io.stderr.write("unknown command 'saved-token-1234'");
    ctx.output({ json: true }).result({ echoed: "saved-token-1234" }, () => "");
    expect(stdout.text()).not.toContain("saved-token-1234");
    expect(stderr.text()).toBe("unknown command '[hidden]'");
  });

  it("hides PULSOID_TOKEN and tokens added later, also as they look inside JSON strings", () => {
    const { ctx, stdout } = contextWithSavedToken("saved-token-1234", { PULSOID_TOKEN: "env-token-5678" });
    ctx.addSecret('quote"back\\slash');
    ctx.output({ json: true }).result({ a: "env-token-5678", b: 'quote"back\\slash' }, () => "");
    expect(JSON.parse(stdout.text())).toEqual({ a: "[hidden]", b: "[hidden]" });
  });

  it("hides OBS_WEBSOCKET_PASSWORD from the start, like the token", () => {
    const { ctx, stdout, stderr } = contextWithSavedToken("saved-token-1234", {
      OBS_WEBSOCKET_PASSWORD: "obs-pass-4321",
    });
    ctx.io.stderr.write("unknown option 'obs-pass-4321'");
    ctx.output({ json: true }).result({ scene: "Scene obs-pass-4321" }, () => "");
    expect(stderr.text()).toBe("unknown option '[hidden]'");
    expect(JSON.parse(stdout.text())).toEqual({ scene: "Scene [hidden]" });
  });

  it("hides what follows Bearer and the values of token query parameters, even when never registered", () => {
    const { ctx, stderr } = contextWithSavedToken("saved-token-1234");
    ctx.io.stderr.write("Authorization: Bearer other-token-9999 GET /oauth2/token?access_token=abcd5678&x=1");
    expect(stderr.text()).toBe("Authorization: Bearer [hidden] GET /oauth2/token?access_token=[hidden]&x=1");
  });

  it("starts without a hidden token when the token file cannot be read", () => {
    const home = mkdtempSync(join(tmpdir(), "pulsekit-context-"));
    folders.push(home);
    // a folder where the file should be: reading it fails with EISDIR
    mkdirSync(join(home, "pulsekit", "token"), { recursive: true });
    const stderr = sink();
    const ctx = createContext({ env: { XDG_CONFIG_HOME: home }, stdin: process.stdin, stdout: sink(), stderr });
    ctx.io.stderr.write("fine");
    expect(stderr.text()).toBe("fine");
  });
});
