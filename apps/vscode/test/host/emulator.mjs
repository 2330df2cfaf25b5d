// the local Pulsoid API the host tests talk to
import { startEmulator } from "@pulsekit/emulator";

/** starts the emulator on a free port */
export function startHostEmulator() {
  // 127.0.0.2 (still loopback): code-server rewrites links to localhost and 127.0.0.1 through its port proxy
  return startEmulator({ port: 0, host: "127.0.0.2" });
}
