import { openWebSocketWith, type PulsoidError } from "@pulsekit/core";
import WebSocket from "ws";
import { CliError } from "../cli-error.js";
import type { CliContext } from "../context.js";
import { ExitCode } from "../exit-codes.js";
import { clockTime, createWatchNarrator, latestLine, readingJson, watchLine } from "../heart-rate-view.js";
import { abortOnInterrupt } from "../interrupt.js";
import type { Output } from "../output.js";
import { endpoints, heartRateSource, signedIn } from "../session.js";

/** what `heart-rate` was given */
export interface HeartRateOptions {
  watch?: boolean;
}

// after Ctrl-C the stream closes in well under a second; this is the most a dead network may hold the exit
const EXIT_GRACE_MS = 2000;

/** `heart-rate`: the latest reading, or with --watch every reading until Ctrl-C */
export async function heartRate(ctx: CliContext, out: Output, options: HeartRateOptions): Promise<void> {
  if (options.watch) await watchHeartRate(ctx, out);
  else await showLatest(ctx, out);
}

/** the latest reading Pulsoid holds, with how old it is; exit 1 when there is none yet (412) */
async function showLatest(ctx: CliContext, out: Output): Promise<void> {
  const { client } = signedIn(ctx, out);
  // core names the missing permission (data:heart_rate:read) when the token lacks it
  const reading = await abortOnInterrupt((signal) => client.getLatestHeartRate({ signal }));
  if (!reading) {
    throw new CliError(
      "Pulsoid has no heart-rate reading from this account yet: the sensor has sent nothing. Start the Pulsoid app with your sensor on, then try again, or run `pulsekit heart-rate --watch` to wait for the first reading.",
      ExitCode.failed,
    );
  }
  const shown = reading;
  out.result(readingJson(shown), () => latestLine(shown));
}

/**
 * every reading as it arrives (stdout), with a notice on stderr when readings stop or the connection drops and
 * when they come back; network trouble never ends it. A refused token, a missing permission or no plan ends
 * it with core's message; Ctrl-C ends it with exit code 130
 */
async function watchHeartRate(ctx: CliContext, out: Output): Promise<void> {
  const source = heartRateSource(ctx, out, openWebSocketWith(WebSocket));
  const narrate = createWatchNarrator();
  let readings = 0;
  const notice = (text: string, problem: boolean) =>
    out.info(`${clockTime(Date.now())}  ${problem ? out.style("yellow", text) : text}`);
  out.info(`Watching the heart rate on ${endpoints(ctx).apiBaseUrl}; Ctrl-C stops.`);

  // settles with core's error when Pulsoid refuses, or with undefined on Ctrl-C
  let settle: (error: PulsoidError | undefined) => void = () => {};
  const ended = new Promise<PulsoidError | undefined>((resolve) => {
    settle = resolve;
  });
  const onInterrupt = () => {
    // a second Ctrl-C, or a close the network never answers, does not hold the exit
    process.once("SIGINT", () => process.exit(ExitCode.interrupted));
    setTimeout(() => process.exit(ExitCode.interrupted), EXIT_GRACE_MS).unref();
    settle(undefined);
  };
  process.once("SIGINT", onInterrupt);
  const unsubscribe = source.subscribe((state) => {
    const step = narrate(state);
    if (step.kind === "reading") {
      if (step.notice) notice(step.notice, false);
      readings += 1;
      out.result(readingJson(step.reading), () => watchLine(step.reading));
    } else if (step.kind === "notice") {
      notice(step.notice, step.problem);
      if (state.state === "reconnecting" && state.error) out.debug(state.error.message);
    } else if (step.kind === "end") {
      settle(step.error);
    }
  });
  let refused: PulsoidError | undefined;
  try {
    refused = await ended;
  } finally {
    process.removeListener("SIGINT", onInterrupt);
    unsubscribe();
  }
  if (refused) throw refused;
  out.info(`Stopped after ${readings} ${readings === 1 ? "reading" : "readings"}.`);
  ctx.exitCode = ExitCode.interrupted;
}
