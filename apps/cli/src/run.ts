import { CommanderError } from "commander";
import { type CliContext, type CliIo, createContext } from "./context.js";
import { ExitCode } from "./exit-codes.js";
import { createProgram } from "./program.js";
import { jsonText, plainText } from "./terminal-text.js";

async function report(ctx: CliContext, failure: unknown, debug: boolean): Promise<number> {
  // loaded only on failure: they pull in core, which --help and --version do not need
  const { errorJson, exitCodeFor, messageFor } = await import("./errors.js");
  const error = (await import("./session.js")).withTokenSource(ctx, failure);
  const out = ctx.current;
  // ctx.io.stdout hides the token here just as stderr does for the plain message
  if (out.json) ctx.io.stdout.write(`${jsonText({ error: errorJson(error) }, out.jsonLines ? 0 : 2)}\n`);
  out.error(messageFor(error));
  if (debug && error instanceof Error && error.stack) ctx.io.stderr.write(`${plainText(error.stack)}\n`);
  return exitCodeFor(error);
}

/** runs pulsekit with argv (as in process.argv) and resolves to the exit code */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const ctx = createContext(io);
  const program = createProgram(ctx);
  try {
    await program.parseAsync([...argv]);
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has already printed its message (or the help / version)
      if (error.exitCode === 0) return ExitCode.ok;
      if (argv.includes("--json")) {
        const message = "The command line was not understood; run with --help for usage.";
        ctx.io.stdout.write(
          `${JSON.stringify({ error: { message, exitCode: ExitCode.usage, kind: "usage" } }, null, 2)}\n`,
        );
      }
      return ExitCode.usage;
    }
    return report(ctx, error, argv.includes("--debug"));
  }
}
