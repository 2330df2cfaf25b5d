import type { Command } from "commander";
import type { HeartRateOptions } from "../actions/heart-rate.js";
import type { CliContext, CommonOptions } from "../context.js";

/** adds `heart-rate`: the latest reading, or every reading as it arrives with --watch */
export function registerHeartRateCommand(program: Command, ctx: CliContext): void {
  program
    .command("heart-rate")
    .description("print your latest heart-rate reading; --watch prints each new one until Ctrl-C")
    .option("-w, --watch", "keep printing each reading as it arrives, until Ctrl-C")
    .option("--json", 'print one JSON object per reading on stdout: {"bpm":72,"measuredAt":"<ISO time>"}')
    .addHelpText(
      "after",
      `
Needs a token with data:heart_rate:read (\`pulsekit login\` asks for it). With --watch, notices go to stderr
when readings stop ("no reading for 10 s: is the sensor on?"), when the connection drops (it reconnects by
itself) and when they come back; Ctrl-C ends it with exit code 130.

Examples:
  $ pulsekit heart-rate
  $ pulsekit heart-rate --watch
  $ pulsekit heart-rate --watch --json | jq --unbuffered .bpm`,
    )
    .action(async (options: HeartRateOptions & CommonOptions, command: Command) => {
      const out = ctx.output({ ...command.optsWithGlobals(), jsonLines: true });
      await (await import("../actions/heart-rate.js")).heartRate(ctx, out, options);
    });
}
