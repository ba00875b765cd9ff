import type { PortalDb } from './database.ts';
import type { IdempotencyKeysTable } from './schema.ts';

/** Keys are the caller's own: one user's key never meets another's. */
export interface IdempotencyScope {
  customerId: string;
  userId: string;
  key: string;
}

const scoped = (db: PortalDb, scope: IdempotencyScope) =>
  db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('customer_id', '=', scope.customerId)
    .where('user_id', '=', scope.userId)
    .where('key', '=', scope.key);

export async function findIdempotencyKey(db: PortalDb, scope: IdempotencyScope): Promise<IdempotencyKeysTable | undefined> {
  return scoped(db, scope).executeTakeFirst();
}

export async function insertIdempotencyKey(
  db: PortalDb,
  scope: IdempotencyScope,
  record: Pick<IdempotencyKeysTable, 'request_hash' | 'transaction_id' | 'locked_until' | 'created_at' | 'expires_at'>,
): Promise<void> {
  await db
    .insertInto('idempotency_keys')
    .values({ customer_id: scope.customerId, user_id: scope.userId, key: scope.key, state: 'running', response_status: null, response_body: null, ...record })
    .execute();
}

const updateScoped = (db: PortalDb, scope: IdempotencyScope) =>
  db
    .updateTable('idempotency_keys')
    .where('customer_id', '=', scope.customerId)
    .where('user_id', '=', scope.userId)
    .where('key', '=', scope.key);

/** Takes over a request whose runner stopped (its lease ran out); false when someone else took it first. */
export async function takeOverIdempotencyKey(db: PortalDb, scope: IdempotencyScope, expiredLease: string, lockedUntil: string): Promise<boolean> {
  const result = await updateScoped(db, scope)
    .set({ locked_until: lockedUntil })
    .where('state', '=', 'running')
    .where('locked_until', '=', expiredLease)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function completeIdempotencyKey(db: PortalDb, scope: IdempotencyScope, responseStatus: number, responseBody: unknown): Promise<void> {
  await updateScoped(db, scope)
    .set({ state: 'done', response_status: responseStatus, response_body: JSON.stringify(responseBody), locked_until: null })
    .execute();
}

/** Forgets a request that failed before anything was recorded, so the key can be used again. */
export async function releaseIdempotencyKey(db: PortalDb, scope: IdempotencyScope): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('customer_id', '=', scope.customerId)
    .where('user_id', '=', scope.userId)
    .where('key', '=', scope.key)
    .where('state', '=', 'running')
    .execute();
}

/** Whether any payment of the account is running right now (by anyone, under any key). */
export async function hasRunningPayment(db: PortalDb, customerId: string, now: string): Promise<boolean> {
  const running = await db
    .selectFrom('idempotency_keys')
    .select('key')
    .where('customer_id', '=', customerId)
    .where('state', '=', 'running')
    .where('locked_until', '>', now)
    .executeTakeFirst();
  return running !== undefined;
}

export async function deleteExpiredIdempotencyKeys(db: PortalDb, now: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('expires_at', '<', now).where('state', '=', 'done').execute();
}
