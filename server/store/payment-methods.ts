import type { PaymentMethod } from '../../contract/payment-method.ts';
import { isCardExpired } from '../domain/card-expiry.ts';
import type { PortalDb } from './database.ts';
import type { PaymentMethodRow } from './schema.ts';

/** The account's methods, the default first, then the newest. */
export async function listPaymentMethods(db: PortalDb, customerId: string): Promise<PaymentMethodRow[]> {
  return db
    .selectFrom('payment_methods')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('is_default', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function findPaymentMethod(db: PortalDb, customerId: string, id: string): Promise<PaymentMethodRow | undefined> {
  return db.selectFrom('payment_methods').selectAll().where('customer_id', '=', customerId).where('id', '=', id).executeTakeFirst();
}

export async function findDefaultPaymentMethod(db: PortalDb, customerId: string): Promise<PaymentMethodRow | undefined> {
  return db.selectFrom('payment_methods').selectAll().where('customer_id', '=', customerId).where('is_default', '=', 1).executeTakeFirst();
}

/** The account's method for the same card or account, by the processor's fingerprint. */
export async function findPaymentMethodByFingerprint(db: PortalDb, customerId: string, fingerprint: string): Promise<PaymentMethodRow | undefined> {
  return db
    .selectFrom('payment_methods')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('fingerprint', '=', fingerprint)
    .executeTakeFirst();
}

/** Whether any account has this token on file. */
export async function isTokenOnFile(db: PortalDb, token: string): Promise<boolean> {
  return (await db.selectFrom('payment_methods').select('id').where('token', '=', token).executeTakeFirst()) !== undefined;
}

export async function countPaymentMethods(db: PortalDb, customerId: string): Promise<number> {
  const row = await db
    .selectFrom('payment_methods')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function insertPaymentMethod(db: PortalDb, row: PaymentMethodRow): Promise<void> {
  await db.insertInto('payment_methods').values(row).execute();
}

/** Makes `id` the account's default; call inside a transaction, so there is never a moment with two or none. */
export async function makeDefaultPaymentMethod(db: PortalDb, customerId: string, id: string): Promise<void> {
  await db.updateTable('payment_methods').set({ is_default: 0 }).where('customer_id', '=', customerId).where('is_default', '=', 1).execute();
  await db.updateTable('payment_methods').set({ is_default: 1 }).where('customer_id', '=', customerId).where('id', '=', id).execute();
}

export async function deletePaymentMethod(db: PortalDb, customerId: string, id: string): Promise<void> {
  await db.deleteFrom('payment_methods').where('customer_id', '=', customerId).where('id', '=', id).execute();
}

export const toPaymentMethod = (row: PaymentMethodRow, now: Date): PaymentMethod => ({
  id: row.id,
  kind: row.kind,
  brand: row.brand,
  last4: row.last4,
  expMonth: row.exp_month,
  expYear: row.exp_year,
  holderName: row.holder_name,
  isDefault: row.is_default === 1,
  isExpired: row.exp_month !== null && row.exp_year !== null && isCardExpired({ expMonth: row.exp_month, expYear: row.exp_year }, now),
  createdAt: row.created_at,
});
