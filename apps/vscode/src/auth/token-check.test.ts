import { describe, expect, it } from "vitest";
import { signedInMessage } from "./token-check";

describe("signedInMessage", () => {
  it("says where the token is kept when nothing is missing", () => {
    expect(signedInMessage("Pulsoid profile 1234", [])).toBe(
      "Signed in to Pulsoid as Pulsoid profile 1234. The token is kept in VS Code's secret storage.",
    );
  });

  it("names every missing scope and how to get it", () => {
    const message = signedInMessage("x", ["widgets:read", "widgets:update"]);
    expect(message).toContain("missing the scope widgets:read and widgets:update");
    expect(message).toContain("https://pulsoid.net/ui/keys");
  });
});
