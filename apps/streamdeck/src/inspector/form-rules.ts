import {
  describeError,
  getPreset,
  normalizeHexColor,
  parseAccessToken,
  parseConfigurationJson,
  renderWidgetName,
  validateConfiguration,
  validateWidgetName,
} from "@pulsekit/core";
import { DEFAULT_NAME_TEMPLATE } from "../key-settings.js";

/** a field's new value for the key's settings (undefined removes it), or the message to show next to it */
export type FieldResult = { ok: true; value: unknown } | { ok: false; error: string };

const fail = (error: unknown): FieldResult => ({ ok: false, error: describeError(error) });

/** checks what the user typed into one field, the same way a press will */
export function checkField(field: string, input: string | boolean, now = new Date()): FieldResult {
  try {
    switch (field) {
      case "preset":
        return { ok: true, value: getPreset(String(input)).id };
      case "name": {
        const template = String(input);
        if (template.trim() === "") return { ok: true, value: undefined };
        validateWidgetName(renderWidgetName(template, { counter: 1, now }));
        return { ok: true, value: template };
      }
      case "heartEnabled":
        return { ok: true, value: Boolean(input) };
      case "heartColor": {
        const color = String(input).trim();
        if (color === "") return { ok: true, value: undefined };
        validateConfiguration({ heartColor: color });
        // #RRGGBB is kept as #RRGGBBFF, the form Pulsoid stores
        return { ok: true, value: normalizeHexColor(color) };
      }
      case "configuration": {
        const text = String(input).trim();
        if (text === "") return { ok: true, value: undefined };
        return { ok: true, value: parseConfigurationJson(text) };
      }
      case "clientId": {
        const clientId = String(input).trim();
        if (/\s/.test(clientId))
          return { ok: false, error: "A client ID has no spaces: copy it again from your API client." };
        return { ok: true, value: clientId };
      }
      case "token":
        return { ok: true, value: parseAccessToken(String(input)) };
      default:
        return { ok: false, error: `Unknown field ${field}.` };
    }
  } catch (error) {
    return fail(error);
  }
}

/** the name template the key uses when the field is empty */
export const NAME_PLACEHOLDER = DEFAULT_NAME_TEMPLATE;
