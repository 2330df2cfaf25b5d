import { jsonText, plainText, plainTextKeeping } from "./terminal-text.js";

/** the part of a stream pulsekit writes to */
export interface TextSink {
  write(text: string): unknown;
  isTTY?: boolean;
}

// ansi open/close pairs; util.styleText checks process.stdout rather than the stream we write to
const styles = {
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  dim: [2, 22],
  bold: [1, 22],
} as const;

type Style = keyof typeof styles;

// the only escape sequences pulsekit writes itself; every other one is removed from what it prints
const ownSequences = [...new Set(Object.values(styles).flat())].map((code) => `\u001b[${code}m`);

/** where a command's result and messages go */
export interface Output {
  /** true when the command runs with --json */
  readonly json: boolean;
  /** true when each JSON result is one compact line (a stream of readings), not an indented document */
  readonly jsonLines: boolean;
  /**
   * the command's result on stdout: JSON with --json (control characters escaped), else the human text
   * (never coloured, control characters removed)
   */
  result(data: unknown, human: () => string): void;
  /** a message for people, on stderr */
  info(message: string): void;
  /** a completed step, on stderr */
  success(message: string): void;
  /** something the user should know, on stderr */
  warn(message: string): void;
  /** the sentence that explains a failure, on stderr */
  error(message: string): void;
  /** request traces and stack traces, on stderr, only with --debug */
  debug(message: string): void;
  /** text styled for stderr; plain when colour is off. Put text from Pulsoid through plainLine first */
  style(style: Style, text: string): string;
}

/** options for createOutput */
export interface OutputOptions {
  stdout: TextSink;
  stderr: TextSink;
  json: boolean;
  /** JSON results (and a failure's JSON) as one line each */
  jsonLines?: boolean;
  debug: boolean;
  noColor: boolean;
}

/** colour only for a terminal, and never when NO_COLOR is set */
export function colourEnabled(stream: TextSink, noColor: boolean): boolean {
  return !noColor && stream.isTTY === true;
}

/** an Output writing results to stdout and everything else to stderr */
export function createOutput(options: OutputOptions): Output {
  const { stdout, stderr, json, debug } = options;
  const jsonLines = options.jsonLines === true;
  const colour = colourEnabled(stderr, options.noColor);
  const style = (name: Style, text: string) =>
    colour ? `\u001b[${styles[name][0]}m${text}\u001b[${styles[name][1]}m` : text;
  // messages carry names and sentences from Pulsoid: only pulsekit's own colours reach the terminal
  const line = (text: string) => {
    stderr.write(`${colour ? plainTextKeeping(ownSequences, text) : plainText(text)}\n`);
  };
  return {
    json,
    jsonLines,
    result(data, human) {
      if (json) {
        stdout.write(`${jsonText(data, jsonLines ? 0 : 2)}\n`);
        return;
      }
      const text = plainText(human());
      if (text !== "") stdout.write(text.endsWith("\n") ? text : `${text}\n`);
    },
    info: line,
    success: (message) => line(`${style("green", "✓")} ${message}`),
    warn: (message) => line(`${style("yellow", "warning:")} ${message}`),
    error: (message) => line(`${style("red", "error:")} ${message}`),
    debug(message) {
      if (debug) line(style("dim", message));
    },
    style,
  };
}
