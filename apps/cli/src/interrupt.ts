import { ExitCode } from "./exit-codes.js";

/**
 * runs work with an AbortSignal that Ctrl-C aborts, so the request in flight ends and the command can
 * say how far it got; a second Ctrl-C exits at once
 */
export async function abortOnInterrupt<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onInterrupt = () => {
    if (controller.signal.aborted) process.exit(ExitCode.interrupted);
    controller.abort();
  };
  process.on("SIGINT", onInterrupt);
  try {
    return await work(controller.signal);
  } finally {
    process.removeListener("SIGINT", onInterrupt);
  }
}
