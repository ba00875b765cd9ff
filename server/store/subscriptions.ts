import type { Subscription, SubscriptionCreate } from '../../contract/subscription.ts';
import { nextInvoiceDate } from '../domain/billing-schedule.ts';
import { newId } from '../ids.ts';
import type { PortalDb } from './database.ts';
import { inTransaction } from './in-transaction.ts';

export interface SubscriptionRecord {
  id: string;
  plan: string;
  unitAmount: number;
  currency: string;
  interval: 'month' | 'quarter' | 'year';
  startsAt: string;
  invoiceTerms: string;
  paymentTerms: string;
  features: { name: string; unitAmount: number; isActive: boolean }[];
}

async function planId(db: PortalDb, name: string, now: string): Promise<string> {
  await db
    .insertInto('plans')
    .values({ id: newId('pln'), name, created_at: now })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  const plan = await db.selectFrom('plans').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return plan.id;
}

export async function insertSubscription(
  db: PortalDb,
  customerId: string,
  currency: string,
  subscription: SubscriptionCreate,
  now: string,
): Promise<string> {
  const id = newId('sub');
  await inTransaction(db, async (trx) => {
    await trx
      .insertInto('subscriptions')
      .values({
        id,
        customer_id: customerId,
        plan_id: await planId(trx, subscription.plan, now),
        unit_amount: subscription.unitAmount,
        currency,
        interval: subscription.interval,
        starts_at: subscription.startsAt,
        invoice_terms: subscription.invoiceTerms,
        payment_terms: subscription.paymentTerms,
        created_at: now,
      })
      .execute();
    if (subscription.features.length > 0) {
      await trx
        .insertInto('subscription_features')
        .values(
          subscription.features.map((feature) => ({
            id: newId('fea'),
            subscription_id: id,
            name: feature.name,
            unit_amount: feature.unitAmount,
            is_active: feature.active ? (1 as const) : (0 as const),
          })),
        )
        .execute();
    }
  });
  return id;
}

/** The customer's subscriptions, oldest first, features active first then by name. */
export async function listSubscriptions(
  db: PortalDb,
  customerId: string,
  onlyId?: string,
): Promise<SubscriptionRecord[]> {
  let query = db
    .selectFrom('subscriptions')
    .innerJoin('plans', 'plans.id', 'subscriptions.plan_id')
    .selectAll('subscriptions')
    .select('plans.name as plan_name')
    .where('subscriptions.customer_id', '=', customerId);
  if (onlyId) query = query.where('subscriptions.id', '=', onlyId);
  const rows = await query.orderBy('subscriptions.starts_at').orderBy('subscriptions.id').execute();
  if (rows.length === 0) return [];
  const features = await db
    .selectFrom('subscription_features')
    .selectAll()
    .where(
      'subscription_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('is_active', 'desc')
    .orderBy('name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    plan: row.plan_name,
    unitAmount: row.unit_amount,
    currency: row.currency,
    interval: row.interval,
    startsAt: row.starts_at,
    invoiceTerms: row.invoice_terms,
    paymentTerms: row.payment_terms,
    features: features
      .filter((feature) => feature.subscription_id === row.id)
      .map((feature) => ({ name: feature.name, unitAmount: feature.unit_amount, isActive: feature.is_active === 1 })),
  }));
}

export function toSubscription(record: SubscriptionRecord, today: string): Subscription {
  return {
    ...record,
    status: record.startsAt > today ? 'scheduled' : 'active',
    nextInvoiceAt: nextInvoiceDate(record.startsAt, record.interval, today),
  };
}
