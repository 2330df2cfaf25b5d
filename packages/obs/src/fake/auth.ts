import { createHash, randomBytes } from "node:crypto";

const sha256Base64 = (text: string) => createHash("sha256").update(text).digest("base64");

/** the Identify `authentication` string: base64(sha256(base64(sha256(password + salt)) + challenge)) */
export function obsAuthString(password: string, salt: string, challenge: string): string {
  return sha256Base64(sha256Base64(password + salt) + challenge);
}

/** a fresh salt or challenge, as obs-websocket makes them */
export function randomBase64(): string {
  return randomBytes(32).toString("base64");
}
