// the local Pulsoid API the host tests talk to
import * as emulator from "@pulsekit/emulator";

/** starts the emulator on a free port */
export async function startHostEmulator() {
  if (typeof emulator.startEmulator !== "function") {
    // todo(emulator): remove once @pulsekit/emulator exports startEmulator
    return { url: "http://127.0.0.1:9", close: async () => undefined };
  }
  return emulator.startEmulator({ port: 0 });
}
