import type { AccountStanding } from '../../contract/standing.ts';
import { calendarDate, type Clock } from '../clock.ts';
import type { PortalConfig } from '../config.ts';
import { computeStanding, type StandingRules } from '../domain/standing.ts';
import type { PortalDb } from '../store/database.ts';
import { listAmountsDue } from '../store/invoices.ts';
import type { CustomerRow, UserRow } from '../store/schema.ts';
import { findSiteAdmin } from '../store/users.ts';

export interface StandingDeps {
  db: PortalDb;
  clock: Clock;
  rules: StandingRules;
  supportEmail: string | undefined;
}

export const standingRulesOf = (config: PortalConfig): StandingRules => ({
  graceDays: config.graceDays,
  dueSoonDays: config.dueSoonDays,
  lockMinimum: config.lockMinimum,
});

export const standingDepsOf = ({ db, clock, config }: { db: PortalDb; clock: Clock; config: PortalConfig }): StandingDeps => ({
  db,
  clock,
  rules: standingRulesOf(config),
  supportEmail: config.supportEmail,
});

/**
 * The account's standing, read fresh from the invoices every time. `knownSiteAdmin` is the Site
 * Admin as this request already read them (signing in does); without it they are looked up.
 */
export async function loadAccountStanding(
  deps: StandingDeps,
  customer: CustomerRow,
  knownSiteAdmin?: Pick<UserRow, 'name' | 'email'> | null,
): Promise<AccountStanding> {
  const [amountsDue, siteAdmin] = await Promise.all([
    listAmountsDue(deps.db, customer.id),
    knownSiteAdmin !== undefined ? knownSiteAdmin : findSiteAdmin(deps.db, customer.id),
  ]);
  const figures = computeStanding(amountsDue, calendarDate(deps.clock.now()), deps.rules);
  return {
    ...figures,
    currency: customer.currency,
    contact: {
      siteAdmin: siteAdmin ? { name: siteAdmin.name, email: siteAdmin.email } : null,
      support: deps.supportEmail ? { email: deps.supportEmail } : null,
    },
  };
}
