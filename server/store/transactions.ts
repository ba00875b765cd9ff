import { newId } from '../ids.ts';
import type { PortalDb } from './database.ts';
import { inTransaction } from './in-transaction.ts';
import type { TransactionsTable } from './schema.ts';

export interface Allocation {
  invoiceId: string;
  amount: number;
}

export interface NewTransaction {
  customerId: string;
  kind: TransactionsTable['kind'];
  status: TransactionsTable['status'];
  /** Minor units, always positive: the kind says which way the money went. */
  amount: number;
  currency: string;
  paymentMethodId?: string | null;
  /** What the customer recognises the method by, e.g. "Visa ·· 4242". */
  methodLabel: string | null;
  /** The processor's id for the charge or refund. */
  reference: string;
  failureReason?: string | null;
  occurredAt: string;
  /** The invoices the money is for; together at most `amount` (the rest stays on account). */
  allocations: Allocation[];
}

const settlesInvoices = (transaction: NewTransaction) =>
  transaction.status === 'succeeded' && (transaction.kind === 'payment' || transaction.kind === 'credit');

function checkAmounts(transaction: NewTransaction): void {
  const isPositiveAmount = (amount: number) => Number.isSafeInteger(amount) && amount > 0;
  if (!isPositiveAmount(transaction.amount)) throw new Error(`A transaction amount must be a positive integer, not ${transaction.amount}.`);
  if (!transaction.allocations.every((allocation) => isPositiveAmount(allocation.amount))) {
    throw new Error('Each allocation must be a positive integer amount.');
  }
  const allocated = transaction.allocations.reduce((sum, allocation) => sum + allocation.amount, 0);
  if (allocated > transaction.amount) throw new Error(`Allocations of ${allocated} exceed the transaction's ${transaction.amount}.`);
  // A refund returns money to the customer; it does not settle invoices.
  if (transaction.kind === 'refund' && transaction.allocations.length > 0) throw new Error('A refund carries no allocations.');
}

/**
 * Records a transaction with its allocations in one database transaction (joining the caller's, if
 * `db` is one). A succeeded payment or credit adds each allocation to its invoice's amount paid and
 * marks the invoice paid once covered; a failed or pending one keeps its allocations only as what it
 * was meant to pay. Throws, changing nothing, if an invoice is not the customer's, is in another
 * currency, or would be paid beyond its total.
 */
export async function recordTransaction(db: PortalDb, transaction: NewTransaction): Promise<string> {
  checkAmounts(transaction);
  const id = newId('txn');
  const work = async (trx: PortalDb) => {
    await trx
      .insertInto('transactions')
      .values({
        id,
        customer_id: transaction.customerId,
        kind: transaction.kind,
        status: transaction.status,
        amount: transaction.amount,
        currency: transaction.currency,
        payment_method_id: transaction.paymentMethodId ?? null,
        method_label: transaction.methodLabel,
        reference: transaction.reference,
        failure_reason: transaction.failureReason ?? null,
        decline_code: null,
        occurred_at: transaction.occurredAt,
      })
      .execute();
    for (const allocation of transaction.allocations) {
      const invoice = await trx
        .selectFrom('invoices')
        .select(['id', 'number', 'status', 'currency', 'total', 'amount_paid'])
        .where('id', '=', allocation.invoiceId)
        .where('customer_id', '=', transaction.customerId)
        .executeTakeFirst();
      if (!invoice) throw new Error(`Invoice ${allocation.invoiceId} is not one of customer ${transaction.customerId}'s.`);
      if (invoice.currency !== transaction.currency) throw new Error(`Invoice ${invoice.number} is in ${invoice.currency}, not ${transaction.currency}.`);
      await trx
        .insertInto('transaction_allocations')
        .values({ transaction_id: id, invoice_id: invoice.id, amount: allocation.amount })
        .execute();
      if (settlesInvoices(transaction)) await payInvoice(trx, invoice, allocation.amount, transaction.occurredAt);
    }
  };
  await inTransaction(db, work);
  return id;
}

interface InvoiceBalance {
  id: string;
  number: string;
  status: string;
  total: number;
  amount_paid: number;
}

/** Adds `amount` to what the invoice has been paid, marking it paid once covered. */
async function payInvoice(trx: PortalDb, invoice: InvoiceBalance, amount: number, paidAt: string): Promise<void> {
  const amountPaid = invoice.amount_paid + amount;
  if (invoice.status !== 'open' || amountPaid > invoice.total) {
    throw new Error(`Invoice ${invoice.number} (${invoice.status}, ${invoice.total - invoice.amount_paid} due) cannot take ${amount}.`);
  }
  const isPaid = amountPaid === invoice.total;
  // The amount_paid guard makes a concurrent payment on another node fail instead of being lost.
  const updated = await trx
    .updateTable('invoices')
    .set({ amount_paid: amountPaid, status: isPaid ? 'paid' : 'open', paid_at: isPaid ? paidAt : null })
    .where('id', '=', invoice.id)
    .where('status', '=', 'open')
    .where('amount_paid', '=', invoice.amount_paid)
    .executeTakeFirst();
  if (updated.numUpdatedRows !== 1n) throw new Error(`Invoice ${invoice.number} changed while it was being paid.`);
}

export type PaymentOutcome =
  | { status: 'succeeded'; reference: string }
  | { status: 'failed'; reference: string; declineCode: string; failureReason: string };

/**
 * Settles a payment recorded as pending before the gateway was called: on success it pays the
 * invoices it was meant for, on failure it becomes a failed payment. Joins the caller's transaction.
 */
export async function settlePendingPayment(db: PortalDb, transactionId: string, outcome: PaymentOutcome, settledAt: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('transactions')
      .set(
        outcome.status === 'succeeded'
          ? { status: 'succeeded', reference: outcome.reference, occurred_at: settledAt }
          : {
              kind: 'failed_payment',
              status: 'failed',
              reference: outcome.reference,
              decline_code: outcome.declineCode,
              failure_reason: outcome.failureReason,
              occurred_at: settledAt,
            },
      )
      .where('id', '=', transactionId)
      .where('kind', '=', 'payment')
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (updated.numUpdatedRows !== 1n) throw new Error(`Transaction ${transactionId} is not a pending payment.`);
    if (outcome.status === 'failed') return;
    const allocations = await trx
      .selectFrom('transaction_allocations')
      .innerJoin('invoices', 'invoices.id', 'transaction_allocations.invoice_id')
      .select(['invoices.id', 'invoices.number', 'invoices.status', 'invoices.total', 'invoices.amount_paid', 'transaction_allocations.amount as allocated'])
      .where('transaction_allocations.transaction_id', '=', transactionId)
      .execute();
    for (const allocation of allocations) await payInvoice(trx, allocation, allocation.allocated, settledAt);
  });
}
