import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import {
  PdfRenderFailure,
  type PdfRenderTask,
  type PdfRenderer,
  type RenderOutcome,
} from '../app/lib/documents/pdf-renderer.server';

/** Most worker threads RENDER_THREADS may ask for. */
export const MAX_RENDER_THREADS = 16;

/**
 * How many render threads to run: RENDER_THREADS when set (0 renders on the
 * request thread), else one per CPU core, at most 4.
 */
export function parseRenderThreads(
  value: string | undefined,
  cores: number = availableParallelism(),
): number {
  if (value === undefined || value.trim() === '') return Math.max(1, Math.min(4, cores));
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads < 0 || threads > MAX_RENDER_THREADS) {
    throw new Error(
      `RENDER_THREADS must be a whole number from 0 to ${MAX_RENDER_THREADS} (got "${value}")`,
    );
  }
  return threads;
}

/** A pool of worker threads that render PDFs off the request thread. */
export interface RenderPool extends PdfRenderer {
  readonly threads: number;
  /** Renders these tasks and drops the PDFs, so each worker has compiled the renderer before real requests arrive. */
  warm(tasks: PdfRenderTask[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts `threads` workers running `filename` (build/render-worker.js, whose
 * default export answers a task with a {@link RenderOutcome}). A failed render
 * rejects with a {@link PdfRenderFailure} of its kind; a worker that dies
 * (exits, runs out of memory, throws outside the render) rejects its task as
 * `worker-crashed` and piscina starts a replacement, so the pool keeps its
 * size. Tasks queue when every worker is busy.
 */
export function createRenderPool({
  filename,
  threads,
}: {
  filename: string;
  threads: number;
}): RenderPool {
  if (!(Number.isInteger(threads) && threads >= 1)) {
    throw new RangeError(`threads must be a whole number of at least 1 (got ${threads})`);
  }
  const pool = new Piscina<PdfRenderTask, RenderOutcome>({
    filename,
    minThreads: threads,
    maxThreads: threads,
    // Workers stay up: starting one costs loading react-pdf and its fonts again.
    idleTimeout: Number.POSITIVE_INFINITY,
    // A render allocates tens of MB of short-lived objects: a larger young
    // generation lets them die there instead of in slower major collections.
    resourceLimits: { maxYoungGenerationSizeMb: 64 },
  });
  const render = async (task: PdfRenderTask): Promise<Uint8Array> => {
    let outcome: RenderOutcome;
    try {
      outcome = await pool.run(task);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new PdfRenderFailure(
        { kind: 'worker-crashed', message: `The render worker stopped: ${reason}` },
        { cause },
      );
    }
    if (!outcome.ok) throw new PdfRenderFailure(outcome.failure);
    return outcome.bytes;
  };
  return {
    threads,
    render,
    async warm(tasks) {
      await Promise.all(tasks.map(render));
    },
    close: () => pool.destroy(),
  };
}
