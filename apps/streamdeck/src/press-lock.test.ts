import { describe, expect, it } from "vitest";
import { createPressLock } from "./press-lock.js";

describe("createPressLock", () => {
  it("gives one turn per key until it is released", () => {
    const lock = createPressLock();
    const release = lock.tryAcquire("a");
    expect(release).toBeTypeOf("function");
    expect(lock.tryAcquire("a")).toBeUndefined();
    expect(lock.tryAcquire("b")).toBeTypeOf("function");
    release?.();
    expect(lock.tryAcquire("a")).toBeTypeOf("function");
  });

  it("keeps the key locked through a cooldown", () => {
    let now = 1000;
    const lock = createPressLock(() => now);
    lock.tryAcquire("a")?.(1500);
    now += 1499;
    expect(lock.isBusy("a")).toBe(true);
    expect(lock.tryAcquire("a")).toBeUndefined();
    now += 1;
    expect(lock.tryAcquire("a")).toBeTypeOf("function");
  });

  it("ignores a second release of the same turn", () => {
    const lock = createPressLock();
    const first = lock.tryAcquire("a");
    first?.();
    const second = lock.tryAcquire("a");
    first?.();
    expect(lock.isBusy("a")).toBe(true);
    second?.();
    expect(lock.isBusy("a")).toBe(false);
  });
});
