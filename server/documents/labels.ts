import type { InvoiceStatus } from '../../contract/invoice.ts';
import type { TransactionKind, TransactionStatus } from '../../contract/transaction.ts';

/** The invoice's status as people read it; an open invoice past its due date reads "Past due". */
export const invoiceStatusLabel = (invoice: { status: InvoiceStatus; isPastDue: boolean }): string =>
  invoice.isPastDue ? 'Past due' : { open: 'Open', paid: 'Paid', void: 'Void' }[invoice.status];

export const transactionKindLabels: Record<TransactionKind, string> = {
  payment: 'Payment',
  failed_payment: 'Failed payment',
  refund: 'Refund',
  credit: 'Credit',
};

export const transactionStatusLabels: Record<TransactionStatus, string> = {
  pending: 'Pending',
  succeeded: 'Succeeded',
  failed: 'Failed',
};
