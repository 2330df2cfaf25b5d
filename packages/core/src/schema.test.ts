import { describe, expect, it } from "vitest";
import { PulsoidError } from "./errors.js";
import {
  basicBpmConfigurationSchema,
  errorBodySchema,
  isHexColor,
  tokenValidationSchema,
  widgetListResponseSchema,
  widgetSchema,
} from "./schema.js";
import {
  parseAccessToken,
  parseConfigurationJson,
  validateConfiguration,
  validateWidgetId,
  validateWidgetName,
} from "./validate.js";

function inputError(run: () => unknown): PulsoidError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PulsoidError);
    return error as PulsoidError;
  }
  throw new Error("expected an invalid_input error");
}

describe("basic BPM configuration", () => {
  it("accepts the documented keys", () => {
    const config = {
      heartEnabled: false,
      heartColor: "#FF0000FF",
      ranges: [{ from: 60, to: 100, color: "#00FF00AA" }],
      font: "Roboto",
    };
    expect(validateConfiguration(config)).toEqual(config);
  });

  it("keeps unknown keys through a round trip", () => {
    const config = { heartEnabled: true, shadow: { blur: 3 }, theme: "neon" };
    expect(validateConfiguration(config)).toEqual(config);
  });

  it.each([
    ["#FF0000", "six digits"],
    ["red", "a word"],
    ["#GG0000FF", "non-hex digits"],
    ["FF0000FF", "no #"],
    [12, "a number"],
  ])("rejects heartColor %j (%s) naming the field", (heartColor, _why) => {
    const error = inputError(() => validateConfiguration({ heartColor }));
    expect(error.kind).toBe("invalid_input");
    expect(error.field).toBe("configuration.heartColor");
    expect(error.message).toContain("#RRGGBBAA");
  });

  it("rejects heartEnabled that is not a boolean", () => {
    const error = inputError(() => validateConfiguration({ heartEnabled: "yes" }));
    expect(error.field).toBe("configuration.heartEnabled");
    expect(error.message).toContain("true or false");
  });

  it("rejects a range whose from is above its to", () => {
    const error = inputError(() => validateConfiguration({ ranges: [{ from: 150, to: 90, color: "#FFFFFFFF" }] }));
    expect(error.field).toBe("configuration.ranges[0]");
    expect(error.message).toContain("from <= to");
  });

  it.each([
    [{ from: -1, to: 90, color: "#FFFFFFFF" }, "configuration.ranges[0].from", "at least 0"],
    [{ from: 60, to: 301, color: "#FFFFFFFF" }, "configuration.ranges[0].to", "at most 300"],
    [{ from: 60, to: 90, color: "blue" }, "configuration.ranges[0].color", "#RRGGBBAA"],
    [{ from: "60", to: 90, color: "#FFFFFFFF" }, "configuration.ranges[0].from", "beats per minute"],
  ])("rejects an implausible range %j", (range, field, rule) => {
    const error = inputError(() => validateConfiguration({ ranges: [range] }));
    expect(error.field).toBe(field);
    expect(error.message).toContain(rule);
  });

  it("accepts a range where from equals to", () => {
    expect(() => validateConfiguration({ ranges: [{ from: 80, to: 80, color: "#FFFFFFFF" }] })).not.toThrow();
  });

  it("rejects ranges that are not a list", () => {
    expect(inputError(() => validateConfiguration({ ranges: {} })).field).toBe("configuration.ranges");
  });

  it("rejects an empty font", () => {
    expect(inputError(() => validateConfiguration({ font: "" })).field).toBe("configuration.font");
  });

  it.each([null, [], "text", 3])("rejects a configuration that is not an object: %j", (value) => {
    const error = inputError(() => validateConfiguration(value));
    expect(error.field).toBe("configuration");
    expect(error.message).toContain("object");
  });

  it("rejects values JSON cannot carry", () => {
    const error = inputError(() => validateConfiguration({ big: 1n }));
    expect(error.field).toBe("configuration.big");
    expect(error.message).toContain("plain JSON");
  });

  it("does not apply basic BPM rules to other widget types", () => {
    const config = { heartColor: "red" };
    expect(validateConfiguration(config, "f0654a12-3a59-4beb-b567-c5febda19c48")).toEqual(config);
  });

  it("the schema itself passes unknown keys through", () => {
    expect(basicBpmConfigurationSchema.parse({ extra: [1, 2] })).toEqual({ extra: [1, 2] });
  });
});

describe("configuration JSON", () => {
  it("parses and validates", () => {
    expect(parseConfigurationJson('{"heartEnabled":false}')).toEqual({ heartEnabled: false });
  });

  it("names the configuration when the JSON is broken", () => {
    const error = inputError(() => parseConfigurationJson("{heartEnabled: false"));
    expect(error.field).toBe("configuration");
    expect(error.message).toMatch(/not valid JSON/);
  });

  it("names the field when the JSON is valid but the value is not", () => {
    expect(inputError(() => parseConfigurationJson('{"heartColor":"#123"}')).field).toBe("configuration.heartColor");
  });
});

describe("widget name", () => {
  it("trims surrounding space", () => {
    expect(validateWidgetName("  Stream overlay ")).toBe("Stream overlay");
  });

  it.each([
    ["", "must not be empty"],
    ["   ", "must not be empty"],
    ["x".repeat(101), "at most 100"],
    ["bad\u0007name", "control characters"],
    [42, "text"],
  ])("rejects %j", (name, rule) => {
    const error = inputError(() => validateWidgetName(name));
    expect(error.field).toBe("name");
    expect(error.message).toContain(rule);
  });
});

describe("widget id", () => {
  it("accepts a uuid", () => {
    expect(validateWidgetId("a9b9768c-b907-40b7-9530-ae515d8df6b0")).toBe("a9b9768c-b907-40b7-9530-ae515d8df6b0");
  });

  it.each(["", "../token/validate", "a b", 5])("rejects %j", (id) => {
    expect(inputError(() => validateWidgetId(id)).field).toBe("id");
  });
});

describe("entities from Pulsoid", () => {
  const widget = {
    id: "a9b9768c-b907-40b7-9530-ae515d8df6b0",
    meta_id: "bf6bdf21-10a7-4a28-97ec-a239e6c77f8b",
    configuration: { heartEnabled: false },
    name: "Test",
  };

  it("reads the documented widget", () => {
    expect(widgetSchema.parse(widget)).toEqual(widget);
  });

  it("reads both list shapes", () => {
    expect(widgetListResponseSchema.parse({ widgets: [widget] })).toEqual([widget]);
    expect(widgetListResponseSchema.parse([widget])).toEqual([widget]);
  });

  it.each([null, [], "text", 3])("refuses a widget whose configuration is not an object: %j", (configuration) => {
    expect(widgetSchema.safeParse({ ...widget, configuration }).success).toBe(false);
  });

  it("keeps widgets of other types", () => {
    const other = { ...widget, meta_id: "f0654a12-3a59-4beb-b567-c5febda19c48", configuration: { anything: 1 } };
    expect(widgetListResponseSchema.parse({ widgets: [widget, other] })).toHaveLength(2);
  });

  it("reads the validate response and drops an echoed token", () => {
    const parsed = tokenValidationSchema.parse({
      token: "secret-token-value",
      client_id: "c1",
      expires_in: 3600,
      profile_id: null,
      scopes: ["widgets:read"],
    });
    expect(parsed).toEqual({ client_id: "c1", expires_in: 3600, profile_id: null, scopes: ["widgets:read"] });
    expect(JSON.stringify(parsed)).not.toContain("secret-token-value");
  });

  it("reads scopes given as one comma-separated string", () => {
    const parsed = tokenValidationSchema.parse({
      client_id: "c",
      expires_in: 1,
      scopes: "widgets:read,widgets:update",
    });
    expect(parsed.scopes).toEqual(["widgets:read", "widgets:update"]);
  });

  it("reads error codes given as a number or a string", () => {
    expect(errorBodySchema.parse({ error_code: 7010, error_message: "x" }).error_code).toBe("7010");
    expect(errorBodySchema.parse({ error_code: "7010", error_message: "x" }).error_code).toBe("7010");
  });

  it("tells colours apart", () => {
    expect(isHexColor("#A1B2C3D4")).toBe(true);
    expect(isHexColor("#A1B2C3")).toBe(false);
  });
});

describe("parseAccessToken", () => {
  it("trims a pasted token", () => {
    expect(parseAccessToken("  abc-123\n")).toBe("abc-123");
  });

  it.each([
    ["", /^token is empty: paste the access token \(create one at pulsoid\.net\/ui\/keys\)\.$/],
    ["abc def", /^token has spaces or line breaks: copy only the token itself\.$/],
    ["x".repeat(600), /^token is too long to be a Pulsoid access token: copy only the token itself\.$/],
    [42, /^token must be text\. Fix token and try again\.$/],
  ])("refuses %j naming the field and what to do", (input, message) => {
    let error: unknown;
    try {
      parseAccessToken(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ kind: "invalid_input", field: "token", message: expect.stringMatching(message) });
  });
});

describe("parseConfigurationJson", () => {
  it("says where the JSON breaks without quoting the text, which may be a token file", () => {
    let error: unknown;
    try {
      parseConfigurationJson('{"heartEnabled": true,\n  s3cr3t-t0ken}');
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ kind: "invalid_input", field: "configuration" });
    expect((error as Error).message).toMatch(/^configuration is not valid JSON at line 2, column 3\./);
    expect((error as Error).message).not.toContain("s3cr3t");
  });
});
