import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPulsoidClient, isPulsoidError, validateConfiguration } from "../src/index.js";
import { useEmulator } from "./emulator.js";

const ctx = useEmulator();

const byte = fc.integer({ min: 0, max: 255 }).map((n) => n.toString(16).padStart(2, "0").toUpperCase());
const color = fc.tuple(byte, byte, byte, byte).map((parts) => `#${parts.join("")}`);
const bpm = fc.double({ min: 0, max: 300, noNaN: true });
const range = fc
  .record({ a: bpm, b: bpm, color })
  .map(({ a, b, color }) => ({ from: Math.min(a, b), to: Math.max(a, b), color }));
const KNOWN = new Set(["heartEnabled", "heartColor", "ranges", "font"]);
/** JSON with no `__proto__` key at any depth (a configuration with one is refused, see schema.test.ts) */
const hasProtoKey = (value: unknown): boolean =>
  typeof value === "object" &&
  value !== null &&
  (Object.hasOwn(value, "__proto__") || Object.values(value).some(hasProtoKey));
const unknownKeys = fc.dictionary(
  fc.string({ minLength: 1 }).filter((key) => !KNOWN.has(key) && key !== "__proto__"),
  fc.jsonValue({ maxDepth: 2 }).filter((value) => !hasProtoKey(value)),
  { maxKeys: 4 },
);
/** any configuration the basic BPM schema accepts */
const validConfiguration = fc
  .tuple(
    fc.record(
      {
        heartEnabled: fc.boolean(),
        heartColor: color,
        ranges: fc.array(range, { maxLength: 4 }),
        font: fc.string({ minLength: 1, maxLength: 20 }),
      },
      { requiredKeys: [] },
    ),
    unknownKeys,
  )
  .map(([known, unknown]) => ({ ...unknown, ...known }));

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

describe("properties", () => {
  it("any accepted configuration survives create, then list, unchanged", async () => {
    const client = ctx.client({ rateLimit: false });
    await fc.assert(
      fc.asyncProperty(validConfiguration, async (configuration) => {
        expect(() => validateConfiguration(configuration)).not.toThrow();
        const created = await client.createWidget({ name: "Property", configuration });
        const listed = (await client.listWidgets()).find((widget) => widget.id === created.id);
        expect(listed?.configuration).toEqual(asJson(configuration));
      }),
      { numRuns: 60 },
    );
  });

  it("junk given to the client's inputs ends in invalid_input without a request, or in a normal call", async () => {
    let calls = 0;
    let posts = 0;
    const echo: typeof fetch = async (_input, init) => {
      calls++;
      if (init?.method === "GET") {
        return new Response(JSON.stringify({ widgets: [] }), { headers: { "content-type": "application/json" } });
      }
      posts++;
      const body = JSON.parse(String(init?.body));
      const widget = {
        id: "w1",
        meta_id: body.meta_id ?? "m",
        name: body.name ?? "n",
        configuration: body.configuration,
      };
      return new Response(JSON.stringify({ widget }), { status: 200, headers: { "content-type": "application/json" } });
    };
    const client = createPulsoidClient({
      token: "junk-test",
      baseUrl: "http://127.0.0.1:9",
      fetch: echo,
      rateLimit: false,
    });
    const junk = fc.oneof(fc.anything(), fc.jsonValue(), fc.string());
    await fc.assert(
      fc.asyncProperty(junk, junk, junk, junk, async (name, configuration, metaId, id) => {
        for (const call of [
          () => client.createWidget({ name, configuration, metaId } as never),
          () => client.createWidget(name as never),
          () => client.updateWidget(id as never, configuration as never),
        ]) {
          calls = 0;
          posts = 0;
          try {
            await call();
            expect(posts).toBe(1);
          } catch (error) {
            expect(isPulsoidError(error) && error.kind).toBe("invalid_input");
            expect(calls).toBe(0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("junk client options end in invalid_input", () => {
    fc.assert(
      fc.property(fc.anything(), (token) => {
        try {
          createPulsoidClient({ token } as never);
        } catch (error) {
          expect(isPulsoidError(error) && error.kind).toBe("invalid_input");
        }
      }),
    );
  });
});
