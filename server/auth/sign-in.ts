import { newId } from '../ids.ts';
import { ProblemError } from '../errors.ts';
import type { Principal } from '../http/env.ts';
import type { PortalDb } from '../store/database.ts';
import { findCustomer } from '../store/customers.ts';
import type { CustomerRow } from '../store/schema.ts';
import { findSigningInUser, updateUser } from '../store/users.ts';
import type { TokenClaims } from './verify-token.ts';

const lastSeenResolutionMs = 60 * 60 * 1000;

const notProvisioned = () =>
  new ProblemError(403, 'not-provisioned', {
    detail: 'This account has not been set up for the Customer Portal yet. Please contact support.',
  });

/**
 * Turns verified claims into the principal: the account must be provisioned; the user is created
 * on their first valid token and their name and email follow the host's. A known user is read with
 * their grant in one statement; their account exists (users reference it), so it is read only when a
 * route needs more of it than its id (loadAccount).
 */
export async function signIn(db: PortalDb, claims: TokenClaims, now: Date): Promise<Principal> {
  let user = await findSigningInUser(db, claims.customer, claims.sub);
  if (!user) {
    const nowText = now.toISOString();
    if (!(await findCustomer(db, claims.customer))) throw notProvisioned();
    await db
      .insertInto('users')
      .values({
        id: newId('usr'),
        customer_id: claims.customer,
        subject: claims.sub,
        name: claims.name,
        email: claims.email,
        created_at: nowText,
        last_seen_at: nowText,
      })
      .onConflict((conflict) => conflict.columns(['customer_id', 'subject']).doNothing())
      .execute();
    user = (await findSigningInUser(db, claims.customer, claims.sub))!;
  } else {
    const change = {
      ...(claims.name !== null && claims.name !== user.name && { name: claims.name }),
      ...(claims.email !== null && claims.email !== user.email && { email: claims.email }),
      ...(isStale(user.last_seen_at, now) && { last_seen_at: now.toISOString() }),
    };
    if (Object.keys(change).length > 0) {
      await updateUser(db, user.id, change);
      user = { ...user, ...change };
    }
  }
  const { has_portal_grant: hasGrant, ...row } = user;
  const isSiteAdmin = row.is_site_admin === 1;
  // A Site Admin is the account's only one (users_one_site_admin), so the standing need not look them up.
  return {
    customerId: row.customer_id,
    user: row,
    hasPortalAccess: isSiteAdmin || Boolean(hasGrant),
    siteAdmin: isSiteAdmin ? { name: row.name, email: row.email } : undefined,
  };
}

/** The signed-in user's account, for routes that need more of it than its id. */
export async function loadAccount(db: PortalDb, customerId: string): Promise<CustomerRow> {
  const customer = await findCustomer(db, customerId);
  // Removed since this request signed in.
  if (!customer) throw notProvisioned();
  return customer;
}

// Written at most hourly, so reads do not turn into writes on every request.
const isStale = (lastSeenAt: string | null, now: Date): boolean =>
  lastSeenAt === null || now.getTime() - Date.parse(lastSeenAt) >= lastSeenResolutionMs;
