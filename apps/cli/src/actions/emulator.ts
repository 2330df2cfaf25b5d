import { startEmulator } from "@pulsekit/emulator";
import { CliError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";
import type { Output } from "../output.js";
import { setVariablesLines } from "../shells.js";

function waitForStop(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.removeListener("SIGINT", stop);
      process.removeListener("SIGTERM", stop);
      resolve(signal);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

/** `emulator`: starts the local Pulsoid, prints its URL and a token, runs until Ctrl-C */
export async function runEmulator(out: Output, options: { port: number; data?: string }): Promise<void> {
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator({ port: options.port, ...(options.data ? { dataFile: options.data } : {}) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "EADDRINUSE" ? "the port is in use" : error instanceof Error ? error.message : String(error);
    throw new CliError(`Could not start the emulator (${reason}); pick another port with --port.`, ExitCode.failed);
  }
  try {
    // every documented scope, so the token also works for whatever else a user tries. It is the emulator's own,
    // made up for this run and unknown to Pulsoid, so it is shown to be pasted
    const token = emulator.seedToken();
    const variables = { PULSOID_API_URL: emulator.url, PULSOID_OAUTH_URL: emulator.url, PULSOID_TOKEN: token };
    out.result({ url: emulator.url, token }, () =>
      [
        `Pulsoid emulator running at ${emulator.url}`,
        `Token: ${token} (works only with this emulator)`,
        "",
        "Use it from another terminal, in your shell:",
        ...setVariablesLines(variables),
      ].join("\n"),
    );
    out.info("Press Ctrl-C to stop the emulator.");
    await waitForStop();
  } finally {
    await emulator.close();
  }
  out.info("Emulator stopped.");
}
