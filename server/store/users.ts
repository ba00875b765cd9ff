import type { AccessUser } from '../../contract/access.ts';
import type { PortalDb } from './database.ts';
import { precompiledQuery } from './precompiled-query.ts';
import type { CustomerRow, UserRow } from './schema.ts';

export async function findUser(db: PortalDb, customerId: string, subject: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('subject', '=', subject)
    .executeTakeFirst();
}

export async function findSiteAdmin(db: PortalDb, customerId: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('is_site_admin', '=', 1)
    .executeTakeFirst();
}

export async function insertUser(db: PortalDb, user: UserRow): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function updateUser(
  db: PortalDb,
  userId: string,
  change: Partial<Pick<UserRow, 'name' | 'email' | 'last_seen_at'>>,
): Promise<void> {
  await db.updateTable('users').set(change).where('id', '=', userId).execute();
}

export async function deleteUser(db: PortalDb, userId: string): Promise<void> {
  await db.deleteFrom('users').where('id', '=', userId).execute();
}

export async function hasPortalGrant(db: PortalDb, userId: string): Promise<boolean> {
  const grant = await db.selectFrom('portal_grants').select('user_id').where('user_id', '=', userId).executeTakeFirst();
  return grant !== undefined;
}

export async function insertPortalGrant(
  db: PortalDb,
  grant: { userId: string; grantedByUserId: string | null; grantedAt: string },
): Promise<void> {
  await db
    .insertInto('portal_grants')
    .values({ user_id: grant.userId, granted_by_user_id: grant.grantedByUserId, granted_at: grant.grantedAt })
    .onConflict((conflict) => conflict.column('user_id').doNothing())
    .execute();
}

export async function deletePortalGrant(db: PortalDb, userId: string): Promise<void> {
  await db.deleteFrom('portal_grants').where('user_id', '=', userId).execute();
}

const accessQuery = (db: PortalDb, customerId: string) =>
  db
    .selectFrom('users')
    .leftJoin('portal_grants', 'portal_grants.user_id', 'users.id')
    .leftJoin('users as granter', 'granter.id', 'portal_grants.granted_by_user_id')
    .select([
      'users.subject',
      'users.name',
      'users.email',
      'users.is_site_admin',
      'portal_grants.granted_at',
      'granter.name as granter_name',
      'granter.subject as granter_subject',
    ])
    .where('users.customer_id', '=', customerId);

type AccessRow = Awaited<ReturnType<ReturnType<typeof accessQuery>['executeTakeFirstOrThrow']>>;

const toAccessUser = (row: AccessRow): AccessUser => ({
  sub: row.subject,
  name: row.name,
  email: row.email,
  isSiteAdmin: row.is_site_admin === 1,
  hasPortalAccess: row.is_site_admin === 1 || row.granted_at !== null,
  grantedAt: row.granted_at,
  grantedBy: row.is_site_admin === 1 ? null : (row.granter_name ?? row.granter_subject),
});

/** The account's users, Site Admin first, then by name. */
export async function listAccessUsers(db: PortalDb, customerId: string): Promise<AccessUser[]> {
  const rows = await accessQuery(db, customerId)
    .orderBy('users.is_site_admin', 'desc')
    // Nameless users first on both databases (PostgreSQL would sort nulls last).
    .orderBy('users.name', (order) => order.asc().nullsFirst())
    .orderBy('users.subject')
    .execute();
  return rows.map(toAccessUser);
}

export async function findAccessUser(db: PortalDb, customerId: string, subject: string): Promise<AccessUser | undefined> {
  const row = await accessQuery(db, customerId).where('users.subject', '=', subject).executeTakeFirst();
  return row && toAccessUser(row);
}

const signInQuery = precompiledQuery<{ customerId: string; subject: string }, SignInRow>((db, param) =>
  db
    .selectFrom('customers')
    .leftJoin('users', (join) => join.onRef('users.customer_id', '=', 'customers.id').on('users.subject', '=', param('subject')))
    .leftJoin('portal_grants', 'portal_grants.user_id', 'users.id')
    .leftJoin('users as site_admin', (join) =>
      // A literal, not a bound parameter: only then may SQLite use the partial index users_one_site_admin
      // without preparing the statement again for every value (measured: that doubles the query's cost).
      join.onRef('site_admin.customer_id', '=', 'customers.id').on((eb) => eb('site_admin.is_site_admin', '=', eb.lit(1))),
    )
    .selectAll('customers')
    .select([
      'users.id as user_id',
      'users.name as user_name',
      'users.email as user_email',
      'users.is_site_admin as user_is_site_admin',
      'users.created_at as user_created_at',
      'users.last_seen_at as user_last_seen_at',
      'portal_grants.user_id as granted_user_id',
      'site_admin.name as site_admin_name',
      'site_admin.email as site_admin_email',
      'site_admin.id as site_admin_id',
    ])
    .where('customers.id', '=', param('customerId')),
);

type SignInRow = CustomerRow & {
  user_id: string | null;
  user_name: string | null;
  user_email: string | null;
  user_is_site_admin: 0 | 1 | null;
  user_created_at: string | null;
  user_last_seen_at: string | null;
  granted_user_id: string | null;
  site_admin_name: string | null;
  site_admin_email: string | null;
  site_admin_id: string | null;
};

export interface SignInAccount {
  customer: CustomerRow;
  /** The user with this subject on the account, if they signed in before. */
  user: UserRow | undefined;
  /** Whether that user holds a Customer Portal View grant (Site Admins hold it without one). */
  hasPortalGrant: boolean;
  /** The account's Site Admin (at most one), as the standing and the 403 name them. */
  siteAdmin: Pick<UserRow, 'name' | 'email'> | null;
}

/**
 * Everything signing in reads, in one query: the account, the token's user on it, their grant and
 * the account's Site Admin. Undefined when the account is not provisioned.
 */
export async function findSignInAccount(db: PortalDb, customerId: string, subject: string): Promise<SignInAccount | undefined> {
  const [row] = await signInQuery(db, { customerId, subject });
  if (!row) return undefined;
  const customer: CustomerRow = {
    id: row.id,
    customer_key: row.customer_key,
    company_name: row.company_name,
    address_line1: row.address_line1,
    address_line2: row.address_line2,
    address_city: row.address_city,
    address_region: row.address_region,
    address_postal_code: row.address_postal_code,
    address_country: row.address_country,
    currency: row.currency,
    locale: row.locale,
    version: row.version,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
  const user: UserRow | undefined =
    row.user_id === null
      ? undefined
      : {
          id: row.user_id,
          customer_id: row.id,
          subject,
          name: row.user_name,
          email: row.user_email,
          is_site_admin: row.user_is_site_admin ?? 0,
          created_at: row.user_created_at!,
          last_seen_at: row.user_last_seen_at,
        };
  return {
    customer,
    user,
    hasPortalGrant: row.granted_user_id !== null,
    siteAdmin: row.site_admin_id === null ? null : { name: row.site_admin_name, email: row.site_admin_email },
  };
}
