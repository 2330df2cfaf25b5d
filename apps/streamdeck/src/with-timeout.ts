/** thrown when a step took longer than it was allowed */
export class StepTimeoutError extends Error {
  override readonly name = "StepTimeoutError";
  constructor(
    readonly step: string,
    readonly ms: number,
  ) {
    super(`${step} did not answer within ${Math.round(ms / 1000)} s.`);
  }
}

/** settles like `promise`, or rejects with StepTimeoutError after `ms`; the timer never keeps the process alive */
export function withTimeout<T>(promise: Promise<T>, ms: number, step: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new StepTimeoutError(step, ms)), ms);
    timer.unref?.();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
