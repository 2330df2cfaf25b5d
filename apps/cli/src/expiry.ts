/** "in 3 days" style wording for a number of seconds from now */
export function describeExpiry(expiresInSeconds: number, now = Date.now()): string {
  if (!Number.isFinite(expiresInSeconds) || expiresInSeconds <= 0) return "expired";
  const at = new Date(now + expiresInSeconds * 1000).toISOString().slice(0, 16).replace("T", " ");
  const minutes = Math.floor(expiresInSeconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  const span =
    days >= 1 ? plural(days, "day") : hours >= 1 ? plural(hours, "hour") : plural(Math.max(minutes, 1), "minute");
  return `${at} UTC (in ${span})`;
}
