import type { DunningDeps } from './dunning-deps.ts';
import { runDunning } from './run-dunning.ts';

export interface DunningInterval {
  /** Stops the interval and waits for a run in progress, so the database can be closed after it. */
  stop(): Promise<void>;
}

/**
 * Runs dunning now and then every `intervalMinutes` in this process (0: never), one run at a time
 * here; runs elsewhere (another server node, the CLI, the admin route) may overlap safely.
 */
export function startDunningInterval(deps: DunningDeps, intervalMinutes: number): DunningInterval {
  if (intervalMinutes === 0) return { stop: async () => {} };
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= runDunning(deps)
      .then(
        (run) => deps.logger.info('dunning run', { ...run }),
        (error: Error) => deps.logger.error('dunning run failed', { error: String(error), stack: error.stack }),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, intervalMinutes * 60_000);
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
