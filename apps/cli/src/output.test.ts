import { describe, expect, it } from "vitest";
import { colourEnabled, createOutput } from "./output.js";

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  return { isTTY, chunks, write: (text: string) => chunks.push(text), text: () => chunks.join("") };
}

describe("output", () => {
  it("prints only JSON on stdout with --json and keeps messages on stderr", () => {
    const stdout = sink(false);
    const stderr = sink(false);
    const out = createOutput({ stdout, stderr, json: true, debug: false, noColor: false });
    out.info("working");
    out.result({ id: "w1" }, () => "human text");
    out.warn("careful");
    expect(JSON.parse(stdout.text())).toEqual({ id: "w1" });
    expect(stderr.text()).toBe("working\nwarning: careful\n");
  });

  it("prints the human text on stdout without --json", () => {
    const stdout = sink(false);
    const out = createOutput({ stdout, stderr: sink(false), json: false, debug: false, noColor: false });
    out.result({ id: "w1" }, () => "Name: w1");
    expect(stdout.text()).toBe("Name: w1\n");
  });

  it("colours stderr only on a terminal and never with NO_COLOR", () => {
    expect(colourEnabled({ isTTY: true, write: () => {} }, false)).toBe(true);
    expect(colourEnabled({ isTTY: false, write: () => {} }, false)).toBe(false);
    expect(colourEnabled({ isTTY: true, write: () => {} }, true)).toBe(false);

    const tty = sink(true);
    createOutput({ stdout: sink(true), stderr: tty, json: false, debug: false, noColor: false }).error("boom");
    expect(tty.text()).toContain("\u001b[");
    const noColour = sink(true);
    createOutput({ stdout: sink(true), stderr: noColour, json: false, debug: false, noColor: true }).error("boom");
    expect(noColour.text()).toBe("error: boom\n");
  });

  it("shows debug lines only with --debug", () => {
    const quiet = sink(false);
    createOutput({ stdout: sink(false), stderr: quiet, json: false, debug: false, noColor: false }).debug("GET /x");
    expect(quiet.text()).toBe("");
    const loud = sink(false);
    createOutput({ stdout: sink(false), stderr: loud, json: false, debug: true, noColor: false }).debug("GET /x");
    expect(loud.text()).toBe("GET /x\n");
  });

  it("removes control characters and foreign escape sequences from messages and human results", () => {
    const stdout = sink(false);
    const stderr = sink(false);
    const out = createOutput({ stdout, stderr, json: false, debug: false, noColor: false });
    out.error("bad\u001b]0;owned\u0007 request\u009b2J\u007f");
    out.result({}, () => "Name: x\u001b[2J\ty\nnext");
    expect(stderr.text()).toBe("error: bad request\n");
    expect(stdout.text()).toBe("Name: x\ty\nnext\n");
  });

  it("keeps its own colours on a terminal and removes everything else", () => {
    const tty = sink(true);
    const out = createOutput({ stdout: sink(true), stderr: tty, json: false, debug: false, noColor: false });
    out.error("a\u001b[2Jb\u001b]8;;https://x.example\u0007c");
    expect(tty.text()).toBe("\u001b[31merror:\u001b[39m abc\n");
  });

  it("escapes every control character in --json output, so the value stays exact", () => {
    const stdout = sink(false);
    const name = "a\u001b[2J\u0007\u007f\u009bb";
    createOutput({ stdout, stderr: sink(false), json: true, debug: false, noColor: false }).result({ name }, () => "");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for raw control characters
    expect(stdout.text()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(JSON.parse(stdout.text())).toEqual({ name });
  });
});
