import type { AccountStanding } from '../../contract/standing.ts';
import { type PortalDatabaseSource, standingFromDatabase } from './standing-from-database.ts';
import { type PortalApiSource, standingOverHttp } from './standing-over-http.ts';

/** How a host backend asks the portal whether an account may use the product. */
export interface StandingReader {
  /**
   * The account's standing right now (never cached, so it is good again the moment a payment
   * clears); null when the portal has no account with this id. Rejects with
   * StandingUnavailableError when the portal cannot answer.
   */
  getStanding(customerId: string): Promise<AccountStanding | null>;
}

export type StandingSource = PortalApiSource | PortalDatabaseSource;

/**
 * `{ portalUrl, adminApiKey }` asks the portal server over HTTP (GET
 * /admin/v1/customers/{id}/standing): the usual case, the host running in its own process.
 * `{ db, config }` reads the portal's database directly, for a host that runs the portal in the
 * same process.
 */
export function createStandingReader(source: StandingSource): StandingReader {
  return 'db' in source ? standingFromDatabase(source) : standingOverHttp(source);
}
