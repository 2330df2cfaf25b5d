import { type Emulator, startEmulator } from "@pulsekit/emulator";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createPulsoidClient, type PulsoidClientOptions } from "../src/index.js";

/** one emulator per test file, reset after every test */
export function useEmulator(): {
  readonly emulator: Emulator;
  client(options?: Partial<PulsoidClientOptions>, scopes?: string[]): ReturnType<typeof createPulsoidClient>;
  token(scopes?: string[]): string;
} {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterEach(() => emulator?.reset());
  afterAll(async () => emulator?.close());
  const running = () => {
    if (!emulator) throw new Error("emulator not started");
    return emulator;
  };
  return {
    get emulator() {
      return running();
    },
    token: (scopes = ["widgets:read", "widgets:update"]) => running().seedToken({ scopes }),
    client(options = {}, scopes = ["widgets:read", "widgets:update"]) {
      return createPulsoidClient({
        token: running().seedToken({ scopes }),
        baseUrl: running().url,
        retry: { retries: 3, minDelayMs: 5, maxDelayMs: 20 },
        ...options,
      });
    },
  };
}

/** the API requests the emulator saw, as method + path */
export function apiCalls(emulator: Emulator): string[] {
  return emulator.requests().map((request) => `${request.method} ${request.path}`);
}
