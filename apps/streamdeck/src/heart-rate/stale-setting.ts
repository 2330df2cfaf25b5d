/** how long the live number may stay silent before it shows as old: core's 10 s unless the environment says */
export function staleAfterMsFrom(env: Record<string, string | undefined>): number | undefined {
  // PULSEKIT_HEART_RATE_STALE_MS exists for tests, which need not wait 10 s; 500 ms to 10 min
  const value = Number(env.PULSEKIT_HEART_RATE_STALE_MS);
  return Number.isInteger(value) && value >= 500 && value <= 600_000 ? value : undefined;
}
