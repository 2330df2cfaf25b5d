import { describe, expect, it } from "vitest";
import { CLIENT_ID_SENTENCE, signInCodeMessage, TOKEN_SOURCE_SENTENCE } from "./sign-in-text";

describe("sign-in wording", () => {
  it("explains the client ID in one sentence: what it is, where to register, which setting", () => {
    expect(CLIENT_ID_SENTENCE.split(". ")).toHaveLength(1);
    expect(CLIENT_ID_SENTENCE).toContain("https://pulsoid.net/ui/api-clients");
    expect(CLIENT_ID_SENTENCE).toContain("pulsekit.oauthClientId");
  });

  it("says where a token comes from and that it needs the BRO plan", () => {
    expect(TOKEN_SOURCE_SENTENCE).toContain("https://pulsoid.net/ui/keys");
    expect(TOKEN_SOURCE_SENTENCE).toContain("BRO");
  });

  it("shows the code and links the approval page", () => {
    const line = signInCodeMessage(
      { userCode: "ABCD-1234", verificationUri: "https://pulsoid.net/activate" },
      "https://pulsoid.net/activate?user_code=ABCD-1234",
    );
    expect(line).toContain("sign-in code is ABCD-1234");
    expect(line).toContain("[https://pulsoid.net/activate](https://pulsoid.net/activate?user_code=ABCD-1234)");
  });
});
