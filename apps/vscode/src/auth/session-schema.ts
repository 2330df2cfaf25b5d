import * as z from "zod";
import type { StoredSession } from "./session-store";

const storedSessionSchema = z.object({
  id: z.string().min(1),
  accessToken: z.string().min(1),
  account: z.object({ id: z.string(), label: z.string() }),
  scopes: z.array(z.string()),
  rejected: z.boolean().optional(),
  savedAt: z.string(),
});

/**
 * the session as SecretStorage holds it, checked field by field; undefined when it is not one (written by an
 * older or broken version), which reads as signed out and is never deleted for it
 */
export function parseStoredSession(raw: string): StoredSession | undefined {
  try {
    const result = storedSessionSchema.safeParse(JSON.parse(raw));
    return result.success ? (result.data as StoredSession) : undefined;
  } catch {
    return undefined;
  }
}
