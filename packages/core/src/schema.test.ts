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
  validateJsonConfiguration,
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
    ["#FF000", "five digits"],
    ["red", "a word"],
    ["#GG0000FF", "non-hex digits"],
    ["FF0000FF", "no #"],
    [12, "a number"],
  ])("rejects heartColor %j (%s) naming the field", (heartColor, _why) => {
    const error = inputError(() => validateConfiguration({ heartColor }));
    expect(error.kind).toBe("invalid_input");
    expect(error.field).toBe("configuration.heartColor");
    expect(error.message).toContain("like #FF3355 or #FF3355FF");
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
    [{ from: 60, to: 90, color: "blue" }, "configuration.ranges[0].color", "like #FF3355 or #FF3355FF"],
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
    expect(isHexColor("#a1b2c3")).toBe(true);
    for (const bad of ["#A1B2C", "#A1B2C3D", "A1B2C3", "#G1B2C3", "red", 42]) expect(isHexColor(bad)).toBe(false);
  });

  it("stores #RRGGBB as #RRGGBBFF, in every colour of a configuration", () => {
    const configuration = validateConfiguration({
      heartColor: "#ff3355",
      ranges: [{ from: 0, to: 99, color: "#3FA9F5" }],
    });
    expect(configuration).toEqual({ heartColor: "#ff3355FF", ranges: [{ from: 0, to: 99, color: "#3FA9F5FF" }] });
    expect(validateConfiguration({ heartColor: "#FF335580" })).toEqual({ heartColor: "#FF335580" });
  });
});

describe("parseAccessToken", () => {
  it("trims a pasted token", () => {
    expect(parseAccessToken("  abc-123\n")).toBe("abc-123");
  });

  it.each([
    ["", /^The access token is empty: paste the access token \(create one at pulsoid\.net\/ui\/keys\)\.$/],
    ["abc def", /^The access token has spaces or line breaks: copy only the token itself\.$/],
    ["x".repeat(600), /^The access token is too long to be a Pulsoid access token: copy only the token itself\.$/],
    [42, /^The access token must be text\. Fix it and try again\.$/],
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
    expect((error as Error).message).toMatch(/^The configuration is not valid JSON at line 2, column 3\./);
    expect((error as Error).message).not.toContain("s3cr3t");
  });
});

describe("__proto__ keys", () => {
  it("are refused by name at any depth instead of vanishing from what is sent", () => {
    const nested = JSON.parse('{"extra": {"list": [{"__proto__": {"x": 1}}]}}');
    expect(() => validateConfiguration(nested)).toThrow(
      expect.objectContaining({ field: "configuration.extra.list[0].__proto__" }),
    );
    expect(() => validateJsonConfiguration(JSON.parse('{"__proto__": 1}'))).toThrow(
      expect.objectContaining({ kind: "invalid_input", field: "configuration.__proto__" }),
    );
  });
});
