import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
import { usageError } from "./cli-error.js";

/** the settings pulsekit reads from its environment */
export interface CliEnvironment {
  /** PULSOID_TOKEN, when set; it wins over the token file */
  token: string | undefined;
  /** PULSOID_API_URL; core's default (Pulsoid's API host) when unset */
  apiUrl: string | undefined;
  /** PULSOID_OAUTH_URL; core's default (Pulsoid's OAuth host) when unset */
  oauthUrl: string | undefined;
  /** PULSOID_CLIENT_ID, the OAuth client `login` signs in with */
  clientId: string | undefined;
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
    apiUrl: nonEmpty(env.PULSOID_API_URL),
    oauthUrl: nonEmpty(env.PULSOID_OAUTH_URL),
    clientId: nonEmpty(env.PULSOID_CLIENT_ID),
    configDir: configDirFor(env),
    noColor: env.NO_COLOR !== undefined && env.NO_COLOR !== "",
  };
}

/** the URL in an environment variable, or a usage error (exit 2) naming the variable when it is not an http(s) URL */
export function checkedUrl(variable: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
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
