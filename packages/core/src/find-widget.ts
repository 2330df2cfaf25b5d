import { closestWord } from "./closest-word.js";
import { invalidInput } from "./errors.js";
import type { Widget } from "./schema.js";

/**
 * the widget a user means by an id or a name (names in any case): an id wins; a name that several widgets
 * share is an invalid_input error (field "widget") listing them by id, and one that matches nothing suggests
 * the closest name
 */
export function findWidget(widgets: readonly Widget[], reference: string): Widget {
  const wanted = reference.trim();
  const byId = widgets.find((widget) => widget.id === wanted);
  if (byId) return byId;
  const byName = widgets.filter((widget) => widget.name.trim().toLowerCase() === wanted.toLowerCase());
  if (byName.length === 1) return byName[0] as Widget;
  if (byName.length > 1) {
    const ids = byName.map((widget) => widget.id).join(", ");
    throw invalidInput(
      "widget",
      `"${wanted}" is the name of ${byName.length} widgets (${ids}). Use the id of the one you mean.`,
    );
  }
  const guess = closestWord(
    wanted,
    widgets.map((widget) => widget.name),
  );
  const hint = guess ? ` Did you mean "${guess}"?` : "";
  throw invalidInput(
    "widget",
    `"${wanted}" is neither the id nor the name of one of your widgets.${hint} List them with their ids to pick one.`,
  );
}
