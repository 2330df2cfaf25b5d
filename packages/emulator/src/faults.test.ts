import { describe, expect, it } from "vitest";
import { createFaultQueue, parseFaultSpec } from "./faults.js";

describe("createFaultQueue", () => {
  it("matches the method in any case, exact paths, and prefixes ending in *", () => {
    const queue = createFaultQueue();
    queue.add({ method: "post", path: "/api/v1/widgets/*", status: 500 });
    expect(queue.take("GET", "/api/v1/widgets/x")).toBeUndefined();
    expect(queue.take("POST", "/api/v1/widgets")).toBeUndefined();
    expect(queue.take("POST", "/api/v1/widgets/x")).toMatchObject({ status: 500, times: 0 });
    expect(queue.list()).toEqual([]);
  });

  it("uses the oldest matching fault first", () => {
    const queue = createFaultQueue();
    queue.add({ status: 500 });
    queue.add({ status: 502 });
    expect(queue.take("GET", "/a")?.status).toBe(500);
    expect(queue.take("GET", "/a")?.status).toBe(502);
    expect(queue.take("GET", "/a")).toBeUndefined();
  });
});

describe("parseFaultSpec", () => {
  it.each([
    [{ times: 0 }, "times"],
    [{ status: 99 }, "status"],
    [{ errorCode: 7005 }, "errorCode needs a status"],
    [{ path: "api" }, "path"],
    [{ malformed: "xml" }, "malformed"],
    [{ retryAfter: 5 }, "retryAfter"],
    [{ status: 204, errorCode: 7005 }, "cannot carry an error body"],
  ])("refuses %j", (spec, words) => {
    const parsed = parseFaultSpec(spec);
    expect("problem" in parsed && parsed.problem).toContain(words);
  });
});
