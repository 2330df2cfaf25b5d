import { describe, expect, it } from "vitest";
import { checkField } from "./form-rules.js";

describe("checkField", () => {
  it("accepts a known preset and names the valid ones otherwise", () => {
    expect(checkField("preset", "zones")).toEqual({ ok: true, value: "zones" });
    const result = checkField("preset", "party");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/classic/);
  });

  it("checks the name the template renders to; empty means the default", () => {
    expect(checkField("name", "Run {counter}")).toEqual({ ok: true, value: "Run {counter}" });
    expect(checkField("name", "   ")).toEqual({ ok: true, value: undefined });
    expect(checkField("name", "x".repeat(101)).ok).toBe(false);
  });

  it("accepts #RRGGBBAA and #RRGGBB colours (kept opaque), empty meaning the preset's", () => {
    expect(checkField("heartColor", "#11223344")).toEqual({ ok: true, value: "#11223344" });
    expect(checkField("heartColor", " #A1B2C3 ")).toEqual({ ok: true, value: "#A1B2C3FF" });
    expect(checkField("heartColor", "")).toEqual({ ok: true, value: undefined });
    for (const bad of ["#12", "red", "#1122334", "#GG223344"]) {
      const result = checkField("heartColor", bad);
      expect(result.ok, bad).toBe(false);
      expect(!result.ok && result.error).toMatch(/heartColor/);
    }
  });

  it("parses the JSON overrides and says what is wrong with bad JSON", () => {
    expect(checkField("configuration", '{"font":"Inter"}')).toEqual({ ok: true, value: { font: "Inter" } });
    const result = checkField("configuration", "{font:");
    expect(!result.ok && result.error).toMatch(/not valid JSON/);
  });

  it("takes a client id without spaces, empty meaning none", () => {
    expect(checkField("clientId", " my-app ")).toEqual({ ok: true, value: "my-app" });
    expect(checkField("clientId", "")).toEqual({ ok: true, value: "" });
    expect(checkField("clientId", "my app")).toEqual({ ok: false, error: expect.stringContaining("no spaces") });
  });

  it("wants a token without spaces", () => {
    expect(checkField("token", " abc ")).toEqual({ ok: true, value: "abc" });
    expect(checkField("token", "").ok).toBe(false);
    expect(checkField("token", "a b").ok).toBe(false);
  });
});
