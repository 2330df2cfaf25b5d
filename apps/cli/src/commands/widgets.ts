import type { Command } from "commander";
import type { CreateWidgetOptions, UpdateWidgetOptions } from "../actions/widgets.js";
import type { CliContext, CommonOptions } from "../context.js";

// handlers load on first use, so `--help` and `--version` stay quick
const actions = () => import("../actions/widgets.js");

const FLAGS_WIN = "--heart-color, --heart / --no-heart and --font win over the same keys in --config.";

/** the setting flags `widgets create` and `widgets update` share */
function addSettingFlags(command: Command): Command {
  return command
    .option("--heart-color <colour>", "the heart's colour: #RRGGBB (stored as #RRGGBBFF) or #RRGGBBAA")
    .option("--heart", "show the heart next to the number")
    .option("--no-heart", "hide the heart: just the number")
    .option("--font <name>", "the font the number is shown in");
}

/** adds `widgets create`, `widgets list`, `widgets update` and `widgets url` */
export function registerWidgetCommands(program: Command, ctx: CliContext): void {
  const widgets = program
    .command("widgets")
    .description("create, list and update your Pulsoid widgets")
    .addHelpText(
      "after",
      `
Examples:
  $ pulsekit widgets create --name "Stream heart"
  $ pulsekit widgets list --json
  $ pulsekit widgets url "Stream heart"`,
    );

  addSettingFlags(
    widgets
      .command("create")
      .description("create a heart-rate widget from a preset and print its OBS browser-source URL")
      .requiredOption("-n, --name <name>", "the widget's name, as shown in Pulsoid")
      .option(
        "-p, --preset <preset>",
        "starting configuration by id or name, see `pulsekit presets` (default: classic)",
      ),
  )
    .option("-c, --config <json|@file>", "JSON merged over the preset's configuration, or @path to a JSON file")
    .option("--obs", "then place it in OBS as a browser source, in the scene on air (see `pulsekit obs --help`)")
    .option("--obs-scene <scene>", "then place it in this OBS scene (implies --obs)")
    .option("--json", "print the widget as JSON on stdout (with --obs, plus an `obs` field)")
    .addHelpText(
      "after",
      `
${FLAGS_WIN}
With --obs the widget is printed first, then placed in OBS (OBS_WEBSOCKET_URL, OBS_WEBSOCKET_PASSWORD); if
that fails, the widget stays created: place it later with \`pulsekit obs add ID\`.

Examples:
  $ pulsekit widgets create --name "Stream heart"
  $ pulsekit widgets create --name "Stream heart" --obs
  $ pulsekit widgets create --name "Stream heart" --obs-scene Gameplay
  $ pulsekit widgets create --name Minimal --preset minimal
  $ pulsekit widgets create --name Red --heart-color "#FF0000"
  $ pulsekit widgets create --name Quiet --no-heart --font Inter
  $ pulsekit widgets create --name Zones --preset zones --config @zones.json --json
  PowerShell and cmd: put the JSON in a file and pass --config @file.json`,
    )
    .action(async (options: CreateWidgetOptions & CommonOptions, command: Command) => {
      const out = ctx.output(command.optsWithGlobals());
      await (await actions()).createWidget(ctx, out, options);
    });

  widgets
    .command("list")
    .description("show your widgets with their OBS browser-source URLs")
    .option("--json", "print the widgets as a JSON array on stdout")
    .addHelpText(
      "after",
      `
Examples:
  $ pulsekit widgets list
  $ pulsekit widgets list --json`,
    )
    .action(async (_options: CommonOptions, command: Command) => {
      const out = ctx.output(command.optsWithGlobals());
      await (await actions()).listWidgets(ctx, out);
    });

  addSettingFlags(
    widgets
      .command("update")
      .description("change settings of a widget; the rest of its configuration is kept")
      .argument("<widget>", "the widget's id or name, in any case (see `pulsekit widgets list`)"),
  )
    .option("-c, --config <json|@file>", "JSON to merge into the current configuration, or @path to a JSON file")
    .option("--json", "print the updated widget as JSON on stdout")
    .addHelpText(
      "after",
      `
${FLAGS_WIN} A name that several widgets share is refused: use the id.

Examples:
  $ pulsekit widgets update "Stream heart" --no-heart
  $ pulsekit widgets update "Stream heart" --heart-color "#33CC99"
  $ pulsekit widgets update 0c5b3c4e-... --config '{"heartColor":null}'   # null removes a setting
  $ pulsekit widgets update 0c5b3c4e-... --config @colours.json --json
  PowerShell and cmd: put the JSON in a file and pass --config @file.json`,
    )
    .action(async (reference: string, options: UpdateWidgetOptions & CommonOptions, command: Command) => {
      const out = ctx.output(command.optsWithGlobals());
      await (await actions()).updateWidget(ctx, out, reference, options);
    });

  widgets
    .command("url")
    .description("print a widget's OBS browser-source URL")
    .argument("<widget>", "the widget's id or name, in any case (see `pulsekit widgets list`)")
    .option("--json", "print {id, name, url} as JSON on stdout")
    .addHelpText(
      "after",
      `
Only the URL goes to stdout, so it can be copied or piped.

Examples:
  $ pulsekit widgets url "Stream heart"
  $ pulsekit widgets url 0c5b3c4e-... --json`,
    )
    .action(async (reference: string, _options: CommonOptions, command: Command) => {
      const out = ctx.output(command.optsWithGlobals());
      await (await actions()).showWidgetUrl(ctx, out, reference);
    });
}
