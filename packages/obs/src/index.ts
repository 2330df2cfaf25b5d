export {
  type AddWidgetToObsOptions,
  type AddWidgetToObsResult,
  addWidgetToObs,
  type ObsSourceSize,
  type ObsWidget,
  obsInputName,
} from "./add-widget.js";
export {
  BROWSER_SOURCE_KIND,
  DEFAULT_DEADLINE_MS,
  DEFAULT_OBS_URL,
  OBS_ENV,
  TRANSPARENT_PAGE_CSS,
  WIDGET_SOURCE_SIZE,
} from "./defaults.js";
export { isObsError, OBS_ERROR_KINDS, ObsError, type ObsErrorDetails, type ObsErrorKind } from "./errors.js";
export { listObsScenes, type ObsScenes } from "./list-scenes.js";
export type { ObsConnectionOptions } from "./session.js";
