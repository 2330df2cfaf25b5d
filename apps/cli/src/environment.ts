import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
import { usageError } from "./cli-error.js";

/** the settings pulsekit reads from its environment at start-up (hosts and client id: see session.ts) */
export interface CliEnvironment {
  /** PULSOID_TOKEN, when set; it wins over the token file */
  token: string | undefined;
  /** the folder that holds pulsekit's token file */
  configDir: string;
  /** colour is off when NO_COLOR holds any value */
  noColor: boolean;
  /** OBS_WEBSOCKET_URL, when set; OBS's own default otherwise */
  obsUrl: string | undefined;
  /** OBS_WEBSOCKET_PASSWORD, when set: a secret like the token, only ever read from the environment */
  obsPassword: string | undefined;
}

/** the environment variables OBS's WebSocket address and password come from (@pulsekit/obs's OBS_ENV) */
export const OBS_VARIABLES = { url: "OBS_WEBSOCKET_URL", password: "OBS_WEBSOCKET_PASSWORD" } as const;

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** the user's config folder for pulsekit: $XDG_CONFIG_HOME/pulsekit, else ~/.config/pulsekit */
export function configDirFor(env: NodeJS.ProcessEnv): string {
  const xdg = nonEmpty(env.XDG_CONFIG_HOME);
  // the XDG spec says to ignore relative paths
  if (xdg && isAbsolute(xdg)) return join(xdg, "pulsekit");
  const home = nonEmpty(env.HOME) ?? homedir();
  return join(home, ".config", "pulsekit");
}

/** reads pulsekit's settings from environment variables */
export function readEnvironment(env: NodeJS.ProcessEnv): CliEnvironment {
  return {
    token: nonEmpty(env.PULSOID_TOKEN),
    configDir: configDirFor(env),
    noColor: env.NO_COLOR !== undefined && env.NO_COLOR !== "",
    obsUrl: nonEmpty(env[OBS_VARIABLES.url]),
    // kept exactly as given: spaces may be part of a password; a blank one means none
    obsPassword: env[OBS_VARIABLES.password]?.trim() ? env[OBS_VARIABLES.password] : undefined,
  };
}

/** the URL from an environment variable (or its default), or a usage error (exit 2) naming the variable */
export function checkedUrl(variable: string, value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw usageError(
      `${variable} must be an http or https URL such as https://dev.pulsoid.net, not "${value}"; fix or unset it.`,
      variable,
    );
  }
  return value;
}

/** OBS_WEBSOCKET_URL when it is a ws:// or wss:// address, undefined for OBS's default, else a usage error (exit 2) */
export function checkedObsUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "ws:" && url.protocol !== "wss:")) {
    // a user name or password in the address is never shown
    const shown = value.replace(/\/\/[^/@]*@/, "//");
    throw usageError(
      `${OBS_VARIABLES.url} must be OBS's WebSocket address such as ws://127.0.0.1:4455 (OBS shows it under Tools > WebSocket Server Settings > Show Connect Info), not "${shown}"; fix or unset it.`,
      OBS_VARIABLES.url,
    );
  }
  return value;
}
