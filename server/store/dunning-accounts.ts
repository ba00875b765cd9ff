import { findBillingContactEmail } from './customers.ts';
import type { PortalDb } from './database.ts';

export interface OwedInvoice {
  id: string;
  customerId: string;
  number: string;
  issuedAt: string;
  dueAt: string;
  currency: string;
  amountDue: number;
}

/** Every open invoice with something still owed, of every account, by account and due date. */
export async function listOwedInvoices(db: PortalDb): Promise<OwedInvoice[]> {
  const rows = await db
    .selectFrom('invoices')
    .select(['id', 'customer_id', 'number', 'issued_at', 'due_at', 'currency', 'total', 'amount_paid'])
    .where('status', '=', 'open')
    .whereRef('amount_paid', '<', 'total')
    .orderBy('customer_id')
    .orderBy('due_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    customerId: row.customer_id,
    number: row.number,
    issuedAt: row.issued_at,
    dueAt: row.due_at,
    currency: row.currency,
    amountDue: row.total - row.amount_paid,
  }));
}

/**
 * Who hears about the account's bills: the billing contact, then the users holding Customer Portal
 * View (the Site Admin first), each address once.
 */
export async function listNoticeRecipients(db: PortalDb, customerId: string): Promise<string[]> {
  const billing = await findBillingContactEmail(db, customerId);
  const users = await db
    .selectFrom('users')
    .leftJoin('portal_grants', 'portal_grants.user_id', 'users.id')
    .select('users.email')
    .where('users.customer_id', '=', customerId)
    .where('users.email', 'is not', null)
    .where((eb) => eb.or([eb('users.is_site_admin', '=', 1), eb('portal_grants.user_id', 'is not', null)]))
    .orderBy('users.is_site_admin', 'desc')
    .orderBy('users.email')
    .execute();
  const seen = new Set<string>();
  return [...(billing ? [billing] : []), ...users.map((row) => row.email!)]
    .filter((email) => {
      const key = email.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
