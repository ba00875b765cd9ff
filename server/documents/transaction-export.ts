import type { Transaction } from '../../contract/transaction.ts';
import type { TransactionFilters } from '../store/transaction-history.ts';
import type { ListExport } from './export-columns.ts';
import { transactionKindLabels, transactionStatusLabels } from './labels.ts';

/** The transaction history export, PDF or spreadsheet. */
export const transactionExport: ListExport<Transaction> = {
  title: 'Transactions',
  orientation: 'landscape',
  emptyMessage: 'No transactions match these filters.',
  columns: [
    { header: 'Date (UTC)', kind: 'datetime', width: 17, value: (transaction) => transaction.occurredAt },
    { header: 'Type', kind: 'text', width: 14, value: (transaction) => transactionKindLabels[transaction.kind] },
    { header: 'Status', kind: 'text', width: 12, value: (transaction) => transactionStatusLabels[transaction.status] },
    { header: 'Amount', kind: 'money', width: 13, value: (transaction) => transaction.amount },
    { header: 'Currency', kind: 'text', width: 10, value: (transaction) => transaction.currency },
    { header: 'Method', kind: 'text', width: 20, value: (transaction) => transaction.methodLabel },
    { header: 'Reference', kind: 'text', width: 25, value: (transaction) => transaction.reference },
    { header: 'Invoices', kind: 'text', width: 18, value: (transaction) => transaction.invoices.map((invoice) => invoice.number).join(', ') },
    { header: 'Failure reason', kind: 'text', width: 30, value: (transaction) => transaction.failureReason },
  ],
};

const kindWords = { payment: 'payments', failed_payment: 'failed payments', refund: 'refunds', credit: 'credits' } as const;

/** The filters in words for the export's title block, e.g. "Only refunds · 2026-01-01 to 2026-06-30 (UTC)". */
export function describeTransactionFilters(filters: TransactionFilters): string {
  const parts: string[] = [];
  if (filters.kind) parts.push(`Only ${kindWords[filters.kind]}`);
  if (filters.from && filters.to) parts.push(`${filters.from} to ${filters.to} (UTC)`);
  else if (filters.from) parts.push(`On or after ${filters.from} (UTC)`);
  else if (filters.to) parts.push(`On or before ${filters.to} (UTC)`);
  return parts.join(' · ');
}
