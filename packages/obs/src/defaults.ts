/** where OBS's WebSocket server listens unless the streamer changed it */
export const DEFAULT_OBS_URL = "ws://127.0.0.1:4455";

/** how long connecting and every request of one call may take together */
export const DEFAULT_DEADLINE_MS = 10_000;

/** the OBS input kind of a browser source */
export const BROWSER_SOURCE_KIND = "browser_source";

/**
 * the size of a new widget source: room for the heart and a three-digit bpm at a readable stream size,
 * wide rather than tall like the widget itself; the page is transparent, so spare room shows nothing
 */
export const WIDGET_SOURCE_SIZE = { width: 400, height: 200 } as const;

/** OBS's own default browser-source css: a transparent page, no margin, no scroll bars */
export const TRANSPARENT_PAGE_CSS = "body { background-color: rgba(0, 0, 0, 0); margin: 0px auto; overflow: hidden; }";

/** the environment variables apps read OBS's address and password from */
export const OBS_ENV = { url: "OBS_WEBSOCKET_URL", password: "OBS_WEBSOCKET_PASSWORD" } as const;
