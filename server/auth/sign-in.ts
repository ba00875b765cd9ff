import { newId } from '../ids.ts';
import { ProblemError } from '../errors.ts';
import type { Principal } from '../http/env.ts';
import type { PortalDb } from '../store/database.ts';
import { findCustomer } from '../store/customers.ts';
import { findUser, hasPortalGrant, updateUser } from '../store/users.ts';
import type { TokenClaims } from './verify-token.ts';

const lastSeenResolutionMs = 60 * 60 * 1000;

/**
 * Turns verified claims into the principal: the account must be provisioned; the user is created
 * on their first valid token and their name and email follow the host's.
 */
export async function signIn(db: PortalDb, claims: TokenClaims, now: Date): Promise<Principal> {
  const customer = await findCustomer(db, claims.customer);
  if (!customer) {
    throw new ProblemError(403, 'not-provisioned', {
      detail: 'This account has not been set up for the Customer Portal yet. Please contact support.',
    });
  }
  const nowText = now.toISOString();
  let user = await findUser(db, customer.id, claims.sub);
  if (!user) {
    await db
      .insertInto('users')
      .values({
        id: newId('usr'),
        customer_id: customer.id,
        subject: claims.sub,
        name: claims.name,
        email: claims.email,
        created_at: nowText,
        last_seen_at: nowText,
      })
      .onConflict((conflict) => conflict.columns(['customer_id', 'subject']).doNothing())
      .execute();
    user = (await findUser(db, customer.id, claims.sub))!;
  } else {
    const change = {
      ...(claims.name !== null && claims.name !== user.name && { name: claims.name }),
      ...(claims.email !== null && claims.email !== user.email && { email: claims.email }),
      ...(isStale(user.last_seen_at, now) && { last_seen_at: nowText }),
    };
    if (Object.keys(change).length > 0) {
      await updateUser(db, user.id, change);
      user = { ...user, ...change };
    }
  }
  const isSiteAdmin = user.is_site_admin === 1;
  const hasPortalAccess = isSiteAdmin || (await hasPortalGrant(db, user.id));
  // A Site Admin is the account's only one (users_one_site_admin), so the standing need not look them up.
  return { customer, user, hasPortalAccess, siteAdmin: isSiteAdmin ? { name: user.name, email: user.email } : undefined };
}

// Written at most hourly, so reads do not turn into writes on every request.
const isStale = (lastSeenAt: string | null, now: Date): boolean =>
  lastSeenAt === null || now.getTime() - Date.parse(lastSeenAt) >= lastSeenResolutionMs;
