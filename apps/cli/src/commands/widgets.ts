import type { Command } from "commander";
import type { CliContext, CommonOptions } from "../context.js";

interface CreateOptions extends CommonOptions {
  name: string;
  preset?: string;
  config?: string;
}

interface UpdateOptions extends CommonOptions {
  config: string;
}

// handlers load on first use, so `--help` and `--version` stay quick
const actions = () => import("../actions/widgets.js");

/** adds `widgets create`, `widgets list` and `widgets update` */
export function registerWidgetCommands(program: Command, ctx: CliContext): void {
  const widgets = program
    .command("widgets")
    .description("create, list and update your Pulsoid widgets")
    .addHelpText(
      "after",
      `
Examples:
  $ pulsekit widgets create --name "Stream heart"
  $ pulsekit widgets list --json`,
    );

  widgets
    .command("create")
    .description("create a heart-rate widget from a preset and print its OBS browser-source URL")
    .requiredOption("-n, --name <name>", "the widget's name, as shown in Pulsoid")
    .option("-p, --preset <id>", "starting configuration, see `pulsekit presets` (default: classic)")
    .option("-c, --config <json|@file>", "JSON merged over the preset's configuration, or @path to a JSON file")
    .option("--json", "print the widget as JSON on stdout")
    .addHelpText(
      "after",
      `
Examples:
  $ pulsekit widgets create --name "Stream heart"
  $ pulsekit widgets create --name Minimal --preset minimal
  $ pulsekit widgets create --name Red --config '{"heartColor":"#FF0000FF"}'
  $ pulsekit widgets create --name Zones --preset zones --config @zones.json --json`,
    )
    .action(async (options: CreateOptions, command: Command) => {
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

  widgets
    .command("update")
    .description("merge settings into a widget's configuration (the rest is kept)")
    .argument("<id>", "the widget's id (see `pulsekit widgets list`)")
    .requiredOption(
      "-c, --config <json|@file>",
      "JSON to merge into the current configuration, or @path to a JSON file",
    )
    .option("--json", "print the updated widget as JSON on stdout")
    .addHelpText(
      "after",
      `
Examples:
  $ pulsekit widgets update 0c5b3c4e-... --config '{"heartEnabled":false}'
  $ pulsekit widgets update 0c5b3c4e-... --config '{"heartColor":null}'   # null removes a setting
  $ pulsekit widgets update 0c5b3c4e-... --config @colours.json --json`,
    )
    .action(async (id: string, options: UpdateOptions, command: Command) => {
      const out = ctx.output(command.optsWithGlobals());
      await (await actions()).updateWidget(ctx, out, id, options.config);
    });
}
