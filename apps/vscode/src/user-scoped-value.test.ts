import { describe, expect, it } from "vitest";
import { userScopedValue } from "./user-scoped-value";

describe("userScopedValue", () => {
  it("ignores workspace and folder values, even when they are the only ones set", () => {
    expect(
      userScopedValue({
        defaultValue: "https://dev.pulsoid.net",
        workspaceValue: "http://attacker.example",
        workspaceFolderValue: "http://attacker.example",
      }),
    ).toBe("https://dev.pulsoid.net");
  });

  it("takes the user's value over the default", () => {
    expect(
      userScopedValue({
        defaultValue: "https://dev.pulsoid.net",
        globalValue: "http://127.0.0.1:8080",
        workspaceValue: "http://attacker.example",
      }),
    ).toBe("http://127.0.0.1:8080");
  });

  it("is undefined when nothing is known about the setting", () => {
    expect(userScopedValue(undefined)).toBeUndefined();
  });
});
