import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createKeyFeedback } from "./key-feedback.js";

describe("createKeyFeedback", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const key = () => {
    const titles: (string | undefined)[] = [];
    return { titles, id: "k", setTitle: async (title?: string) => void titles.push(title) };
  };

  it("animates progress until stopped", () => {
    const k = key();
    const stop = createKeyFeedback({ progressIntervalMs: 100 }).progress(k);
    vi.advanceTimersByTime(250);
    stop();
    vi.advanceTimersByTime(1000);
    expect(k.titles).toEqual(["Creating", "Creating.", "Creating.."]);
  });

  it("shows a result title and clears it after a few seconds", async () => {
    const k = key();
    await createKeyFeedback({ resultTitleMs: 3000 }).result(k, "Retry");
    vi.advanceTimersByTime(2999);
    expect(k.titles).toEqual(["Retry"]);
    vi.advanceTimersByTime(1);
    expect(k.titles).toEqual(["Retry", undefined]);
  });

  it("does not clear the title of a press that started since", async () => {
    const k = key();
    const feedback = createKeyFeedback({ resultTitleMs: 3000, progressIntervalMs: 10_000 });
    await feedback.result(k, "Retry");
    vi.advanceTimersByTime(1000);
    feedback.progress(k);
    vi.advanceTimersByTime(5000);
    expect(k.titles).toEqual(["Retry", "Creating"]);
  });
});
