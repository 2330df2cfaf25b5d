import { isPulsoidError, type PulsoidError } from "../src/index.js";

/** the PulsoidError a call fails with; fails the test when it succeeds or throws something else */
export async function rejection(promise: Promise<unknown>): Promise<PulsoidError> {
  try {
    await promise;
  } catch (error) {
    if (isPulsoidError(error)) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}
