/** Exit codes of the `groundwork-pdf` command. */
export const EXIT = {
  /** The PDF was written. */
  ok: 0,
  /** Bad input: an invalid brand kit or report, an unknown document id or route, an unreadable input file. */
  badInput: 1,
  /** Bad usage: unknown command or option, missing argument. */
  usage: 2,
  /** The renderer failed on valid input (a bug: please report it). */
  renderFailed: 3,
  /** The output file could not be written. */
  writeFailed: 4,
} as const;

/** A failure with the exit code it maps to. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
