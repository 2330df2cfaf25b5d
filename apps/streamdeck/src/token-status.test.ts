import { type PulsoidClient, PulsoidError, type TokenValidation } from "@pulsekit/core";
import { describe, expect, it } from "vitest";
import { tokenStatus } from "./token-status.js";

/** a client whose validateToken answers or fails as told */
function clientAnswering(answer: string[] | PulsoidError): PulsoidClient {
  const validateToken = async (): Promise<TokenValidation> => {
    if (answer instanceof PulsoidError) throw answer;
    return { client_id: "c", expires_in: 3600, profile_id: "p", scopes: answer };
  };
  return { validateToken } as unknown as PulsoidClient;
}

describe("tokenStatus", () => {
  it("says Signed in when the token has widgets:update", async () => {
    expect(await tokenStatus(clientAnswering(["widgets:read", "widgets:update"]))).toMatchObject({
      state: "signed_in",
      headline: "Signed in",
      missingScopes: [],
    });
  });

  it("names the missing scope", async () => {
    expect(await tokenStatus(clientAnswering(["widgets:read"]))).toMatchObject({
      state: "signed_in",
      headline: "Signed in, missing widgets:update",
      missingScopes: ["widgets:update"],
    });
  });

  it("tells a refused token from an unreachable Pulsoid", async () => {
    const refused = await tokenStatus(clientAnswering(new PulsoidError("unauthorized", "The token was refused.")));
    expect(refused).toMatchObject({ state: "refused", headline: "Token refused" });
    const offline = await tokenStatus(clientAnswering(new PulsoidError("network", "Pulsoid could not be reached.")));
    expect(offline).toMatchObject({ state: "unreachable", headline: "Pulsoid unreachable" });
  });
});
