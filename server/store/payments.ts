import type { Payment } from '../../contract/payment.ts';
import type { PortalDb } from './database.ts';

export interface InvoiceDue {
  id: string;
  number: string;
  amountDue: number;
  currency: string;
}

/** The account's open invoices with something still due, oldest due first; only `ids` when given. */
export async function listInvoicesDue(db: PortalDb, customerId: string, ids?: string[]): Promise<InvoiceDue[]> {
  let query = db
    .selectFrom('invoices')
    .select(['id', 'number', 'total', 'amount_paid', 'currency'])
    .where('customer_id', '=', customerId)
    .where('status', '=', 'open')
    .whereRef('amount_paid', '<', 'total');
  if (ids) query = query.where('id', 'in', ids);
  const rows = await query.orderBy('due_at').orderBy('number').execute();
  return rows.map((row) => ({ id: row.id, number: row.number, amountDue: row.total - row.amount_paid, currency: row.currency }));
}

/** A payment transaction as the payments API answers it. */
export async function findPayment(db: PortalDb, customerId: string, transactionId: string): Promise<Payment | undefined> {
  const transaction = await db
    .selectFrom('transactions')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('id', '=', transactionId)
    .executeTakeFirst();
  if (!transaction) return undefined;
  const invoices = await db
    .selectFrom('transaction_allocations')
    .innerJoin('invoices', 'invoices.id', 'transaction_allocations.invoice_id')
    .select(['invoices.id', 'invoices.number', 'transaction_allocations.amount'])
    .where('transaction_allocations.transaction_id', '=', transactionId)
    .orderBy('invoices.due_at')
    .execute();
  return {
    id: transaction.id,
    status: transaction.status === 'succeeded' ? 'succeeded' : 'failed',
    amount: transaction.amount,
    currency: transaction.currency,
    paymentMethod: { id: transaction.payment_method_id ?? '', label: transaction.method_label ?? '' },
    invoices,
    reference: transaction.reference,
    declineCode: (transaction.decline_code as Payment['declineCode']) ?? null,
    failureReason: transaction.failure_reason,
    occurredAt: transaction.occurred_at,
  };
}

