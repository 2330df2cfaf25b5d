import { expect } from "vitest";

/** one ```ts block of a README, under the nearest heading above it */
export interface ReadmeExample {
  heading: string;
  /** 1-based line of the opening fence, for messages */
  line: number;
  code: string;
  /** the text after `// →` on each console.log line, in order */
  expected: string[];
}

const FENCE = /^```(\S*)\s*$/;
const HEADING = /^#{1,6}\s+(.*)$/;
const PRINTS = /^\s*console\.log\(.*\);\s*\/\/ → (.+)$/;

/** every ```ts block in a markdown text; any console.log line without a `// →` comment is an error */
export function readmeExamples(markdown: string): ReadmeExample[] {
  const examples: ReadmeExample[] = [];
  const lines = markdown.split("\n");
  let heading = "";
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const fence = FENCE.exec(line);
    if (!fence) {
      heading = HEADING.exec(line)?.[1]?.trim() ?? heading;
      continue;
    }
    const start = index;
    const body: string[] = [];
    for (index++; index < lines.length && lines[index] !== "```"; index++) body.push(lines[index] ?? "");
    if (fence[1] !== "ts" && fence[1] !== "typescript") continue;
    const expected = body.map((text, offset) => {
      if (!text.includes("console.log(")) return undefined;
      const prints = PRINTS.exec(text)?.[1];
      if (prints === undefined) throw new Error(`README line ${start + offset + 2}: console.log without "// → value"`);
      return prints;
    });
    examples.push({
      heading,
      line: start + 1,
      code: body.join("\n"),
      expected: expected.filter((text) => text !== undefined),
    });
  }
  return examples;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** a `// →` comment as a value to compare with toEqual; in a string, `…` matches any text */
export function expectedValue(comment: string): unknown {
  // the comment is a JavaScript literal written in the README; evaluating it is the point
  const value: unknown = new Function(`return (${comment});`)();
  return withWildcards(value);
}

function withWildcards(value: unknown): unknown {
  if (typeof value === "string" && value.includes("…")) {
    return expect.stringMatching(new RegExp(`^${value.split("…").map(escapeRegExp).join(".+")}$`, "s"));
  }
  if (Array.isArray(value)) return value.map(withWildcards);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withWildcards(item)]));
  }
  return value;
}
