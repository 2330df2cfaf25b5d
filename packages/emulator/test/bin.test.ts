import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
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

  it("has the node shebang", () => {
    expect(existsSync(bin), "run the build first: dist/bin.js is missing").toBe(true);
    expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it.each(["SIGTERM", "SIGINT"] as const)("prints its URL and a working token, then stops on %s", async (signal) => {
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
    child.kill(signal);
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

describe("pulsekit-emulator bin with --data", () => {
  it("keeps widgets created in one run for the next", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pulsekit-emulator-bin-"));
    const dataFile = join(dir, "data.json");
    const run = async () => {
      const child = spawn(process.execPath, [bin, "--port", "0", "--data", dataFile], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      const output = await readUntil(child, /PULSOID_TOKEN=\S+\n/);
      const stop = () =>
        new Promise<void>((resolve) => {
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        });
      return {
        url: /PULSOID_API_URL=(\S+)/.exec(output)?.[1] ?? "",
        headers: {
          authorization: `Bearer ${/PULSOID_TOKEN=(\S+)/.exec(output)?.[1]}`,
          "content-type": "application/json",
        },
        stop,
      };
    };
    try {
      const first = await run();
      await fetch(`${first.url}/api/v1/widgets`, {
        method: "POST",
        headers: first.headers,
        body: JSON.stringify({ meta_id: "bf6bdf21-10a7-4a28-97ec-a239e6c77f8b", name: "kept", configuration: {} }),
      });
      await first.stop();
      const second = await run();
      const list = await (await fetch(`${second.url}/api/v1/widgets`, { headers: second.headers })).json();
      await second.stop();
      expect(list.widgets.map((widget: { name: string }) => widget.name)).toEqual(["kept"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a data file with a bad entry in one line on stderr, exits 1 and leaves the file alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pulsekit-emulator-bin-"));
    const dataFile = join(dir, "data.json");
    const text = JSON.stringify({
      version: 1,
      widgets: [{ id: "w1", meta_id: "bf6bdf21-10a7-4a28-97ec-a239e6c77f8b", name: "bad", configuration: "red" }],
      tokens: [],
    });
    writeFileSync(dataFile, text);
    try {
      const child = spawn(process.execPath, [bin, "--port", "0", "--data", dataFile], {
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout?.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        // it started after all: stop it so the test fails on the exit code instead of hanging
        if (stdout.includes("PULSOID_TOKEN=")) child.kill("SIGKILL");
      });
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
      expect(code).toBe(1);
      expect(stdout).toBe("");
      expect(stderr.split("\n")).toEqual([expect.stringContaining(dataFile), ""]);
      expect(stderr).toContain('widgets[0] (id "w1"), field "configuration", must be a JSON object');
      expect(stderr).toMatch(/Fix or remove that entry/);
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(readFileSync(dataFile, "utf8")).toBe(text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
