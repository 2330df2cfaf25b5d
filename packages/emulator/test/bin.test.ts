import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const bin = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "bin.js");

function readUntil(child: ChildProcess, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`no match for ${pattern} in: ${output}`)), timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) {
        clearTimeout(timer);
        resolve(output);
      }
    });
    child.once("exit", (code) => reject(new Error(`exited ${code} before printing ${pattern}: ${output}`)));
  });
}

describe("pulsekit-emulator bin", () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
  });

  it("has the node shebang", async () => {
    expect(existsSync(bin), "run the build first: dist/bin.js is missing").toBe(true);
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("prints its URL and a token that can list and create widgets, then stops on SIGTERM", async () => {
    child = spawn(process.execPath, [bin, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    const output = await readUntil(child, /PULSOID_TOKEN=\S+\n/);
    const url = /PULSOID_API_URL=(\S+)/.exec(output)?.[1];
    const token = /PULSOID_TOKEN=(\S+)/.exec(output)?.[1];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(output).toContain(`listening on ${url}`);

    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const created = await fetch(`${url}/api/v1/widgets`, {
      method: "POST",
      headers,
      body: JSON.stringify({ meta_id: "bf6bdf21-10a7-4a28-97ec-a239e6c77f8b", name: "bin", configuration: {} }),
    });
    expect(created.status).toBe(200);
    const validate = await (await fetch(`${url}/api/v1/token/validate`, { headers })).json();
    expect(validate.scopes).toEqual(expect.arrayContaining(["widgets:read", "widgets:update"]));

    const exited = new Promise<number | null>((resolve) => child?.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    await expect(fetch(`${url}/api/v1/widgets`, { headers })).rejects.toThrow();
  });

  it("exits 2 with a message for a bad port", async () => {
    child = spawn(process.execPath, [bin, "--port", "http"], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child?.once("exit", (c) => resolve(c)));
    expect(code).toBe(2);
    expect(stderr).toContain("--port must be a whole number");
  });
});
