import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findJsonProblem, lineAndColumn } from "./json-position.js";

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe("findJsonProblem", () => {
  it("points at the first character that breaks the grammar", () => {
    expect(findJsonProblem("feedface-0000")).toEqual({ offset: 1, endedEarly: false });
    expect(findJsonProblem("private notes")).toEqual({ offset: 0, endedEarly: false });
    expect(findJsonProblem('{"a": 1,}')).toEqual({ offset: 8, endedEarly: false });
    expect(findJsonProblem('{\n  "a": tru\n}')).toEqual({ offset: 12, endedEarly: false });
    expect(findJsonProblem('{"a": [1, 2')).toEqual({ offset: 11, endedEarly: true });
    expect(findJsonProblem("")).toEqual({ offset: 0, endedEarly: true });
  });

  it("finds nothing wrong in valid JSON", () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(findJsonProblem(text)).toBeUndefined();
        expect(findJsonProblem(`\n ${JSON.stringify(JSON.parse(text), null, 2)}\t`)).toBeUndefined();
      }),
    );
  });

  it("agrees with JSON.parse on what is valid", () => {
    const nearlyJson = fc
      .array(fc.constantFrom(...'{}[],:"\\ \n0123456789.-+eEtruefalsnl abc\u0001'.split("")), { maxLength: 24 })
      .map((chars) => chars.join(""));
    fc.assert(
      fc.property(
        fc.oneof(
          nearlyJson,
          fc.json().map((text) => text.slice(0, -1)),
        ),
        (text) => {
          expect(findJsonProblem(text) === undefined, JSON.stringify(text)).toBe(parses(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("lineAndColumn", () => {
  it("counts from 1", () => {
    expect(lineAndColumn("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
  });
});
