import type { Command } from "commander";
import type { CliContext, CommonOptions } from "../context.js";

interface LoginOptions extends CommonOptions {
  browser: boolean;
}

const actions = () => import("../actions/login.js");

/** adds `login` (device sign-in) and `logout` */
export function registerLoginCommands(program: Command, ctx: CliContext): void {
  program
    .command("login")
    .description("sign in with your Pulsoid account in a browser and save the token")
    .option("--no-browser", "only print the sign-in link; do not open a browser")
    .option("--json", "print the result as JSON on stdout (the code to enter still goes to stderr)")
    .addHelpText(
      "after",
      `
Needs PULSOID_CLIENT_ID: the id of an OAuth client registered at https://pulsoid.net/ui/api-clients.

Examples:
  $ export PULSOID_CLIENT_ID=your-client-id
  $ pulsekit login
  $ pulsekit login --no-browser   # on a machine without a browser: open the link elsewhere`,
    )
    .action(async (options: LoginOptions, command: Command) => {
      const out = ctx.output(command.optsWithGlobals());
      await (await actions()).login(ctx, out, options);
    });

  program
    .command("logout")
    .description("revoke the saved token with Pulsoid and delete it from this computer")
    .option("--json", "print the result as JSON on stdout")
    .addHelpText(
      "after",
      `
Examples:
  $ pulsekit logout`,
    )
    .action(async (_options: CommonOptions, command: Command) => {
      const out = ctx.output(command.optsWithGlobals());
      await (await actions()).logout(ctx, out);
    });
}
