import { DEFAULT_API_URL, DEFAULT_OAUTH_URL } from "@pulsekit/core";
import type { Ui } from "./ui/ui";

/** the settings that say where PulseKit talks to Pulsoid */
export type HostSetting = "apiBaseUrl" | "oauthBaseUrl";

const PULSOID_HOSTS: Record<HostSetting, string> = { apiBaseUrl: DEFAULT_API_URL, oauthBaseUrl: DEFAULT_OAUTH_URL };

/** true when the address is Pulsoid's own host for this setting (a trailing slash or :443 aside) */
export function isPulsoidHost(setting: HostSetting, url: string): boolean {
  try {
    const address = new URL(url);
    return address.origin === new URL(PULSOID_HOSTS[setting]).origin && address.pathname === "/" && !address.search;
  } catch {
    return false;
  }
}

/** the warning for an address that is not Pulsoid's, in plain words; undefined for Pulsoid's own */
export function hostNotice(setting: HostSetting, url: string): string | undefined {
  if (isPulsoidHost(setting, url)) return undefined;
  return setting === "apiBaseUrl"
    ? `PulseKit is sending your Pulsoid token to ${url} instead of Pulsoid (setting pulsekit.apiBaseUrl). Change it back if you did not mean to.`
    : `PulseKit is signing you in through ${url} instead of Pulsoid (setting pulsekit.oauthBaseUrl) and will use the token it hands out. Change it back if you did not mean to.`;
}

/** warns once per window for each setting and address that is not Pulsoid's, without holding up the command */
export class HostNotices {
  private readonly shown = new Set<string>();

  constructor(
    private readonly openSetting: (id: string) => unknown,
    private readonly log: (message: string) => void = () => {},
  ) {}

  /** shows the warning for this address unless it was shown in this window already */
  check(ui: Pick<Ui, "showMessage">, setting: HostSetting, url: string): void {
    const message = hostNotice(setting, url);
    const key = `${setting} ${url}`;
    if (!message || this.shown.has(key)) return;
    this.shown.add(key);
    this.log(message);
    void ui.showMessage("warning", message, "Open Settings").then((choice) => {
      if (choice === "Open Settings") return this.openSetting(`pulsekit.${setting}`);
      return undefined;
    });
  }
}
