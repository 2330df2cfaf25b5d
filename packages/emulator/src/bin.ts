#!/usr/bin/env node
import { parseArgs } from "node:util";
import { ALL_SCOPES } from "./scopes.js";
import { startEmulator } from "./server.js";

const usage = `Usage: pulsekit-emulator [--port N] [--host ADDRESS] [--data FILE]

Starts a local Pulsoid API (and OAuth device flow) for tests and demos.
  --port N        port to listen on (default 0: a free port)
  --host ADDRESS  address to listen on (default 127.0.0.1)
  --data FILE     keep widgets and tokens in FILE across restarts
`;

async function main(): Promise<void> {
  let values: { port?: string; host?: string; data?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: "string" },
        host: { type: "string" },
        data: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`pulsekit-emulator: ${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`pulsekit-emulator: --port must be a whole number from 0 to 65535, got "${values.port}"\n`);
    process.exit(2);
  }
  const emulator = await startEmulator({ port, host: values.host, dataFile: values.data });
  const token = emulator.seedToken({ scopes: [...ALL_SCOPES] });
  process.stdout.write(
    [
      `Pulsoid emulator listening on ${emulator.url}`,
      `PULSOID_API_URL=${emulator.url}`,
      `PULSOID_OAUTH_URL=${emulator.url}`,
      `PULSOID_TOKEN=${token}`,
      `(the token has the scopes ${ALL_SCOPES.join(", ")}; stop with Ctrl+C)`,
      "",
    ].join("\n"),
  );
  const stop = (signal: string) => {
    process.stderr.write(`pulsekit-emulator: ${signal} received, closing\n`);
    emulator.close().then(
      () => process.exit(0),
      (error: Error) => {
        process.stderr.write(`pulsekit-emulator: could not close cleanly: ${error.message}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: Error) => {
  process.stderr.write(`pulsekit-emulator: could not start: ${error.message}\n`);
  process.exit(1);
});
