import { type Command, InvalidArgumentError } from "commander";
import type { CliContext, CommonOptions } from "../context.js";

interface EmulatorOptions extends CommonOptions {
  port: number;
  data?: string;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError("give a port number from 0 to 65535.");
  return port;
}

/** adds `emulator`: a local Pulsoid API for trying pulsekit without an account */
export function registerEmulatorCommand(program: Command, ctx: CliContext): void {
  program
    .command("emulator")
    .description("run a local Pulsoid API and print a ready-to-use token (Ctrl-C stops it)")
    .option("-p, --port <n>", "port to listen on; 0 picks a free one", parsePort, 0)
    .option("--data <file>", "keep widgets and tokens in this JSON file between runs")
    .option("--json", "print the URL and token as JSON on stdout")
    .addHelpText(
      "after",
      `
Examples:
  $ pulsekit emulator --port 8080
  $ pulsekit emulator --data emulator.json
  then, in another terminal, paste the lines it prints for your shell:
  bash, zsh:   export PULSOID_API_URL=http://127.0.0.1:8080 ... PULSOID_TOKEN=...
  PowerShell:  $env:PULSOID_API_URL="http://127.0.0.1:8080"; ... $env:PULSOID_TOKEN="..."
  cmd:         set PULSOID_API_URL=http://127.0.0.1:8080   (one set line per variable)`,
    )
    .action(async (options: EmulatorOptions, command: Command) => {
      const out = ctx.output(command.optsWithGlobals());
      await (await import("../actions/emulator.js")).runEmulator(out, options);
    });
}
