import type { Command } from "commander";
import type { CliContext, CommonOptions } from "../context.js";

/** adds `presets`: the named starting configurations `widgets create --preset` accepts */
export function registerPresetsCommand(program: Command, ctx: CliContext): void {
  program
    .command("presets")
    .description("list the presets `widgets create --preset` accepts")
    .option("--json", "print the presets as a JSON array on stdout")
    .addHelpText(
      "after",
      `
Examples:
  $ pulsekit presets
  $ pulsekit presets --json`,
    )
    .action(async (_options: CommonOptions, command: Command) => {
      const out = ctx.output(command.optsWithGlobals());
      (await import("../actions/presets.js")).showPresets(out);
    });
}
