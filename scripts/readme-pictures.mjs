#!/usr/bin/env node
// regenerates every picture the READMEs show from what the real-host tests saw: VS Code in code-server,
// the Stream Deck plugin in the test host and its inspector in Chromium, and pulsekit on a terminal.
// runs those tests (they save screenshots and terminal transcripts under each app's .test-results/),
// draws the terminal transcripts in Chromium, and writes each picture as an optimised PNG where the
// README links it. `--no-tests` only redraws and optimises what the last test run left.
//
//   npm run pictures [-- --no-tests]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import Convert from "ansi-to-html";
import { chromium } from "playwright-core";
import sharp from "sharp";
import { CHROMIUM_ARGS, ensureChromium } from "./ensure-chromium.mjs";

const root = join(import.meta.dirname, "..");
const pnpm = [join(root, "scripts", "pnpm.mjs")];

const vscodeResults = join(root, "apps/vscode/.test-results");
const streamdeckResults = join(root, "apps/streamdeck/.test-results");
const cliResults = join(root, "apps/cli/.test-results");

/** each README picture: where the tests leave it and where the README links it */
export const PICTURES = [
  [join(vscodeResults, "vscode-create-review.png"), "apps/vscode/media/screenshots/create.png"],
  [join(vscodeResults, "vscode-created-notification.png"), "apps/vscode/media/screenshots/created.png"],
  [join(vscodeResults, "vscode-view-widgets.png"), "apps/vscode/media/screenshots/view.png"],
  [join(vscodeResults, "vscode-walkthrough.png"), "apps/vscode/media/screenshots/walkthrough.png"],
  [join(vscodeResults, "vscode-heart-rate.png"), "apps/vscode/media/screenshots/heart-rate.png"],
  [join(streamdeckResults, "readme/create-widget-key.png"), "apps/streamdeck/media/create-widget-key.png"],
  [join(streamdeckResults, "readme/heart-rate-key.png"), "apps/streamdeck/media/heart-rate-key.png"],
  [join(streamdeckResults, "readme/heart-rate-dial.png"), "apps/streamdeck/media/heart-rate-dial.png"],
  [join(streamdeckResults, "inspector/3-signed-in.png"), "apps/streamdeck/media/inspector.png"],
  [join(streamdeckResults, "inspector/6-heart-rate.png"), "apps/streamdeck/media/heart-rate-inspector.png"],
  [join(cliResults, "readme/session.png"), "apps/cli/media/session.png"],
];

/** the terminal pictures: which transcripts (from apps/cli/test/transcripts.test.ts) each one shows */
const TERMINALS = { session: ["widgets-create", "widgets-list", "heart-rate"] };

function run(what, args, env = {}) {
  process.stdout.write(`\n> ${what}\n`);
  const result = spawnSync(process.execPath, [...pnpm, ...args], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    process.stderr.write(`${what} failed (exit ${result.status}); the pictures were not updated\n`);
    process.exit(result.status ?? 1);
  }
}

/** one terminal window as HTML: the transcripts one after another, their colours kept */
function terminalPage(names) {
  const convert = new Convert({
    fg: "#D4D4D4",
    bg: "#1E1E1E",
    escapeXML: true,
    colors: { 2: "#4EC98F", 3: "#E5C07B" },
  });
  const screens = names.map((name) => {
    const file = join(cliResults, "transcripts", `${name}.ansi`);
    if (!existsSync(file)) throw new Error(`${relative(root, file)} is missing: run apps/cli/test/transcripts.test.ts`);
    const [prompt, ...rest] = readFileSync(file, "utf8").trimEnd().split("\n");
    return `<div class="prompt">${convert.toHtml(prompt)}</div>${convert.toHtml(rest.join("\n"))}`;
  });
  return `<!doctype html><meta charset="utf-8"><style>
    body { margin: 0; background: transparent; }
    #window { display: inline-block; background: #1E1E1E; border-radius: 8px; overflow: hidden; }
    #bar { height: 26px; background: #323233; padding-left: 12px; display: flex; gap: 8px; align-items: center; }
    #bar i { width: 12px; height: 12px; border-radius: 50%; display: block; }
    pre { margin: 0; padding: 12px 16px 14px; color: #D4D4D4; font: 13px/1.45 "DejaVu Sans Mono", monospace; }
    .prompt { color: #9CDCFE; margin-top: 10px; } .prompt:first-child { margin-top: 0; }
  </style><div id="window"><div id="bar"><i style="background:#FF5F57"></i><i style="background:#FEBC2E"></i><i style="background:#28C840"></i></div><pre>${screens.join("")}</pre></div>`;
}

async function main() {
  const { values: options } = parseArgs({ options: { "no-tests": { type: "boolean", default: false } } });
  if (!options["no-tests"]) {
    run("build", ["exec", "turbo", "run", "build"]);
    run("pulsekit on a terminal", ["exec", "vitest", "run", "--project", "cli", "test/transcripts.test.ts"]);
    run("the Stream Deck keys and inspector", ["exec", "vitest", "run", "--project", "streamdeck", "test/e2e"]);
    run("VS Code in code-server", ["--filter", "pulsekit-vscode", "run", "test:host"], { PULSEKIT_HOST_ONLY: "ui" });
  }

  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 400 }, deviceScaleFactor: 1 });
    for (const [name, transcripts] of Object.entries(TERMINALS)) {
      await page.setContent(terminalPage(transcripts));
      mkdirSync(join(cliResults, "readme"), { recursive: true });
      await page
        .locator("#window")
        .screenshot({ path: join(cliResults, "readme", `${name}.png`), omitBackground: true });
    }
  } finally {
    await browser.close();
  }

  // palette PNGs (libimagequant through sharp): screenshots have few colours, so they shrink 3-5× with no
  // visible change
  const rows = [];
  const missing = [];
  for (const [source, target] of PICTURES) {
    if (!existsSync(source)) {
      missing.push(relative(root, source));
      continue;
    }
    const png = await sharp(source).png({ palette: true, quality: 90, effort: 10, compressionLevel: 9 }).toBuffer();
    const out = join(root, target);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, png);
    rows.push([target, statSync(source).size, png.length]);
  }
  const width = Math.max(...rows.map(([target]) => target.length));
  process.stdout.write(`\n${"picture".padEnd(width)}  screenshot  optimised\n`);
  for (const [target, before, after] of rows) {
    process.stdout.write(`${target.padEnd(width)}  ${`${before}`.padStart(10)}  ${`${after}`.padStart(9)}\n`);
  }
  const total = rows.reduce((sum, [, , after]) => sum + after, 0);
  process.stdout.write(`${rows.length} pictures, ${Math.round(total / 1024)} KiB in all\n`);
  if (missing.length > 0) {
    process.stderr.write(`not made by the tests, so not updated:\n  ${missing.join("\n  ")}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
