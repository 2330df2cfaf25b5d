import * as vscode from "vscode";

/** turns a line into one that can be written: every secret hidden */
export type Redaction = (text: string, secrets: ReadonlySet<string>) => string;

/**
 * the `Pulsoid` output channel: one line per request, tokens never written. It is made at activation, so it
 * imports nothing from core: the commands bundle hands it core's request format and redaction when it loads,
 * before any token can reach it
 */
export class RequestLogger implements vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;
  private readonly secrets = new Set<string>();
  private redact: Redaction = (text) => text;

  constructor() {
    this.channel = vscode.window.createOutputChannel("Pulsoid", { log: true });
  }

  /** from now on every line goes through this redaction */
  redactWith(redaction: Redaction): void {
    this.redact = redaction;
  }

  /** a value that must never reach the log, such as the current token */
  forget(secret: string): void {
    this.secrets.add(secret);
  }

  /** one request's line; a failed request is a warning */
  request(line: string, failed: boolean): void {
    if (failed) this.channel.warn(this.clean(line));
    else this.channel.info(this.clean(line));
  }

  /** a line about something other than a request */
  info(message: string): void {
    this.channel.info(this.clean(message));
  }

  /** an error with its sentence */
  error(message: string): void {
    this.channel.error(this.clean(message));
  }

  private clean(text: string): string {
    return this.redact(text, this.secrets);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
