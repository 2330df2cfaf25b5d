import { BASIC_BPM_META_ID } from "@pulsekit/core";
import { afterEach, describe, expect, it } from "vitest";
import { type Deck, startDeck, stopDeck } from "./setup.js";

let deck: Deck | undefined;
afterEach(async () => {
  await stopDeck(deck);
  deck = undefined;
});

const widgetPosts = (d: Deck) =>
  d.emulator.requests().filter((r) => r.method === "POST" && r.path === "/api/v1/widgets");

describe("a Create Widget key over the Stream Deck protocol", () => {
  it("creates exactly one widget with the documented POST, then shows OK and keeps the widget in the key", async () => {
    deck = await startDeck();
    const { host, emulator } = deck;
    host.globalSettings = { token: emulator.seedToken({ scopes: ["widgets:update"] }) };
    const key = host.addKey({ preset: "classic", name: "Stream {counter}" });
    host.press(key);
    await host.nextCommand("showOk", key);

    expect(emulator.requests()).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/api/v1/widgets",
        status: 200,
        body: {
          meta_id: BASIC_BPM_META_ID,
          name: "Stream 1",
          configuration: expect.objectContaining({ heartEnabled: true }),
        },
      }),
    ]);
    const [widget] = emulator.widgets();
    const titles = host.titles(key);
    expect(titles[0]).toMatch(/^Creating/);
    expect(titles.at(-1)).toBe("Created");
    const stored = host.keys.get(key)?.settings;
    expect(stored).toMatchObject({
      preset: "classic",
      name: "Stream {counter}",
      counter: 1,
      lastWidgetId: widget?.id,
      lastWidgetUrl: `https://pulsoid.net/widget/view/${widget?.id}`,
    });
    expect(widgetPosts(deck)).toHaveLength(1);
  });
});
