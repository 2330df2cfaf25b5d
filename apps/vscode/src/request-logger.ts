import type { RequestEvent } from "@pulsekit/core";
import * as vscode from "vscode";
import { formatRequestEvent, redact } from "./request-log";

/** the `Pulsoid` output channel: one line per request, tokens never written */
export class RequestLogger implements vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;
  private readonly secrets = new Set<string>();

  constructor() {
    this.channel = vscode.window.createOutputChannel("Pulsoid", { log: true });
  }

  /** a value that must never reach the log, such as the current token */
  forget(secret: string): void {
    this.secrets.add(secret);
  }

  /** the client's onRequest hook */
  readonly onRequest = (event: RequestEvent): void => {
    const line = this.clean(formatRequestEvent(event));
    if (event.errorKind || (event.status ?? 0) >= 400) this.channel.warn(line);
    else this.channel.info(line);
  };

  /** a line about something other than a request */
  info(message: string): void {
    this.channel.info(this.clean(message));
  }

  /** an error with its sentence */
  error(message: string): void {
    this.channel.error(this.clean(message));
  }

  private clean(text: string): string {
    return redact(text, [...this.secrets]);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
