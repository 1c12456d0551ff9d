/**
 * Renders that carry patient details (a consent form with a name or date)
 * must leave nothing of them in memory after they finish. While one runs,
 * the per-process memos (text shaping, hyphenation) still answer from what
 * they hold but store nothing new.
 */
let privateRenders = 0;

/** Whether per-process memos may store new entries now (no private render is running). */
export function memoisingAllowed(): boolean {
  return privateRenders === 0;
}

/** Runs `task` as a private render: memos store nothing new until it settles. */
export async function withPrivateText<T>(task: () => Promise<T>): Promise<T> {
  privateRenders += 1;
  try {
    return await task();
  } finally {
    privateRenders -= 1;
  }
}
