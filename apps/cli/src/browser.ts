/** true when a browser can probably be shown: an interactive terminal with a desktop session */
export function canOpenBrowser(env: NodeJS.ProcessEnv, interactive: boolean): boolean {
  if (!interactive || env.CI) return false;
  if (env.BROWSER === "none") return false;
  if (process.platform === "linux") return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
  return true;
}

/** opens url in the default browser; false when that did not work */
export async function openBrowser(url: string): Promise<boolean> {
  try {
    const { default: open } = await import("open");
    const child = await open(url);
    child.on("error", () => {});
    child.unref();
    return true;
  } catch {
    return false;
  }
}
