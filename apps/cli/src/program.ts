import { createRequire } from "node:module";
import { Command } from "commander";
import { registerEmulatorCommand } from "./commands/emulator.js";
import { registerHeartRateCommand } from "./commands/heart-rate.js";
import { registerLoginCommands } from "./commands/login.js";
import { registerObsCommands } from "./commands/obs.js";
import { registerPresetsCommand } from "./commands/presets.js";
import { registerTokenCommands } from "./commands/token.js";
import { registerWidgetCommands } from "./commands/widgets.js";
import type { CliContext } from "./context.js";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

/** hides the value of an unknown `--option=value`, which might be a pasted token */
export function hideOptionValues(message: string): string {
  return message.replace(/'(-{1,2}[^'=\s]+)=[^']*'/g, "'$1=…'");
}

/** the `pulsekit` command with every subcommand; commander throws instead of exiting */
export function createProgram(ctx: CliContext): Command {
  const program = new Command("pulsekit")
    .description("Create and manage Pulsoid heart-rate widgets from your terminal.")
    .version(version, "-v, --version", "print the version")
    .helpOption("-h, --help", "show help for a command")
    .option("--debug", "show each request and full error details (never the token)")
    .showHelpAfterError("(add --help for usage and examples)")
    .showSuggestionAfterError()
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({
      writeOut: (text) => ctx.io.stdout.write(text),
      writeErr: (text) => ctx.io.stderr.write(text),
      outputError: (text, write) => write(hideOptionValues(text)),
    })
    .exitOverride()
    .addHelpText(
      "after",
      `
Environment:
  PULSOID_TOKEN           access token to use (wins over the saved one)
  PULSOID_API_URL         API host (default https://dev.pulsoid.net)
  PULSOID_OAUTH_URL       sign-in host (default https://pulsoid.net)
  PULSOID_CLIENT_ID       OAuth client id for \`pulsekit login\`
  OBS_WEBSOCKET_URL       OBS's WebSocket address (default ws://127.0.0.1:4455)
  OBS_WEBSOCKET_PASSWORD  OBS's WebSocket server password, if it has one (never a flag)
  NO_COLOR                turn colour off

Exit codes: 0 done, 1 Pulsoid or OBS refused or failed, 2 bad usage or input, 3 not signed in or token
refused, 130 cancelled with Ctrl-C.

Examples:
  $ pulsekit login
  $ pulsekit widgets create --name "Stream heart" --preset classic
  $ pulsekit widgets list
  $ pulsekit obs add "Stream heart"
  $ pulsekit heart-rate --watch
  $ pulsekit emulator`,
    );
  registerWidgetCommands(program, ctx);
  registerTokenCommands(program, ctx);
  registerLoginCommands(program, ctx);
  registerObsCommands(program, ctx);
  registerHeartRateCommand(program, ctx);
  registerPresetsCommand(program, ctx);
  registerEmulatorCommand(program, ctx);
  return program;
}
