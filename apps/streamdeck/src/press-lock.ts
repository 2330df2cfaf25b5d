/** hands out one turn per key: a press while the key is busy or cooling down gets nothing */
export interface PressLock {
  /** a release function when the key is free, undefined while it is busy */
  tryAcquire(context: string): ((cooldownMs?: number) => void) | undefined;
  /** true while the key is busy or cooling down */
  isBusy(context: string): boolean;
}

/** a press lock; `now` is injectable for tests */
export function createPressLock(now: () => number = Date.now): PressLock {
  // context -> time until which the key stays locked (Infinity while a press runs)
  const lockedUntil = new Map<string, number>();
  const isBusy = (context: string) => (lockedUntil.get(context) ?? 0) > now();
  return {
    isBusy,
    tryAcquire(context) {
      if (isBusy(context)) return undefined;
      lockedUntil.set(context, Number.POSITIVE_INFINITY);
      let released = false;
      return (cooldownMs = 0) => {
        if (released) return;
        released = true;
        if (cooldownMs > 0) lockedUntil.set(context, now() + cooldownMs);
        else lockedUntil.delete(context);
      };
    },
  };
}
