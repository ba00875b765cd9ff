import type { DunningRun } from '../../contract/dunning.ts';
import { systemClock } from '../clock.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { jsonLogger } from '../logger.ts';
import { createMailer } from '../mail/create-mailer.ts';
import { openDatabase } from '../store/open-database.ts';
import { migrateToLatest } from '../store/migrate.ts';
import { dunningDepsOf } from './dunning-deps.ts';
import { runDunning } from './run-dunning.ts';

// `npm run dunning`: one run with the environment's settings, for a scheduler (cron, a CI job)
// instead of or besides the server's own interval. Exits 1 when a notice could not be sent; the
// next run retries it.

const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, count) => sum + count, 0);

function describeRun(run: DunningRun): string[] {
  const rows = (outcome: string, counts: Record<string, number>) =>
    Object.entries(counts).map(([step, count]) => `  ${outcome.padEnd(7)} ${step.padEnd(14)} ${count}`);
  return [`Dunning run at ${run.ranAt}: ${total(run.sent)} sent, ${total(run.failed)} failed.`, ...rows('sent', run.sent), ...rows('failed', run.failed)];
}

try {
  const config = loadConfig(process.env);
  const db = openDatabase(config);
  await migrateToLatest(db);
  const mailer = createMailer(config, db, systemClock);
  const run = await runDunning(dunningDepsOf({ db, clock: systemClock, mailer, logger: jsonLogger, config }));
  await db.destroy();
  process.stdout.write(`${describeRun(run).join('\n')}\n`);
  process.exitCode = total(run.failed) > 0 ? 1 : 0;
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`Configuration error: ${error.message}\n`);
  process.exitCode = 1;
}
