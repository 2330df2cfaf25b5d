import type { Command } from "commander";
import type { ObsAddOptions } from "../actions/obs.js";
import type { CliContext, CommonOptions } from "../context.js";

// handlers (and OBS's WebSocket client) load on first use
const actions = () => import("../actions/obs.js");

const CONNECTION = `OBS is reached at OBS_WEBSOCKET_URL (default ws://127.0.0.1:4455) with the password in
OBS_WEBSOCKET_PASSWORD, if OBS has one: turn the server on and find both under Tools > WebSocket Server
Settings (Show Connect Info) in OBS 28 or newer. The password is never a flag.`;

/** adds `obs add` and `obs scenes` */
export function registerObsCommands(program: Command, ctx: CliContext): void {
  const obs = program
    .command("obs")
    .description("place widgets in OBS Studio scenes as browser sources")
    .addHelpText(
      "after",
      `
${CONNECTION}

Examples:
  $ pulsekit obs scenes
  $ pulsekit obs add "Stream heart"
  $ pulsekit obs add "Stream heart" --scene Gameplay
  $ pulsekit widgets create --name "Stream heart" --obs`,
    );

  obs
    .command("add")
    .description("put a widget into an OBS scene as a browser source, or update the source of its name")
    .argument("<widget>", "the widget's id or name, in any case (see `pulsekit widgets list`)")
    .option("-s, --scene <scene>", "the scene to put it in (default: the scene on air; see `pulsekit obs scenes`)")
    .option("--json", "print the widget and what happened in OBS as JSON on stdout")
    .addHelpText(
      "after",
      `
The source is named after the widget; when OBS already has a browser source of that name, its URL is
updated (and it is added to the scene if it is not there) instead of a second one being made.
A scene OBS does not have exits 2 and lists the scenes it has.

${CONNECTION}

Examples:
  $ pulsekit obs add "Stream heart"
  $ pulsekit obs add 0c5b3c4e-... --scene "Just chatting" --json`,
    )
    .action(async (reference: string, options: ObsAddOptions & CommonOptions, command: Command) => {
      const out = ctx.output(command.optsWithGlobals());
      await (await actions()).addToObs(ctx, out, reference, options);
    });

  obs
    .command("scenes")
    .description("list OBS's scenes, the one on air marked: names for --scene")
    .option("--json", "print the scenes as JSON on stdout")
    .addHelpText(
      "after",
      `
${CONNECTION}

Examples:
  $ pulsekit obs scenes
  $ pulsekit obs scenes --json`,
    )
    .action(async (_options: CommonOptions, command: Command) => {
      const out = ctx.output(command.optsWithGlobals());
      await (await actions()).showObsScenes(ctx, out);
    });
}
