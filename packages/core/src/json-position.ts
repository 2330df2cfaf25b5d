/** where a JSON text stops being valid: the offset, and whether the text simply ended too early */
export interface JsonProblem {
  offset: number;
  endedEarly: boolean;
}

class Stop {
  constructor(readonly offset: number) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * the first place this text breaks the JSON grammar, found by reading it rather than from JSON.parse's
 * message, which quotes the text; undefined when the text is valid JSON or nested too deep to read
 */
export function findJsonProblem(text: string): JsonProblem | undefined {
  let at = 0;
  const space = () => {
    while (at < text.length && " \t\n\r".includes(text.charAt(at))) at++;
  };
  const expect = (char: string) => {
    if (text.charAt(at) !== char) throw new Stop(at);
    at++;
  };
  const word = (literal: string) => {
    for (const char of literal) expect(char);
  };
  const string = () => {
    expect('"');
    for (;;) {
      if (at >= text.length) throw new Stop(at);
      const code = text.charCodeAt(at);
      if (code === 0x22) {
        at++;
        return;
      }
      if (code < 0x20) throw new Stop(at);
      if (code === 0x5c) {
        ESCAPE.lastIndex = at;
        if (!ESCAPE.test(text)) throw new Stop(at);
        at = ESCAPE.lastIndex;
      } else at++;
    }
  };
  const list = (close: string, item: () => void) => {
    at++;
    space();
    if (text.charAt(at) === close) {
      at++;
      return;
    }
    for (;;) {
      item();
      space();
      if (text.charAt(at) === close) {
        at++;
        return;
      }
      expect(",");
      space();
    }
  };
  const value = (): void => {
    space();
    const char = text.charAt(at);
    if (char === "{") {
      list("}", () => {
        string();
        space();
        expect(":");
        value();
      });
    } else if (char === "[") list("]", value);
    else if (char === '"') string();
    else if (char === "t") word("true");
    else if (char === "f") word("false");
    else if (char === "n") word("null");
    else {
      NUMBER.lastIndex = at;
      if (!NUMBER.test(text)) throw new Stop(at);
      at = NUMBER.lastIndex;
    }
  };
  try {
    value();
    space();
    if (at < text.length) throw new Stop(at);
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) return undefined;
    return { offset: error.offset, endedEarly: error.offset >= text.length };
  }
}

/** line and column (both from 1) of an offset in text */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
