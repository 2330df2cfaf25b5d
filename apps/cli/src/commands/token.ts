import { type Command, Option } from "commander";
import { usageError } from "../cli-error.js";
import type { CliContext, CommonOptions } from "../context.js";

interface SetOptions extends CommonOptions {
  token?: string;
}

const actions = () => import("../actions/token.js");

/** adds `token set` and `token check` */
export function registerTokenCommands(program: Command, ctx: CliContext): void {
  const token = program
    .command("token")
    .description("save or check the Pulsoid access token pulsekit uses")
    .addHelpText(
      "after",
      `
Examples:
  $ pulsekit token set < token.txt
  $ pulsekit token check`,
    );

  token
    .command("set")
    .description("save an access token (read from stdin or a hidden prompt) after checking it with Pulsoid")
    // a token in argv would end up in shell history and process lists; the option exists only to refuse it
    .addOption(new Option("--token <token>").hideHelp())
    .option("--json", "print the result as JSON on stdout")
    .addHelpText(
      "after",
      `
The token is never taken from the command line. It is checked with Pulsoid first, then saved to
$XDG_CONFIG_HOME/pulsekit/token (or ~/.config/pulsekit/token), readable only by you.

Examples:
  $ pulsekit token set                 # paste it at the prompt; nothing is shown
  $ pulsekit token set < token.txt
  $ pass show pulsoid | pulsekit token set`,
    )
    .action(async (options: SetOptions, command: Command) => {
      const out = ctx.output(command.optsWithGlobals());
      if (options.token !== undefined) {
        throw usageError(
          "pulsekit never takes a token on the command line (it would stay in your shell history); pipe it in or paste it at the prompt of `pulsekit token set`.",
          "token",
        );
      }
      await (await actions()).setToken(ctx, out);
    });

  token
    .command("check")
    .description("ask Pulsoid about the current token: client, scopes and expiry")
    .option("--json", "print the result as JSON on stdout")
    .addHelpText(
      "after",
      `
Examples:
  $ pulsekit token check
  $ pulsekit token check --json`,
    )
    .action(async (_options: CommonOptions, command: Command) => {
      const out = ctx.output(command.optsWithGlobals());
      await (await actions()).checkToken(ctx, out);
    });
}
