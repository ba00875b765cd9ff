import type { AccessUser } from '../../contract/access.ts';
import type { PortalDb } from './database.ts';
import { precompiledQuery } from './precompiled-query.ts';
import type { UserRow } from './schema.ts';

export async function findUser(db: PortalDb, customerId: string, subject: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('customer_id', '=', customerId).where('subject', '=', subject).executeTakeFirst();
}

export interface SigningInUser extends UserRow {
  /** 1 or true (as the dialect answers) when the user holds Customer Portal View by grant. */
  has_portal_grant: number | boolean;
}

// Precompiled, and one statement: signing in reads the user and their grant on every request. A
// lookup on the users' unique key, which SQLite answers through the index whatever its statistics say
// (a join of customers, users and grants was planned as table scans once sqlite_stat1 had seen only a
// few accounts); the grant is a correlated look-up by its primary key.
const signingInUserQuery = precompiledQuery<{ customerId: string; subject: string }, SigningInUser>((db, param) =>
  db
    .selectFrom('users')
    .selectAll('users')
    .select((eb) =>
      eb.exists(eb.selectFrom('portal_grants').select('portal_grants.user_id').whereRef('portal_grants.user_id', '=', 'users.id')).as('has_portal_grant'),
    )
    .where('users.customer_id', '=', param('customerId'))
    .where('users.subject', '=', param('subject')),
);

/** The user signing in and whether they hold a grant, in one statement. */
export async function findSigningInUser(db: PortalDb, customerId: string, subject: string): Promise<SigningInUser | undefined> {
  const [user] = await signingInUserQuery(db, { customerId, subject });
  return user;
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

