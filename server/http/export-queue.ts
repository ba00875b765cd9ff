import { ProblemError } from '../errors.ts';

export interface ExportQueue {
  /** Runs `work` once every export queued before it has finished. */
  run<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * Runs exports one at a time in this process, in arrival order: an export holds its document in
 * memory, so concurrent ones would add up. Past `maxWaiting` queued exports, a new one is refused
 * with a 503 rather than waiting minutes.
 */
export function createExportQueue(options: { maxWaiting: number }): ExportQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  return {
    run(work) {
      if (waiting >= options.maxWaiting) {
        throw new ProblemError(503, 'service-unavailable', {
          detail: 'Many exports are being made right now. Please try again in a minute.',
          headers: { 'Retry-After': '60' },
        });
      }
      waiting += 1;
      const result = tail.then(() => {
        waiting -= 1;
        return work();
      });
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
