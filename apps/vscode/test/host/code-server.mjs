// starts code-server (real VS Code: workbench plus Node extension host) in a throwaway home,
// and headless chromium on it; every process started here is stopped by close()
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, ensureChromium } from "../../../../scripts/ensure-chromium.mjs";
import { ensureTools } from "./tools.mjs";

// servers still running, stopped if the test run itself is interrupted
const running = new Set();
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.once(signal, () => {
    for (const pid of running) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    process.exit(130);
  });
}

/** a free TCP port on 127.0.0.1 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early (code ${child.exitCode})`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs} ms`);
}

/**
 * starts code-server with a fresh user-data dir; options: settings (user settings.json),
 * env (extra environment for the server and so the extension host), smokeTestDriver, beforeStart(dirs)
 */
export async function startCodeServer(options = {}) {
  const tools = ensureTools();
  const home = mkdtempSync(join(tmpdir(), "pulsekit-code-server-"));
  const dirs = {
    home,
    userData: join(home, "user-data"),
    extensions: options.extensionsDir ?? join(home, "extensions"),
    workspace: join(home, "workspace"),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.userData, "User"), { recursive: true });
  writeFileSync(
    join(dirs.userData, "User", "settings.json"),
    JSON.stringify(
      {
        "workbench.startupEditor": "none",
        "workbench.tips.enabled": false,
        "telemetry.telemetryLevel": "off",
        "extensions.autoCheckUpdates": false,
        "extensions.autoUpdate": false,
        "security.workspace.trust.enabled": false,
        // a fresh profile opens the chat view with its input focused in the bottom-right corner, and VS Code
        // keeps an extension's notification out of the toasts while an input there has focus
        "workbench.secondarySideBar.defaultVisibility": "hidden",
        "chat.disableAIFeatures": true,
        // the emulator and other test servers are local ports: no "available on port" notifications
        "remote.autoForwardPorts": false,
        ...options.settings,
      },
      null,
      2,
    ),
  );
  await options.beforeStart?.(dirs);
  const port = await freePort();
  const config = join(home, "config.yaml");
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, ".config"),
    XDG_DATA_HOME: join(home, ".local", "share"),
    XDG_CACHE_HOME: join(home, ".cache"),
    ...options.env,
  };
  const args = [
    tools.serverEntry,
    "--config",
    config,
    "--user-data-dir",
    dirs.userData,
    "--extensions-dir",
    dirs.extensions,
    "--disable-telemetry",
    "--disable-update-check",
    "--disable-workspace-trust",
    "--ignore-last-opened",
  ];
  if (options.smokeTestDriver) args.push("--vscode-option", "enable-smoke-test-driver");
  args.push(dirs.workspace);
  const log = [];
  const child = spawn(tools.nodeBin, args, { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  running.add(child.pid);
  child.once("exit", () => running.delete(child.pid));
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (text) => {
      log.push(text);
      if (process.env.PULSEKIT_HOST_DEBUG) process.stderr.write(text);
    });
  }
  const url = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode === null) {
      // the server's group holds the extension host and its watchers too
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await Promise.race([
        new Promise((resolve) => child.once("exit", resolve)),
        new Promise((resolve) => setTimeout(resolve, 5000)),
      ]);
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    if (!options.keepHome) rmSync(home, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`${url}/healthz`, child, 60_000);
  } catch (error) {
    await close();
    throw new Error(`${error.message}\n${log.join("").slice(-4000)}`);
  }
  return { url, port, dirs, tools, log, close, env };
}

/** installs a .vsix into an extensions dir with code-server's own cli */
export async function installVsix(vsix, extensionsDir) {
  const tools = ensureTools();
  const home = mkdtempSync(join(tmpdir(), "pulsekit-install-"));
  try {
    await new Promise((resolve, reject) => {
      const child = spawn(
        tools.nodeBin,
        [tools.serverEntry, "--extensions-dir", extensionsDir, "--install-extension", vsix],
        {
          env: {
            ...process.env,
            HOME: home,
            XDG_CONFIG_HOME: join(home, ".config"),
            XDG_DATA_HOME: join(home, ".local"),
          },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let out = "";
      child.stdout.on("data", (d) => {
        out += d;
      });
      child.stderr.on("data", (d) => {
        out += d;
      });
      child.on("exit", (code) =>
        code === 0 ? resolve(out) : reject(new Error(`--install-extension failed (${code}): ${out}`)),
      );
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** headless chromium with a fresh profile */
export async function launchBrowser() {
  const executablePath = ensureChromium();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  return browser;
}
