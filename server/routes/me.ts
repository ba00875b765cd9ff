import { Hono } from 'hono';
import type { Me } from '../../contract/me.ts';
import { loadAccount } from '../auth/sign-in.ts';
import type { PortalEnv } from '../http/env.ts';
import { type StandingDeps, loadAccountStanding } from '../services/account-standing.ts';

/** Routes any signed-in user reaches, with or without Customer Portal View. */
export function signedInRoutes(deps: StandingDeps) {
  return new Hono<PortalEnv>()
    .get('/me', async (c) => {
      const { user, hasPortalAccess, customerId } = c.get('principal');
      const customer = await loadAccount(deps.db, customerId);
      const me: Me = {
        sub: user.subject,
        name: user.name,
        email: user.email,
        customer: { id: customer.id, companyName: customer.company_name, customerKey: customer.customer_key },
        isSiteAdmin: user.is_site_admin === 1,
        hasPortalAccess,
      };
      return c.json(me);
    })
    .get('/standing', async (c) => {
      const { customerId, hasPortalAccess, siteAdmin } = c.get('principal');
      const customer = await loadAccount(deps.db, customerId);
      return c.json({ ...(await loadAccountStanding(deps, customer, siteAdmin)), canPay: hasPortalAccess });
    });
}
