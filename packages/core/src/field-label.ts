/** what a user calls each field they can get wrong; a configuration key keeps its JSON name in brackets */
const LABELS: Readonly<Record<string, string>> = {
  name: "the widget name",
  preset: "the preset",
  token: "the access token",
  id: "the widget id",
  widget: "the widget",
  configuration: "the configuration",
  "configuration.heartEnabled": "the heart switch (heartEnabled)",
  "configuration.heartColor": "the heart colour (heartColor)",
  "configuration.ranges": "the heart-rate ranges (ranges)",
  "configuration.font": "the font (font)",
};

const RANGE_PARTS: Readonly<Record<string, string>> = {
  from: "the lowest bpm",
  to: "the highest bpm",
  color: "the colour",
};

/**
 * a field path (`configuration.ranges[1].color`) in a user's words (`the colour of range 2 (ranges[1].color)`);
 * a path PulseKit has no words for is named as it is
 */
export function fieldLabel(field: string): string {
  const known = LABELS[field];
  if (known) return known;
  const range = /^configuration\.ranges\[(\d+)\](?:\.(\w+))?$/.exec(field);
  if (range) {
    const [, index = "0", part] = range;
    const which = `range ${Number(index) + 1}`;
    const path = field.slice("configuration.".length);
    const partLabel = part ? RANGE_PARTS[part] : undefined;
    if (!part) return `heart-rate ${which} (${path})`;
    return partLabel ? `${partLabel} of ${which} (${path})` : `${path} in the configuration`;
  }
  if (field.startsWith("configuration.")) return `${field.slice("configuration.".length)} in the configuration`;
  return field;
}

/** the label to start a sentence with: words get a capital letter, a path PulseKit has no words for stays as it is */
export function fieldLabelSentenceStart(field: string): string {
  const label = fieldLabel(field);
  return label === field ? label : label.charAt(0).toUpperCase() + label.slice(1);
}
