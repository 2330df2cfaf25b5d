import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { WALKTHROUGH_ID } from "../../src/command-ids";
import { WIDGET_ITEM_CONTEXT } from "../../src/view/widget-node";

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}
const root = new URL("../../", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
const contributes = manifest.contributes;
const menus: Record<string, MenuEntry[]> = contributes.menus;
const shipped = readFileSync(new URL(".vscodeignore", root), "utf8")
  .split("\n")
  .filter((line) => line.startsWith("!"))
  .map((line) => new RegExp(`^${line.slice(1).replace(/\./g, "\\.").replace(/\*/g, "[^/]*")}$`));
const isShipped = (path: string) => shipped.some((pattern) => pattern.test(path));
const ROW_COMMANDS = ["pulsekit.widget.copyObsUrl", "pulsekit.widget.open", "pulsekit.widget.update"];

describe("the Pulsoid view in package.json", () => {
  it("sits in the activity bar with an icon that ships in the .vsix", () => {
    const [container] = contributes.viewsContainers.activitybar;
    expect(container).toMatchObject({ id: "pulsekit", title: "Pulsoid" });
    expect(existsSync(new URL(container.icon, root))).toBe(true);
    expect(isShipped(container.icon)).toBe(true);
    expect(contributes.views.pulsekit.map((view: { id: string }) => view.id)).toEqual(["pulsekit.widgets"]);
  });

  it("puts Add to OBS, Copy OBS URL, Open and Update on each widget row; all but Add to OBS only there", () => {
    const inline = menus["view/item/context"]?.filter((entry) => entry.group?.startsWith("inline")) ?? [];
    expect(inline.map((entry) => entry.command)).toEqual(["pulsekit.addToObs", ...ROW_COMMANDS]);
    for (const entry of inline)
      expect(entry.when).toBe(`view == pulsekit.widgets && viewItem == ${WIDGET_ITEM_CONTEXT}`);
    const palette = menus.commandPalette ?? [];
    for (const id of ROW_COMMANDS) expect(palette).toContainEqual({ command: id, when: "false" });
  });

  it("has Create Widget and Refresh in the view's title bar, each with an icon", () => {
    const title = menus["view/title"]?.filter((entry) => entry.group?.startsWith("navigation")) ?? [];
    expect(title.map((entry) => entry.command)).toEqual(["pulsekit.createWidget", "pulsekit.refreshWidgets"]);
    for (const { command } of title) {
      const contributed = contributes.commands.find((c: { command: string }) => c.command === command);
      expect(contributed?.icon).toMatch(/^\$\(/);
    }
  });

  it("offers Sign Out only while signed in and Sign In only while signed out", () => {
    expect(menus.commandPalette).toContainEqual({ command: "pulsekit.signOut", when: "pulsekit.signedIn" });
    expect(menus.commandPalette).toContainEqual({ command: "pulsekit.signIn", when: "!pulsekit.signedIn" });
  });

  it("welcomes a signed-out user with Sign In and Set Access Token, saying what each needs", () => {
    const welcome = contributes.viewsWelcome.find(
      (entry: { view: string; when: string }) =>
        entry.view === "pulsekit.widgets" && entry.when === "!pulsekit.signedIn",
    );
    expect(welcome.contents).toContain("[Sign In](command:pulsekit.signIn)");
    expect(welcome.contents).toContain("[Set Access Token](command:pulsekit.setToken)");
    expect(welcome.contents).toContain("pulsekit.oauthClientId");
    expect(welcome.contents).toContain("https://pulsoid.net/ui/api-clients");
    expect(welcome.contents).toContain("https://pulsoid.net/ui/keys");
    expect(welcome.contents).toContain("BRO");
  });

  it("names only commands it contributes in its menus", () => {
    const ids = new Set(contributes.commands.map((c: { command: string }) => c.command));
    for (const entries of Object.values(menus)) for (const { command } of entries) expect(ids).toContain(command);
  });
});

describe("the Get Started walkthrough", () => {
  const [walkthrough] = contributes.walkthroughs;

  it("is the one Pulsoid: Get Started opens", () => {
    expect(`${manifest.publisher}.${manifest.name}#${walkthrough.id}`).toBe(WALKTHROUGH_ID);
  });

  it("walks sign-in, create and OBS, each step completing on what the user did", () => {
    const steps = walkthrough.steps as { id: string; completionEvents: string[]; media: Record<string, string> }[];
    expect(steps.map((step) => step.id)).toEqual(["signIn", "createWidget", "addToObs", "openView"]);
    expect(steps[0]?.completionEvents).toEqual(["onContext:pulsekit.signedIn"]);
    expect(steps[1]?.completionEvents).toEqual(["onContext:pulsekit.hasWidgets"]);
    expect(steps[2]?.completionEvents).toContain("onCommand:pulsekit.widget.copyObsUrl");
    for (const step of steps) {
      const media = step.media.markdown ?? step.media.image;
      expect(media && existsSync(new URL(media, root)), `${step.id} media ${media}`).toBe(true);
      expect(isShipped(media as string), `${media} is in the .vsix`).toBe(true);
    }
  });

  it("tells how to put the widget in OBS: Browser source, the URL, width and height", () => {
    const obs = readFileSync(new URL("media/walkthrough/add-to-obs.md", root), "utf8");
    for (const words of ["**Browser**", "**URL**", "**Width**", "**Height**"]) expect(obs).toContain(words);
    const image = /\]\(([^)]+\.svg)\)/.exec(obs)?.[1];
    expect(image && isShipped(`media/walkthrough/${image}`)).toBe(true);
  });
});

describe("the live heart rate in package.json", () => {
  it("has its setting, off by default and read from user settings only", () => {
    expect(contributes.configuration.properties["pulsekit.heartRate.statusBar"]).toMatchObject({
      type: "boolean",
      default: false,
      scope: "application",
    });
  });

  it("has Toggle Heart Rate in Status Bar and Show Heart Rate in the Pulsoid category", () => {
    const titles = Object.fromEntries(
      contributes.commands.map((c: { command: string; title: string; category: string }) => [
        c.command,
        `${c.category}: ${c.title}`,
      ]),
    );
    expect(titles["pulsekit.toggleHeartRate"]).toBe("Pulsoid: Toggle Heart Rate in Status Bar");
    expect(titles["pulsekit.showHeartRate"]).toBe("Pulsoid: Show Heart Rate");
  });
});

describe("Add Widget to OBS in package.json", () => {
  const properties = contributes.configuration.properties;

  it("reads OBS's address from a machine setting that untrusted workspaces cannot set", () => {
    expect(properties["pulsekit.obs.url"]).toMatchObject({
      type: "string",
      default: "ws://127.0.0.1:4455",
      scope: "machine",
    });
    expect(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations).toContain("pulsekit.obs.url");
  });

  it("has no setting for the password: it lives in SecretStorage", () => {
    expect(Object.keys(properties).filter((key) => /password/i.test(key))).toEqual([]);
  });

  it("has the commands in the Pulsoid category, Forget OBS Password only while one is kept", () => {
    const titles = Object.fromEntries(
      contributes.commands.map((c: { command: string; title: string; category: string }) => [
        c.command,
        `${c.category}: ${c.title}`,
      ]),
    );
    expect(titles["pulsekit.addToObs"]).toBe("Pulsoid: Add Widget to OBS");
    expect(titles["pulsekit.addToObsScene"]).toBe("Pulsoid: Add Widget to OBS Scene…");
    expect(titles["pulsekit.forgetObsPassword"]).toBe("Pulsoid: Forget OBS Password");
    expect(menus.commandPalette).toContainEqual({
      command: "pulsekit.forgetObsPassword",
      when: "pulsekit.obsPasswordStored",
    });
  });

  it("puts both adds in a widget row's context menu", () => {
    const context = menus["view/item/context"]?.filter((entry) => !entry.group?.startsWith("inline")) ?? [];
    const commands = context.map((entry) => entry.command);
    expect(commands).toContain("pulsekit.addToObs");
    expect(commands).toContain("pulsekit.addToObsScene");
  });
});

describe("the Marketplace listing", () => {
  const readme = readFileSync(new URL("README.md", root), "utf8");
  const section = (heading: string) => {
    const start = readme.indexOf(`\n## ${heading}\n`);
    expect(start, `README has a "${heading}" section`).toBeGreaterThan(-1);
    const end = readme.indexOf("\n## ", start + 1);
    return readme.slice(start, end < 0 ? undefined : end);
  };

  it("has the fields the Marketplace page shows: icon, categories, keywords, banner, repository, licence", () => {
    expect(manifest.icon).toBe("media/icon.png");
    const icon = readFileSync(new URL(manifest.icon, root));
    // PNG signature, then the IHDR width and height: the Marketplace wants at least 128 × 128
    expect(icon.subarray(1, 4).toString()).toBe("PNG");
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(128);
    expect(icon.readUInt32BE(20)).toBe(icon.readUInt32BE(16));
    expect(isShipped(manifest.icon)).toBe(true);
    expect(manifest.categories.length).toBeGreaterThan(0);
    expect(manifest.keywords).toEqual(expect.arrayContaining(["pulsoid", "obs"]));
    // vsce refuses more than 30 keywords
    expect(manifest.keywords.length).toBeLessThanOrEqual(30);
    expect(manifest.galleryBanner).toMatchObject({ color: expect.stringMatching(/^#[0-9A-F]{6}$/i) });
    expect(manifest.repository).toMatchObject({ type: "git", url: expect.stringMatching(/^git\+https:\/\//) });
    expect(manifest.license).toBe("MIT");
    for (const file of ["README.md", "CHANGELOG.md", "LICENSE", "dist/THIRD-PARTY-NOTICES.txt"]) {
      expect(isShipped(file), `${file} ships in the .vsix`).toBe(true);
    }
    expect(existsSync(new URL("LICENSE", root))).toBe(true);
  });

  it("lists every command the palette offers in the README, by the title the palette shows", () => {
    const hidden = new Set((menus.commandPalette ?? []).filter((e) => e.when === "false").map((e) => e.command));
    const commands = section("Commands");
    for (const c of contributes.commands as { command: string; category: string; title: string }[]) {
      if (hidden.has(c.command)) continue;
      expect(commands, `${c.command} in the README's Commands`).toContain(`| ${c.category}: ${c.title} `);
    }
  });

  it("documents every setting in the README's Settings table", () => {
    const settings = section("Settings");
    for (const key of Object.keys(contributes.configuration.properties)) {
      expect(settings, `${key} in the README's Settings`).toContain(`| \`${key}\``);
    }
  });

  it("tells users how to install and sign in, and where the token lives and what goes where", () => {
    expect(section("Install")).toContain("Install from VSIX");
    expect(readme).toContain("Set Access Token");
    const privacy = section("Privacy and security");
    expect(privacy).toContain("secret storage");
    expect(privacy).toContain("What is sent where");
    expect(privacy).toMatch(/no telemetry/i);
  });

  it("has a CHANGELOG with an entry for this version or an Unreleased one", () => {
    const changelog = readFileSync(new URL("CHANGELOG.md", root), "utf8");
    expect(changelog).toMatch(new RegExp(`^## (${manifest.version.replaceAll(".", "\\.")}|Unreleased)$`, "m"));
  });
});
