import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import { migrationTableSchema } from './dialect.ts';
import * as initial from './migrations/2026-11-27-001-initial.ts';
import * as subscriptionRequests from './migrations/2026-11-27-002-subscription-requests.ts';
import * as rateLimits from './migrations/2026-11-27-003-rate-limits.ts';
import * as sandboxGateway from './migrations/2026-11-27-004-sandbox-gateway.ts';
import * as paymentAttempts from './migrations/2026-11-27-005-payment-attempts.ts';
import * as historyIndexes from './migrations/2026-11-27-006-history-indexes.ts';
import * as accountLapses from './migrations/2026-11-27-007-account-lapses.ts';

/** Migrations in order; names sort in the order they apply. Append, never edit. */
const migrations: Record<string, Migration> = {
  '2026-11-27-001-initial': initial,
  '2026-11-27-002-subscription-requests': subscriptionRequests,
  '2026-11-27-003-rate-limits': rateLimits,
  '2026-11-27-004-sandbox-gateway': sandboxGateway,
  '2026-11-27-005-payment-attempts': paymentAttempts,
  '2026-11-27-006-history-indexes': historyIndexes,
  '2026-11-27-007-account-lapses': accountLapses,
};

/** Every migration's name, in the order they apply. */
export const migrationNames = Object.keys(migrations);

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Applies every pending migration; throws with the failing migration's name. Safe when several
 * server nodes start at once: Kysely's migrator holds a lock while it migrates.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const schema = await migrationTableSchema(db);
  const migrator = new Migrator({ db, provider, ...(schema !== undefined && { migrationTableSchema: schema }) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error)}`, { cause: error });
  }
}
