import {
  type AddWidgetToObsResult,
  addWidgetToObs,
  isObsError,
  listObsScenes,
  type ObsConnectionOptions,
  type ObsScenes,
  type ObsWidget,
} from "@pulsekit/obs";
import { CliError, interruptedError, usageError } from "./cli-error.js";
import type { CliContext } from "./context.js";
import { checkedObsUrl, OBS_VARIABLES } from "./environment.js";
import { ExitCode } from "./exit-codes.js";
import { abortOnInterrupt } from "./interrupt.js";
import type { Output } from "./output.js";

// loaded only by the commands that talk to OBS: obs-websocket-js stays out of every other command

/** where OBS is and its password: OBS_WEBSOCKET_URL (checked, exit 2) and OBS_WEBSOCKET_PASSWORD, never argv */
export function obsConnection(ctx: CliContext): ObsConnectionOptions {
  const url = checkedObsUrl(ctx.env.obsUrl);
  return {
    ...(url === undefined ? {} : { url }),
    ...(ctx.env.obsPassword === undefined ? {} : { password: ctx.env.obsPassword }),
    passwordSource: `the ${OBS_VARIABLES.password} environment variable`,
  };
}

/** a scene name as typed, or a usage error (exit 2) when it is blank; undefined means the current program scene */
export function checkSceneName(scene: string | undefined, flag: string): string | undefined {
  if (scene === undefined) return undefined;
  if (scene.trim() === "") {
    throw usageError(
      `${flag} is empty; give a scene name from \`pulsekit obs scenes\`, or leave ${flag} out for the scene on air.`,
      "scene",
    );
  }
  return scene;
}

/**
 * an OBS failure as the CLI reports it: the library's sentence as it is, its kind for --json, exit 1; a scene
 * OBS does not have is a name that matches nothing, exit 2 like a widget name that matches nothing
 */
export function obsFailure(error: unknown): unknown {
  if (!isObsError(error)) return error;
  if (error.kind === "unknown_scene") {
    return new CliError(error.message, ExitCode.usage, "scene", {
      kind: error.kind,
      ...(error.scenes === undefined ? {} : { scenes: error.scenes }),
    });
  }
  return new CliError(error.message, ExitCode.failed, undefined, { kind: error.kind });
}

/** runs one OBS call with Ctrl-C as its cancel (exit 130, saying `cancelled`); OBS failures as CliErrors */
async function talkToObs<T extends { requests: number }>(
  out: Output,
  cancelled: string,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const started = performance.now();
  try {
    const result = await abortOnInterrupt(async (signal) => {
      try {
        return await call(signal);
      } catch (error) {
        if (signal.aborted) throw interruptedError(cancelled);
        throw error;
      }
    });
    out.debug(`OBS: ${result.requests} requests in ${Math.round(performance.now() - started)} ms`);
    return result;
  } catch (error) {
    throw obsFailure(error);
  }
}

/** puts the widget into an OBS scene (default the one on air) as a browser source, or updates the source of its name */
export function placeWidgetInObs(
  out: Output,
  connection: ObsConnectionOptions,
  widget: ObsWidget,
  scene: string | undefined,
  cancelled: string,
): Promise<AddWidgetToObsResult> {
  return talkToObs(out, cancelled, (signal) =>
    addWidgetToObs({ ...connection, widget, signal, ...(scene === undefined ? {} : { scene }) }),
  );
}

/** OBS's scenes, top first, and the one on air */
export function readObsScenes(out: Output, connection: ObsConnectionOptions): Promise<ObsScenes> {
  return talkToObs(out, "Cancelled before OBS answered.", (signal) => listObsScenes({ ...connection, signal }));
}

/** the line after a placement: what happened in which scene */
export function placedMessage(result: AddWidgetToObsResult): string {
  return result.action === "created"
    ? `Added "${result.inputName}" to the OBS scene "${result.scene}" as a browser source.`
    : `Pointed the OBS browser source "${result.inputName}" at this widget; it is in the scene "${result.scene}".`;
}
