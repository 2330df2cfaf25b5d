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

/** how many device authorizations the registry keeps unless told otherwise */
export const DEFAULT_MAX_DEVICE_AUTHORIZATIONS = 1000;

/** pending and finished device authorizations, the newest `maxDevices` of them */
export interface DeviceRegistry {
  /** adds an authorization; when full, expired ones go first, then the oldest */
  start(input: { clientId: string; scopes: string[]; interval: number; expiresIn: number }): DeviceAuthorization;
  byDeviceCode(deviceCode: string): DeviceAuthorization | undefined;
  byUserCode(userCode: string): DeviceAuthorization | undefined;
  clear(): void;
}

/** creates an empty registry that keeps at most `maxDevices` authorizations */
export function createDeviceRegistry(maxDevices = DEFAULT_MAX_DEVICE_AUTHORIZATIONS): DeviceRegistry {
  // both maps hold the same objects in start order, so the first entry is the oldest
  const byDeviceCode = new Map<string, DeviceAuthorization>();
  const byUserCode = new Map<string, DeviceAuthorization>();
  const remove = (device: DeviceAuthorization) => {
    byDeviceCode.delete(device.deviceCode);
    byUserCode.delete(device.userCode);
  };
  const makeRoom = () => {
    if (byDeviceCode.size < maxDevices) return;
    const now = Date.now();
    for (const device of byDeviceCode.values()) if (device.expiresAt <= now) remove(device);
    for (const device of byDeviceCode.values()) {
      if (byDeviceCode.size < maxDevices) break;
      remove(device);
    }
  };
  return {
    start({ clientId, scopes, interval, expiresIn }) {
      makeRoom();
      let userCode = newUserCode();
      while (byUserCode.has(userCode)) userCode = newUserCode();
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
      byDeviceCode.set(device.deviceCode, device);
      byUserCode.set(device.userCode, device);
      return device;
    },
    byDeviceCode: (deviceCode) => byDeviceCode.get(deviceCode),
    byUserCode: (userCode) => byUserCode.get(normalizeUserCode(userCode)),
    clear() {
      byDeviceCode.clear();
      byUserCode.clear();
    },
  };
}
