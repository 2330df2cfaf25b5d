import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Emulator, emulatorHooks, type LoggedRequest, startEmulator } from "@pulsekit/emulator";
import { type FakeObs, type FakeObsOptions, type FakeRequest, startFakeObs } from "@pulsekit/obs/fake";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";

/** the built binary, as users run it */
export const cliBin = resolve(fileURLToPath(new URL(".", import.meta.url)), "../dist/bin.js");

/** what a finished run of the binary left behind */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** options for one run of the binary */
export interface RunOptions {
  env?: Record<string, string | undefined>;
  input?: string;
  cwd?: string;
}

/** a temporary HOME with XDG_CONFIG_HOME inside it, so tests never touch the real user's files */
export interface TempHome {
  home: string;
  configHome: string;
  tokenPath: string;
}

/** creates a temporary HOME before each test and removes it after */
export function useTempHome(): TempHome {
  const paths = { home: "", configHome: "", tokenPath: "" };
  beforeEach(() => {
    paths.home = mkdtempSync(join(tmpdir(), "pulsekit-cli-"));
    paths.configHome = join(paths.home, "config");
    paths.tokenPath = join(paths.configHome, "pulsekit", "token");
  });
  afterEach(() => {
    rmSync(paths.home, { recursive: true, force: true });
  });
  return paths;
}

/** a running binary whose output can be awaited line by line */
export interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  /** resolves with the first match of pattern in stdout + stderr so far or later */
  waitFor(pattern: RegExp, stream?: "stdout" | "stderr"): Promise<RegExpMatchArray>;
  /** resolves when the process ends */
  done: Promise<CliRun>;
}

/** the environment a spawned CLI sees: PATH, the temp home, and what the test adds */
export function cliEnv(home: TempHome, extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: home.home,
    XDG_CONFIG_HOME: home.configHome,
  };
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) env[key] = value;
  return env;
}

/** starts the binary without waiting for it, for commands that keep running (login, emulator) */
export function startCli(args: string[], home: TempHome, options: RunOptions = {}): RunningCli {
  const child = spawn(process.execPath, [cliBin, ...args], { env: cliEnv(home, options.env), cwd: home.home });
  const text = { stdout: "", stderr: "" };
  const waiters: (() => void)[] = [];
  const notify = () => {
    for (const waiter of [...waiters]) waiter();
  };
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    text.stdout += chunk;
    notify();
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    text.stderr += chunk;
    notify();
  });
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      resolve({ code, ...text });
      notify();
    });
  });
  if (options.input !== undefined) child.stdin.end(options.input);
  return {
    child,
    done,
    waitFor(pattern, stream) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = (stream ? text[stream] : `${text.stdout}${text.stderr}`).match(pattern);
          if (match) {
            waiters.splice(waiters.indexOf(check), 1);
            resolve(match);
          } else if (child.exitCode !== null) {
            waiters.splice(waiters.indexOf(check), 1);
            reject(new Error(`exited ${child.exitCode} before printing ${pattern}: ${text.stdout}${text.stderr}`));
          }
        };
        waiters.push(check);
        check();
      });
    },
  };
}

/** runs a node script to its end, collecting its output; stdin gets `input` (empty by default) */
export function runNode(
  script: string,
  args: string[],
  options: { env: Record<string, string>; cwd?: string; input?: string },
): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: options.env,
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

/** runs `node dist/bin.js args` with a clean environment: no token unless given, no colour settings */
export function runCli(args: string[], home: TempHome, options: RunOptions = {}): Promise<CliRun> {
  return runNode(cliBin, args, {
    env: cliEnv(home, options.env),
    cwd: options.cwd ?? home.home,
    ...(options.input === undefined ? {} : { input: options.input }),
  });
}

/** an emulator started once per file and reset before each test */
export function useEmulator(): { readonly emulator: Emulator; readonly url: string } {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(async () => {
    await emulator?.close();
  });
  beforeEach(() => {
    emulator?.reset();
  });
  return {
    get emulator() {
      if (!emulator) throw new Error("the emulator has not started");
      return emulator;
    },
    get url() {
      if (!emulator) throw new Error("the emulator has not started");
      return emulator.url;
    },
  };
}

/** the requests the emulator logged, read through GET /__emulator/requests */
export function loggedRequests(url: string): Promise<LoggedRequest[]> {
  return emulatorHooks(url).requests();
}

/** the logged requests as "METHOD /path" lines */
export async function requestLines(url: string): Promise<string[]> {
  return (await loggedRequests(url)).map((r) => `${r.method} ${r.path}`);
}

/** runs the binary on a pseudo-terminal (util-linux `script`); stdout and stderr arrive mixed, as a person sees them */
export function runCliOnTerminal(args: string[], home: TempHome, options: RunOptions = {}): Promise<CliRun> {
  const quoted = [process.execPath, cliBin, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(" ");
  return new Promise((resolvePromise, reject) => {
    const child = spawn("script", ["-qfec", quoted, "-E", "never", "/dev/null"], { env: cliEnv(home, options.env) });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, stdout: output, stderr: "" }));
    child.stdin.end(options.input ?? "");
  });
}

/** a fake OBS started once per file; `requests()` lists only what the current test sent */
export function useFakeObs(options: FakeObsOptions = {}): {
  readonly obs: FakeObs;
  readonly url: string;
  requests(): FakeRequest[];
} {
  let obs: FakeObs | undefined;
  let seen = 0;
  const running = () => {
    if (!obs) throw new Error("the fake OBS has not started");
    return obs;
  };
  beforeAll(async () => {
    obs = await startFakeObs(options);
  });
  afterAll(async () => {
    await obs?.close();
  });
  beforeEach(() => {
    seen = obs?.requests().length ?? 0;
  });
  afterEach(() => {
    obs?.setDelay(0);
  });
  return {
    get obs() {
      return running();
    },
    get url() {
      return running().url;
    },
    requests: () => running().requests().slice(seen),
  };
}
