// runs the mocha suite inside code-server's real extension host through the smoke-test-driver payload
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { launchBrowser, startCodeServer } from "./code-server.mjs";

/**
 * starts code-server with the extension under development and the suite as `extensionTestsPath`;
 * resolves to the per-test results the suite wrote
 */
export async function runInHostSuite({ extensionDir, env, settings, timeoutMs = 10 * 60_000, resultsFile }) {
  const server = await startCodeServer({
    smokeTestDriver: true,
    settings,
    env: { ...env, PULSEKIT_HOST_RESULTS: resultsFile },
  });
  let browser;
  try {
    browser = await launchBrowser();
    const context = await browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    const page = await context.newPage();
    let exitCode;
    const exited = new Promise((resolve) => {
      page.exposeFunction("codeAutomationExit", (code) => {
        exitCode = code;
        resolve(code);
      });
    });
    const hostErrors = [];
    await page.exposeFunction("codeAutomationLog", (level, args) => {
      if (level === "error") hostErrors.push(JSON.stringify(args).slice(0, 600));
      if (process.env.PULSEKIT_HOST_DEBUG) process.stderr.write(`[host ${level}] ${JSON.stringify(args)}\n`);
    });
    const remote = `vscode-remote://127.0.0.1:${server.port}`;
    const payload = [
      ["extensionDevelopmentPath", `${remote}${extensionDir}`],
      ["extensionTestsPath", `${remote}${join(extensionDir, "dist", "test", "suite", "index.cjs")}`],
    ];
    const url = `${server.url}/?folder=${encodeURIComponent(server.dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    const timedOut = await Promise.race([
      exited.then(() => false),
      new Promise((resolve) => setTimeout(() => resolve(true), timeoutMs)),
    ]);
    const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, "utf8")) : [];
    return { results, exitCode, timedOut, serverLog: server.log.join(""), hostErrors };
  } finally {
    await browser?.close().catch(() => undefined);
    await server.close();
  }
}
