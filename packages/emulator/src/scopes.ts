/** every scope Pulsoid documents */
export const ALL_SCOPES = [
  "widgets:read",
  "widgets:update",
  "data:heart_rate:read",
  "data:heart_rate:write",
  "data:statistics:read",
  "profile:read",
  "profile:create",
  "data:room:read",
] as const;

/** one documented Pulsoid scope */
export type Scope = (typeof ALL_SCOPES)[number];

/** the basic BPM widget, the only meta id the create endpoint accepts */
export const BASIC_BPM_META_ID = "bf6bdf21-10a7-4a28-97ec-a239e6c77f8b";

/** splits a scope parameter on commas and whitespace (the docs mention both separators) */
export function parseScopeList(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((scope) => scope.trim())
    .filter((scope) => scope.length > 0);
}

/** true when the name is one of the documented scopes */
export function isKnownScope(name: string): name is Scope {
  return (ALL_SCOPES as readonly string[]).includes(name);
}
