import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { manifestVersion, syncStreamDeckManifest } from "../sync-versions.mjs";

const root = join(import.meta.dirname, "..", "..");
let temp;
afterEach(() => temp && rmSync(temp, { recursive: true, force: true }));

describe("sync-versions", () => {
  it("gives the Stream Deck manifest four numbers", () => {
    expect(manifestVersion("1.4.2")).toBe("1.4.2.0");
    expect(manifestVersion("2.0.0-beta.1")).toBe("2.0.0.0");
    expect(() => manifestVersion("next")).toThrow(/not a version/);
  });

  it("writes the package's version into a copy of the real manifest, keeping everything else", () => {
    temp = mkdtempSync(join(tmpdir(), "pulsekit-versions-"));
    const app = join(temp, "apps", "streamdeck");
    mkdirSync(join(app, "dev.pulsekit.widgets.sdPlugin"), { recursive: true });
    const real = join(root, "apps", "streamdeck", "dev.pulsekit.widgets.sdPlugin", "manifest.json");
    cpSync(real, join(app, "dev.pulsekit.widgets.sdPlugin", "manifest.json"));
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "pulsekit-streamdeck", version: "0.3.1" }));
    const [before, after] = syncStreamDeckManifest(temp);
    expect(after).toBe("0.3.1.0");
    const written = JSON.parse(readFileSync(join(app, "dev.pulsekit.widgets.sdPlugin", "manifest.json"), "utf8"));
    expect(written.Version).toBe("0.3.1.0");
    expect({ ...written, Version: before }).toEqual(JSON.parse(readFileSync(real, "utf8")));
  });

  it("leaves the repository's own manifest in step with its package", () => {
    const { version } = JSON.parse(readFileSync(join(root, "apps", "streamdeck", "package.json"), "utf8"));
    const manifest = JSON.parse(
      readFileSync(join(root, "apps", "streamdeck", "dev.pulsekit.widgets.sdPlugin", "manifest.json"), "utf8"),
    );
    expect(manifest.Version).toBe(manifestVersion(version));
  });
});
