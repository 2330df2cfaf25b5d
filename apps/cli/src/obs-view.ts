import type { AddWidgetToObsResult } from "@pulsekit/obs";
import { CliError } from "./cli-error.js";
import { messageFor } from "./errors.js";

/** the `obs` field of `widgets create --obs --json` and `obs add --json`: what happened in OBS */
export type ObsPlacementJson =
  | { ok: true; action: AddWidgetToObsResult["action"]; scene: string; inputName: string }
  | { ok: false; kind: string; message: string; scenes?: string[] };

/** a placement that worked */
export function obsPlacementJson(result: AddWidgetToObsResult): ObsPlacementJson {
  return { ok: true, action: result.action, scene: result.scene, inputName: result.inputName };
}

/** a placement that failed: OBS's kind (or `cancelled`) and the sentence shown on stderr */
export function obsFailureJson(error: unknown): ObsPlacementJson {
  const details = error instanceof CliError ? error.details : {};
  const kind = details.kind ?? (error instanceof CliError && error.exitCode === 130 ? "cancelled" : "failed");
  return {
    ok: false,
    kind,
    message: messageFor(error),
    ...(details.scenes === undefined ? {} : { scenes: details.scenes }),
  };
}
