import { describe, expect, it } from "vitest";
import { clearVariableHint, setVariablesLines } from "./shells.js";

describe("setVariablesLines", () => {
  const variables = { PULSOID_API_URL: "http://127.0.0.1:8080", PULSOID_TOKEN: "abc-123" };

  it("puts bash first on Linux and macOS, then PowerShell and cmd", () => {
    expect(setVariablesLines(variables, "linux")).toEqual([
      "  bash, zsh:",
      "    export PULSOID_API_URL=http://127.0.0.1:8080 PULSOID_TOKEN=abc-123",
      "  PowerShell:",
      '    $env:PULSOID_API_URL="http://127.0.0.1:8080"; $env:PULSOID_TOKEN="abc-123"',
      "  cmd:",
      "    set PULSOID_API_URL=http://127.0.0.1:8080",
      "    set PULSOID_TOKEN=abc-123",
    ]);
    expect(setVariablesLines(variables, "darwin")[0]).toBe("  bash, zsh:");
  });

  it("puts PowerShell first on Windows", () => {
    expect(setVariablesLines(variables, "win32").filter((line) => line.endsWith(":"))).toEqual([
      "  PowerShell:",
      "  cmd:",
      "  bash, zsh:",
    ]);
  });

  it("quotes a value each shell would otherwise split or expand", () => {
    const lines = setVariablesLines({ NAME: "it's $HOME & more" }, "linux");
    expect(lines).toContain("    export NAME='it'\\''s $HOME & more'");
    expect(lines).toContain("    $env:NAME='it''s $HOME & more'");
    expect(lines).toContain('    set "NAME=it\'s $HOME & more"');
  });
});

describe("clearVariableHint", () => {
  it("names the platform's shell first and the others after", () => {
    expect(clearVariableHint("PULSOID_TOKEN", "linux")).toBe(
      "`unset PULSOID_TOKEN` (PowerShell: `$env:PULSOID_TOKEN=$null`; cmd: `set PULSOID_TOKEN=`)",
    );
    expect(clearVariableHint("PULSOID_TOKEN", "win32")).toBe(
      "`$env:PULSOID_TOKEN=$null` (cmd: `set PULSOID_TOKEN=`; bash, zsh: `unset PULSOID_TOKEN`)",
    );
  });
});
