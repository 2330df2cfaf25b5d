import { redactSecrets } from "@pulsekit/core/log-text";
import { type CliEnvironment, readEnvironment } from "./environment.js";
import { ExitCode } from "./exit-codes.js";
import { createOutput, type Output, type TextSink } from "./output.js";
import type { SecretSource } from "./read-secret.js";
import type { TokenSource } from "./session.js";
import { createTokenStore, type TokenStore } from "./token-store.js";

/** the process pieces a run of pulsekit uses; tests may pass their own */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdin: SecretSource;
  stdout: TextSink;
  stderr: TextSink;
}

/** the options every command may carry */
export interface CommonOptions {
  json?: boolean;
  debug?: boolean;
  /** set by a command, not a flag: with --json, one compact JSON object per line */
  jsonLines?: boolean;
}

/** what every command handler gets */
export interface CliContext {
  readonly io: CliIo;
  readonly env: CliEnvironment;
  readonly tokenStore: TokenStore;
  /** the Output for a command's options; remembers --json and --debug for error reporting */
  output(options: CommonOptions): Output;
  /** the last Output handed out, so a failure is reported the way the command talks */
  readonly current: Output;
  /** hides a secret from everything written to stdout and stderr from now on */
  addSecret(secret: string): void;
  /** where the signed-in token of this run came from, once a command asked for it; a refusal names it */
  tokenSource: TokenSource | undefined;
  /** the exit code of a command that ended without a failure to report (a watch stopped with Ctrl-C: 130) */
  exitCode: ExitCode;
}

/** the saved token, when one can be read: hidden (like PULSOID_TOKEN and OBS_WEBSOCKET_PASSWORD) before any argument or file is even parsed */
function savedToken(tokenStore: TokenStore): string | undefined {
  try {
    return tokenStore.read();
  } catch {
    // an unreadable token file is reported by the command that needs it
    return undefined;
  }
}

/** a context for one run of pulsekit */
export function createContext(io: CliIo): CliContext {
  const env = readEnvironment(io.env);
  const tokenStore = createTokenStore(env.configDir);
  const secrets = new Set<string>();
  for (const secret of [env.token, savedToken(tokenStore), env.obsPassword]) if (secret) secrets.add(secret);
  const hiding = (sink: TextSink): TextSink => ({
    isTTY: sink.isTTY,
    write: (text: string) => sink.write(redactSecrets(text, secrets)),
  });
  const stdout = hiding(io.stdout);
  const stderr = hiding(io.stderr);
  const make = (options: CommonOptions) =>
    createOutput({
      stdout,
      stderr,
      json: options.json === true,
      jsonLines: options.jsonLines === true,
      debug: options.debug === true,
      noColor: env.noColor,
    });
  let current = make({});
  return {
    io: { ...io, stdout, stderr },
    env,
    tokenStore,
    output(options) {
      current = make(options);
      return current;
    },
    get current() {
      return current;
    },
    addSecret(secret) {
      secrets.add(secret);
    },
    tokenSource: undefined,
    exitCode: ExitCode.ok,
  };
}
