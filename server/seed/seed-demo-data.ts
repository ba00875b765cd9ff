import type { AccessUser } from '../../contract/access.ts';
import { AccountStanding } from '../../contract/standing.ts';
import { createPortalApp } from '../app.ts';
import { keyResolverFromConfig } from '../auth/key-resolver.ts';
import { calendarDate } from '../clock.ts';
import type { PortalConfig } from '../config.ts';
import { jsonLogger } from '../logger.ts';
import { createMailer } from '../mail/create-mailer.ts';
import { createSandboxGateway } from '../payments/sandbox/create-sandbox-gateway.ts';
import { findCustomer } from '../store/customers.ts';
import type { PortalDb } from '../store/database.ts';
import { listAccessUsers } from '../store/users.ts';
import type { DemoAccount, SeedContext } from './demo-account.ts';
import { signDemoToken } from './demo-token.ts';
import { newDevelopmentSecret } from './development-config.ts';
import { globex } from './globex.ts';
import { inProcessClient } from './in-process-client.ts';
import { northwind } from './northwind.ts';
import { SeedClock } from './timeline.ts';

const demoAccounts: DemoAccount[] = [northwind, globex];

export interface DemoAccountSummary {
  id: string;
  companyName: string;
  locale: string;
  standing: AccountStanding;
  users: AccessUser[];
}

export interface DemoSummary {
  /** The accounts this run created; empty when the demo data was there already. */
  seededIds: string[];
  accounts: DemoAccountSummary[];
}

/**
 * Fills the demo accounts into a migrated database through the admin and portal APIs, their year
 * of history ending at `now`. An account that exists already is left as it is, so a second run
 * changes nothing.
 */
export async function seedDemoData(db: PortalDb, config: PortalConfig, now: Date): Promise<DemoSummary> {
  const clock = new SeedClock(now);
  // Keys that never leave this process, so seeding works however the server verifies tokens.
  const jwtSecret = newDevelopmentSecret();
  const seedConfig: PortalConfig = {
    ...config,
    adminApiKey: newDevelopmentSecret(),
    jwt: { ...config.jwt, key: { kind: 'secret', secret: jwtSecret }, issuer: undefined },
  };
  const app = createPortalApp({
    db,
    clock,
    keys: keyResolverFromConfig(seedConfig.jwt),
    config: seedConfig,
    logger: jsonLogger,
    mailer: createMailer(seedConfig, db, clock),
    paymentGateway: createSandboxGateway(db, clock),
  });
  const context: SeedContext = {
    db,
    clock,
    today: calendarDate(now),
    admin: inProcessClient(app, seedConfig.adminApiKey),
    asUser: async (user) => inProcessClient(app, await signDemoToken(jwtSecret, user, seedConfig.jwt, clock.now())),
    gateway: inProcessClient(app),
  };

  const seededIds: string[] = [];
  for (const account of demoAccounts) {
    if (await findCustomer(db, account.id)) continue;
    await account.seed(context);
    seededIds.push(account.id);
  }

  clock.moveTo(context.today);
  const accounts = await Promise.all(
    demoAccounts.map(async ({ id }): Promise<DemoAccountSummary> => {
      const customer = (await findCustomer(db, id))!;
      return {
        id,
        companyName: customer.company_name,
        locale: customer.locale,
        standing: await context.admin.get(`/admin/v1/customers/${id}/standing`, AccountStanding),
        users: await listAccessUsers(db, id),
      };
    }),
  );
  return { seededIds, accounts };
}
