import { describe, expect, it } from "vitest";
import { dialFeedback, historySvg } from "./dial-feedback.js";
import { faceFor } from "./face.js";
import { svgFromDataUrl } from "./svg.js";
import { presetZones } from "./zones.js";

const reading = (bpm: number) => ({ bpm, measuredAt: 0, receivedAt: 0 });
const zones = presetZones();

describe("the dial's touch strip", () => {
  it("shows the number in its zone's colour, a caption and the history", () => {
    const feedback = dialFeedback(faceFor({ state: "live", reading: reading(130) }, zones), [70, 130], zones);
    expect(feedback).toMatchObject({ title: "Heart rate", value: { value: "130", color: "#7AC943" }, caption: "BPM" });
    const history = svgFromDataUrl(feedback.history);
    expect(history.match(/<rect x=/g)).toHaveLength(2);
    expect(history).toContain('fill="#3FA9F5"');
    expect(history).toContain('fill="#7AC943"');
  });

  it("puts a problem in the title and greys the history", () => {
    const feedback = dialFeedback(faceFor({ state: "signed_out" }, zones), [70, 130], zones);
    expect(feedback.title).toBe("Sign in");
    expect(feedback.value.value).toBe("--");
    expect(svgFromDataUrl(feedback.history)).not.toContain("#3FA9F5");
  });

  it("keeps the last 30 readings, newest at the right edge", () => {
    const svg = historySvg(
      Array.from({ length: 40 }, (_, i) => 60 + i),
      zones,
      false,
    );
    const xs = [...svg.matchAll(/<rect x="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(xs).toHaveLength(30);
    expect(xs[0]).toBe(0);
    expect(xs.at(-1)).toBeGreaterThan(90);
  });
});
