import { randomBytes, randomInt } from "node:crypto";

/** where a device authorization stands */
export type DeviceStatus = "pending" | "approved" | "denied" | "used";

/** one device authorization request (RFC 8628) */
export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  clientId: string;
  scopes: string[];
  /** seconds between polls; grows by 5 on each slow_down */
  interval: number;
  /** epoch milliseconds */
  expiresAt: number;
  /** epoch milliseconds of the last token poll */
  lastPollAt: number | null;
  status: DeviceStatus;
}

// no vowels and no look-alike characters, as RFC 8628 section 6.1 suggests
const userCodeAlphabet = "BCDFGHJKLMNPQRSTVWXZ";

function newUserCode(): string {
  const pick = () => userCodeAlphabet[randomInt(userCodeAlphabet.length)];
  const part = () => Array.from({ length: 4 }, pick).join("");
  return `${part()}-${part()}`;
}

/** upper-cases a typed code and puts the dash back: "bcdf ghjk" becomes "BCDF-GHJK" */
export function normalizeUserCode(input: string): string {
  const letters = input.toUpperCase().replace(/[^A-Z]/g, "");
  return letters.length === 8 ? `${letters.slice(0, 4)}-${letters.slice(4)}` : input.trim().toUpperCase();
}

/** pending and finished device authorizations */
export interface DeviceRegistry {
  start(input: { clientId: string; scopes: string[]; interval: number; expiresIn: number }): DeviceAuthorization;
  byDeviceCode(deviceCode: string): DeviceAuthorization | undefined;
  byUserCode(userCode: string): DeviceAuthorization | undefined;
  clear(): void;
}

/** creates an empty registry */
export function createDeviceRegistry(): DeviceRegistry {
  const devices = new Map<string, DeviceAuthorization>();
  return {
    start({ clientId, scopes, interval, expiresIn }) {
      let userCode = newUserCode();
      while ([...devices.values()].some((d) => d.userCode === userCode)) userCode = newUserCode();
      const device: DeviceAuthorization = {
        deviceCode: randomBytes(24).toString("base64url"),
        userCode,
        clientId,
        scopes,
        interval,
        expiresAt: Date.now() + expiresIn * 1000,
        lastPollAt: null,
        status: "pending",
      };
      devices.set(device.deviceCode, device);
      return device;
    },
    byDeviceCode: (deviceCode) => devices.get(deviceCode),
    byUserCode(userCode) {
      const wanted = normalizeUserCode(userCode);
      return [...devices.values()].find((d) => d.userCode === wanted);
    },
    clear() {
      devices.clear();
    },
  };
}
