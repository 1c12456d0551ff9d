import { AsyncLocalStorage } from 'node:async_hooks';

/** One running task whose stray errors are routed back to it. */
interface Scope {
  fail: (error: unknown) => void;
}

const scopes = new AsyncLocalStorage<Scope>();
let running = 0;

/**
 * The `uncaughtException` listener, installed only while a task runs. An
 * error thrown from a callback (png-js inside a zlib callback, a pdfkit
 * stream listener) carries the async context of the task that scheduled it,
 * so it rejects that task instead of ending the process. Anything else is
 * left to the process as if this listener were not there.
 */
function onUncaughtException(error: unknown, origin: NodeJS.UncaughtExceptionOrigin): void {
  const scope = scopes.getStore();
  if (scope) {
    scope.fail(error);
    return;
  }
  if (process.listenerCount('uncaughtException') > 1) return;
  // We are the only listener, so Node would have crashed: do what it does.
  const described =
    error instanceof Error ? (error.stack ?? String(error)) : `Uncaught ${String(error)}`;
  process.stderr.write(`${described}\n(${origin})\n`);
  process.exit(1);
}

/**
 * Runs `task` so that an error thrown from a callback it scheduled (or a
 * promise it left unhandled) rejects the returned promise, mapped through
 * `wrapStray`, instead of killing the process. The task's own rejections
 * pass through unchanged. Only the first failure counts: the task's
 * remaining callbacks are abandoned (react-pdf has no way to cancel them).
 */
export function captureAsyncErrors<T>(
  task: () => Promise<T>,
  wrapStray: (error: unknown) => unknown,
): Promise<T> {
  if (running++ === 0) process.on('uncaughtException', onUncaughtException);
  let settled = false;
  return new Promise<T>((resolve, reject) => {
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      if (--running === 0) process.off('uncaughtException', onUncaughtException);
      outcome();
    };
    const scope: Scope = { fail: (error) => finish(() => reject(wrapStray(error))) };
    scopes.run(scope, () => {
      let work: Promise<T>;
      try {
        work = task();
      } catch (error) {
        work = Promise.reject(error);
      }
      work.then(
        (value) => finish(() => resolve(value)),
        (error: unknown) => finish(() => reject(error)),
      );
    });
  });
}
