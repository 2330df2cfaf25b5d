import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COMMAND_IDS } from "./command-ids";

const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  activationEvents: string[];
  contributes: { commands: { command: string }[] };
};

describe("the command ids activate registers", () => {
  it("are the commands package.json contributes, each one an activation event", () => {
    expect([...COMMAND_IDS].sort()).toEqual(manifest.contributes.commands.map((c) => c.command).sort());
    for (const id of COMMAND_IDS) expect(manifest.activationEvents).toContain(`onCommand:${id}`);
  });
});
