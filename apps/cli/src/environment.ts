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
}

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
