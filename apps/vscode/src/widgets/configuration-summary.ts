/** short descriptions of the parts of a basic BPM configuration, for the review step */
export interface ConfigurationSummary {
  heart: string;
  heartColor: string;
  ranges: string;
}

/** "shown"/"hidden", the heart colour, and the ranges in one line each */
export function summarizeConfiguration(configuration: Record<string, unknown>): ConfigurationSummary {
  const heartEnabled = configuration.heartEnabled !== false;
  const color = typeof configuration.heartColor === "string" ? configuration.heartColor : "Pulsoid's default";
  const ranges = Array.isArray(configuration.ranges) ? configuration.ranges : [];
  const rangeText =
    ranges.length === 0
      ? "none"
      : ranges
          .map((range) => {
            const r = range as { from?: unknown; to?: unknown; color?: unknown };
            return `${String(r.from)}–${String(r.to)} ${String(r.color)}`;
          })
          .join(", ");
  return { heart: heartEnabled ? "shown" : "hidden", heartColor: color, ranges: rangeText };
}

/** a file name for the configuration editor, from the widget name */
export function configurationFileName(widgetName: string): string {
  const slug = widgetName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${slug || "widget"}.pulsoid-widget.json`;
}
