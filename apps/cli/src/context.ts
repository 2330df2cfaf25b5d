import { type CliEnvironment, readEnvironment } from "./environment.js";
import { createOutput, type Output, type TextSink } from "./output.js";
import type { SecretSource } from "./read-secret.js";
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
  /** hides a secret from everything written to stderr from now on */
  addSecret(secret: string): void;
}

/** replaces every registered secret in text */
function redact(text: string, secrets: ReadonlySet<string>): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join("[hidden]");
  return out;
}

/** a context for one run of pulsekit */
export function createContext(io: CliIo): CliContext {
  const env = readEnvironment(io.env);
  const secrets = new Set<string>();
  if (env.token) secrets.add(env.token);
  const stderr: TextSink = {
    isTTY: io.stderr.isTTY,
    write: (text: string) => io.stderr.write(redact(text, secrets)),
  };
  const make = (options: CommonOptions) =>
    createOutput({
      stdout: io.stdout,
      stderr,
      json: options.json === true,
      debug: options.debug === true,
      noColor: env.noColor,
    });
  let current = make({});
  return {
    io: { ...io, stderr },
    env,
    tokenStore: createTokenStore(env.configDir),
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
  };
}
