import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { emulatorHooks } from "@pulsekit/emulator";
import { describe, expect, it } from "vitest";
import { runCliOnTerminal, useEmulator, useTempHome } from "./helpers.js";

// what a person sees in a terminal for the commands the README shows, saved (colours and all) for the
// README's pictures: scripts/readme-pictures.mjs draws these files; the folder is not committed
const transcripts = resolve(fileURLToPath(new URL(".", import.meta.url)), "..", ".test-results", "transcripts");
const home = useTempHome();
const emu = useEmulator();

/** runs the command on a terminal and keeps the screen it printed, prompt line first */
async function onScreen(name: string, args: string[], env: Record<string, string>) {
  const run = await runCliOnTerminal(args, home, { env });
  const quoted = args.map((arg) => (/[\s"]/.test(arg) ? `"${arg}"` : arg)).join(" ");
  mkdirSync(transcripts, { recursive: true });
  writeFileSync(join(transcripts, `${name}.ansi`), `$ pulsekit ${quoted}\n${run.stdout.replaceAll("\r\n", "\n")}`);
  return run;
}

describe("the terminal screens the README shows", () => {
  it("create, list and the latest heart rate, as a terminal shows them", async () => {
    const token = emu.emulator.seedToken({ scopes: ["widgets:read", "widgets:update", "data:heart_rate:read"] });
    const env = { PULSOID_API_URL: emu.url, PULSOID_TOKEN: token };

    const create = await onScreen("widgets-create", ["widgets", "create", "--name", "Stream heart"], env);
    expect(create.code).toBe(0);
    const [widget] = emu.emulator.widgets();
    expect(create.stdout).toContain(`https://pulsoid.net/widget/view/${widget?.id}`);
    expect(create.stdout).toContain("Stream heart");

    await onScreen("widgets-create-zones", ["widgets", "create", "--name", "Zones", "--preset", "zones"], env);
    const list = await onScreen("widgets-list", ["widgets", "list"], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/Stream heart[\s\S]*Zones|Zones[\s\S]*Stream heart/);

    await emulatorHooks(emu.url).setHeartRate(72, Date.now() - 3_000);
    const heartRate = await onScreen("heart-rate", ["heart-rate"], env);
    expect(heartRate.code).toBe(0);
    expect(heartRate.stdout).toMatch(/72 bpm/);

    const presets = await onScreen("presets", ["presets"], env);
    expect(presets.stdout).toMatch(/classic \(default\)/);
  });
});
