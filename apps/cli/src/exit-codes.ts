/** the exit codes every pulsekit command uses */
export const ExitCode = {
  /** the command did what was asked */
  ok: 0,
  /** Pulsoid (or the network) refused or failed the request */
  failed: 1,
  /** the command line or an input value was wrong */
  usage: 2,
  /** no token is stored or Pulsoid refused it */
  signedOut: 3,
  /** the user pressed Ctrl-C */
  interrupted: 130,
} as const;

/** one of the exit codes above */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
