/**
 * One JSON log line on stderr, in the same shape as the request logs and
 * `handleError`. Callers pass identifiers and rule paths only — never form
 * values, answers or anything else a patient or user typed.
 */
export function logServerError(
  message: string,
  fields: Record<string, string | number | string[]> = {},
): void {
  process.stderr.write(
    `${JSON.stringify({ level: 50, time: Date.now(), msg: message, ...fields })}\n`,
  );
}
