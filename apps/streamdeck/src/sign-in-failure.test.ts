import { createDeviceSignIn, PulsoidError } from "@pulsekit/core";
import { describe, expect, it } from "vitest";
import { describeSignInFailure } from "./sign-in-failure.js";

const refusedClient = new PulsoidError(
  "invalid_input",
  "Pulsoid does not accept this app's OAuth client id. Check the client id setting, or set an access token instead.",
  { field: "clientId", code: "invalid_client" },
);

/** core's own error for a sign-in started with no client id */
function missingClientIdError(): unknown {
  try {
    createDeviceSignIn({ clientId: "", scopes: ["widgets:read"] });
  } catch (error) {
    return error;
  }
  throw new Error("core accepted an empty client id");
}

describe("describeSignInFailure", () => {
  it("points to the Client ID field when none is set, and offers the token instead", () => {
    const text = describeSignInFailure(missingClientIdError(), { clientIdSource: "none" });
    expect(text).toBe(
      "Sign in with Pulsoid needs a client ID: enter yours under Advanced › Client ID, or paste an access token instead.",
    );
  });

  it("names the refused client id, the field it is in and where to copy a good one", () => {
    const text = describeSignInFailure(refusedClient, { clientId: "my-app", clientIdSource: "settings" });
    expect(text).toBe(
      'Pulsoid does not accept the client ID "my-app" under Advanced › Client ID. Copy the client ID of your API client from https://pulsoid.net/ui/api-clients, or paste an access token instead.',
    );
    expect(text).not.toMatch(/client id setting/i);
  });

  it("says a refused client id came from PULSOID_CLIENT_ID, and that the field overrides it", () => {
    const text = describeSignInFailure(refusedClient, { clientId: "env-app", clientIdSource: "environment" });
    expect(text).toContain('"env-app" that PULSOID_CLIENT_ID sets on this computer');
    expect(text).toContain("Enter your own under Advanced › Client ID");
  });

  it("keeps core's sentence for everything else", () => {
    const denied = new PulsoidError(
      "unauthorized",
      "Sign-in was denied on Pulsoid. Start sign-in again and choose Allow.",
    );
    expect(describeSignInFailure(denied, { clientId: "x", clientIdSource: "settings" })).toBe(
      "Sign-in was denied on Pulsoid. Start sign-in again and choose Allow.",
    );
  });
});
