import { describe, expect, it } from "vitest";
import { jsonText, plainLine, plainText, plainTextKeeping } from "./terminal-text.js";

describe("terminal text", () => {
  it("removes CSI, OSC and other escape sequences in 7-bit and 8-bit form", () => {
    expect(plainText("a\u001b[2Jb\u001b[38;5;196mc\u001b[0m")).toBe("abc");
    expect(plainText("a\u001b]0;title\u0007b\u001b]8;;https://x.example\u001b\\c")).toBe("abc");
    expect(plainText("a\u009b31mb\u009d52;c;Zm9v\u009cc")).toBe("abc");
    expect(plainText("a\u001bPq#0;2;0;0;0\u001b\\b\u001b7c\u001b(Bd")).toBe("abcd");
    expect(plainText("ends in an open OSC\u001b]0;never closed")).toBe("ends in an open OSC");
  });

  it("removes C0 (but tab and newline), DEL and C1 characters", () => {
    expect(plainText("a\u0000b\u0007c\bd\re\u007ff\u0085g\u0084h")).toBe("abcdefgh");
    expect(plainText("one\ttwo\nthree")).toBe("one\ttwo\nthree");
  });

  it("keeps every other character, emoji and accents included", () => {
    expect(plainText("Herz ❤️ café – 100 % [ok] ~x~")).toBe("Herz ❤️ café – 100 % [ok] ~x~");
  });

  it("turns tabs and line breaks into one space for a single line", () => {
    expect(plainLine("a\tb\r\nc\u001b[2Jd")).toBe("a b cd");
  });

  it("keeps only the exact sequences it is told to keep", () => {
    expect(plainTextKeeping(["\u001b[31m", "\u001b[39m"], "\u001b[31merror:\u001b[39m x\u001b[2J\u001b[32my")).toBe(
      "\u001b[31merror:\u001b[39m xy",
    );
  });

  it("JSON text escapes every control character and parses back to the same value", () => {
    const value = { name: "a\u001b[2J\u0007\u007f\u0085\u009b\tb\n" };
    const text = jsonText(value);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for raw control characters
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
