import { DEFAULT_OBS_URL } from "./defaults.js";

/** the address to dial and the same address safe to show: no user name or password in it */
export interface ObsAddress {
  url: string;
  shown: string;
}

/** checks that `url` is a ws:// or wss:// address; undefined means OBS's default */
export function readObsAddress(url: string | undefined): ObsAddress | { invalid: string } {
  const raw = url?.trim() || DEFAULT_OBS_URL;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return { invalid: raw.replace(/\/\/[^/@]*@/, "//") };
  }
  if (parsed.username || parsed.password) {
    parsed.username = "";
    parsed.password = "";
  }
  const shown = parsed.href.replace(/\/$/, "");
  if (parsed.protocol !== "ws:" && parsed.protocol !== "wss:") return { invalid: shown };
  return { url: raw, shown };
}
