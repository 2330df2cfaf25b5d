/** the only widget type Pulsoid lets clients create: the basic BPM widget */
export const BASIC_BPM_META_ID = "bf6bdf21-10a7-4a28-97ec-a239e6c77f8b";

const KNOWN_WIDGET_TYPES: Record<string, string> = {
  [BASIC_BPM_META_ID]: "Heart rate (BPM)",
};

/** a short, human label for a widget's meta id; listed widgets may be of types PulseKit cannot create */
export function widgetTypeLabel(metaId: string): string {
  return KNOWN_WIDGET_TYPES[metaId] ?? "Other widget type";
}

/** true when PulseKit understands and can edit this widget's configuration */
export function isBasicBpmWidget(widget: { meta_id: string }): boolean {
  return widget.meta_id === BASIC_BPM_META_ID;
}
