// the local Pulsoid API the host tests talk to
import { startEmulator } from "@pulsekit/emulator";

/** starts the emulator on a free port of 127.0.0.1 */
export function startHostEmulator() {
  return startEmulator({ port: 0 });
}
