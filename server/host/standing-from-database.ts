import { type Clock, systemClock } from '../clock.ts';
import type { PortalConfig } from '../config.ts';
import { loadAccountStanding, standingDepsOf } from '../services/account-standing.ts';
import { findCustomer } from '../store/customers.ts';
import type { PortalDb } from '../store/database.ts';
import type { StandingReader } from './standing-reader.ts';

export interface PortalDatabaseSource {
  /** The portal's own database, opened with openDatabase (or openSqliteDatabase) and migrated. */
  db: PortalDb;
  /** The portal's settings (loadConfig), for the grace period, the due-soon window and the lock minimum. */
  config: PortalConfig;
  clock?: Clock;
}

export function standingFromDatabase({ db, config, clock = systemClock }: PortalDatabaseSource): StandingReader {
  const deps = standingDepsOf({ db, clock, config });
  return {
    async getStanding(customerId) {
      const customer = await findCustomer(db, customerId);
      return customer ? loadAccountStanding(deps, customer) : null;
    },
  };
}
