// text from Pulsoid (widget names, ids, error messages) must not drive the terminal it is printed on

// ECMA-48 escape sequences in their 7-bit (ESC …) and 8-bit (C1) forms: CSI with its parameters and
// final byte; OSC, DCS, SOS, PM and APC strings up to BEL or ST; any other ESC with its final byte
const ESCAPE_SEQUENCE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d-\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[ -/]*[0-~]?/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
const LINE_BREAKS_AND_TABS = /[\t\n\v\f\r]+/g;
const JSON_UNESCAPED_CONTROL = /[\u007f-\u009f]/g;

/** text without escape sequences and control characters; tabs and line breaks stay */
export function plainText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(CONTROL, "");
}

/** text for one line or one table cell: plainText with tabs and line breaks turned into a space */
export function plainLine(text: string): string {
  return plainText(text.replace(ESCAPE_SEQUENCE, "").replace(LINE_BREAKS_AND_TABS, " "));
}

/**
 * plainText that keeps these exact sequences (the colours pulsekit itself adds) and removes every other
 * one; text from Pulsoid goes through plainLine first, so none of these come from it
 */
export function plainTextKeeping(kept: readonly string[], text: string): string {
  if (kept.length === 0) return plainText(text);
  const escaped = kept.map((sequence) => sequence.replace(/[[\]\\^$.|?*+(){}]/g, "\\$&"));
  const pieces = text.split(new RegExp(`(${escaped.join("|")})`));
  return pieces.map((piece, i) => (i % 2 === 1 ? piece : plainText(piece))).join("");
}

/** JSON text (indented by 2 unless told otherwise) with DEL and C1 escaped too, which JSON.stringify leaves raw */
export function jsonText(data: unknown, indent = 2): string {
  return JSON.stringify(data, null, indent).replace(
    JSON_UNESCAPED_CONTROL,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
