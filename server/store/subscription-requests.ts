import type { SubscriptionRequest } from '../../contract/subscription-request.ts';
import type { PortalDb } from './database.ts';
import type { SubscriptionRequestRow } from './schema.ts';

export async function insertSubscriptionRequest(db: PortalDb, row: SubscriptionRequestRow): Promise<void> {
  await db.insertInto('subscription_requests').values(row).execute();
}

export async function deleteSubscriptionRequest(db: PortalDb, customerId: string, requestId: string): Promise<void> {
  await db.deleteFrom('subscription_requests').where('customer_id', '=', customerId).where('id', '=', requestId).execute();
}

/** A pending request asking the same; free-text requests are the same only with the same message. */
export async function findPendingTwin(
  db: PortalDb,
  customerId: string,
  request: Pick<SubscriptionRequestRow, 'subscription_id' | 'kind' | 'feature_name' | 'message'>,
): Promise<SubscriptionRequestRow | undefined> {
  let query = db
    .selectFrom('subscription_requests')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('status', '=', 'pending')
    .where('subscription_id', 'is not distinct from', request.subscription_id)
    .where('kind', '=', request.kind)
    .where('feature_name', 'is not distinct from', request.feature_name);
  if (request.kind === 'other') query = query.where('message', 'is not distinct from', request.message);
  return query.executeTakeFirst();
}

/** The account's requests, newest first. */
export async function listSubscriptionRequests(db: PortalDb, customerId: string): Promise<SubscriptionRequestRow[]> {
  return db
    .selectFrom('subscription_requests')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export const toSubscriptionRequest = (row: SubscriptionRequestRow): SubscriptionRequest => ({
  id: row.id,
  subscriptionId: row.subscription_id,
  kind: row.kind,
  featureName: row.feature_name,
  message: row.message,
  status: row.status,
  requestedBy: { sub: row.requested_by_subject, name: row.requested_by_name, email: row.requested_by_email },
  createdAt: row.created_at,
});
